package dev.barehttp.codec;

import static dev.barehttp.codec.ClientExchanges.feed;
import static dev.barehttp.codec.ClientExchanges.head;
import static dev.barehttp.codec.ClientExchanges.sent;
import static dev.barehttp.codec.Exchanges.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Persistence and pipelining from the client's side (RFC 9112 section 9.3). */
class ClientPersistenceTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    /** Reads one whole response and says whether the connection persists after it. */
    private static boolean persistsAfter(ClientConnection conn, String response) {
        feed(conn, response);
        for (HttpEvent e = conn.nextEvent(); !(e instanceof EndOfMessage); e = conn.nextEvent()) {
            if (e instanceof Signal) {
                throw new AssertionError("unexpected " + e);
            }
        }
        return conn.persistent();
    }

    @Test
    void rfc9112_9_3_http11PersistsByDefault() {
        ClientConnection conn = sent("GET");
        assertTrue(persistsAfter(conn, OK));
        assertTrue(conn.canSendRequest());
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
    }

    @Test
    void rfc9112_9_6_responseConnectionCloseEndsTheConnection() {
        ClientConnection conn = sent("GET");
        assertFalse(persistsAfter(conn, "HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 0\r\n\r\n"
                + OK));
        assertEquals(Signal.CLOSED, conn.nextEvent(), "nothing after the closing response is parsed");
        assertFalse(conn.canSendRequest());
    }

    @Test
    void rfc9112_9_6_requestConnectionCloseEndsTheConnection() {
        ClientConnection conn = new ClientConnection(HttpConfig.defaults());
        conn.request().start("GET", "/").header("Host", "x").header("Connection", "close").end();
        assertFalse(conn.canSendRequest(), "nothing may follow a request that says close");
        assertThrows(IllegalStateException.class, () -> conn.request().start("GET", "/again"));
        assertFalse(persistsAfter(conn, OK));
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void rfc9112_9_3_http10PersistsOnlyWithKeepAlive() {
        assertFalse(persistsAfter(sent("GET"), "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
        assertTrue(persistsAfter(sent("GET"), "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n"));
    }

    @Test
    void rfc9112_9_3_2_pipelinedResponsesAnswerTheRequestsInOrder() {
        byte[] responses = ascii("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx"
                + "HTTP/1.1 204 No Content\r\n\r\n");
        ClientExchanges.Outcome out = ClientExchanges.assertEvents(responses, false, new String[] {"HEAD", "POST", "DELETE"},
                head(200, "OK", "content-length", "3"), Events.end(),
                head(201, "Created", "content-length", "1"), Events.data("x"), Events.end(),
                head(204, "No Content"), Events.end());
        assertEquals(Signal.NEED_DATA, out.last());
    }

    @Test
    void rfc9112_9_3_2_bytesWithNoRequestOutstandingAreRefused() {
        ClientConnection conn = sent("GET");
        ClientExchanges.Outcome out = ClientExchanges.run(conn, List.of(ascii(OK + OK)), false);
        assertEquals(502, out.status());
        assertEquals(List.of(head(200, "OK", "content-length", "2"), Events.data("ok"), Events.end()), out.events());
    }

    @Test
    void rfc9112_9_3_1_aCloseBeforeAnyResponseLeavesTheRequestUnanswered() {
        ClientConnection conn = sent("GET", "GET");
        ClientExchanges.Outcome out = ClientExchanges.run(conn, List.of(ascii(OK)), true);
        assertEquals(Signal.CLOSED, out.last());
        assertEquals(1, conn.outstandingRequests(), "the second request may be retried on a new connection");
    }

    @Test
    void rfc9112_9_3_aResponseHeadCutShortByTheCloseIsRefused() {
        ClientExchanges.assertRejected(ascii("HTTP/1.1 200 OK\r\nContent-"), true, "GET");
    }

    @Test
    void rfc9112_9_3_anIdleConnectionClosedByThePeerIsClosedQuietly() {
        ClientConnection conn = new ClientConnection(HttpConfig.defaults());
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        conn.receiveEndOfInput();
        assertEquals(Signal.CLOSED, conn.nextEvent());
        assertTrue(conn.isClosed());
    }
}
