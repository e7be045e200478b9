package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ServerConnection's state table, row {@code skipResponse()}: a reader that only decodes ends each
 * exchange without a response, and persistence follows RFC 9112 section 9.3 as after a response that
 * does not say {@code Connection: close}.
 */
class SkipResponseTest {
    private static final String GET = "GET /next HTTP/1.1\r\nHost: x\r\n\r\n";

    @Test
    void table_skippedResponseTakesTheNextPipelinedRequestAndWritesNothing() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab" + GET);
        assertTrue(conn.nextEvent() instanceof RequestHead);
        assertTrue(conn.nextEvent() instanceof BodyData);
        assertTrue(conn.nextEvent() instanceof EndOfMessage);
        conn.skipResponse();
        assertEquals(ServerConnection.State.AWAIT_HEAD, conn.state());
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
        assertFalse(conn.hasOutput());
    }

    @Test
    void rfc9112_9_3_aRequestThatSaysCloseEndsTheConnectionWhenSkipped() {
        for (String request : new String[] {"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.0\r\n\r\n"}) {
            ServerConnection conn = new ServerConnection(HttpConfig.defaults());
            feed(conn, request + GET);
            conn.nextEvent();
            conn.nextEvent();
            conn.skipResponse();
            assertEquals(ServerConnection.State.MUST_CLOSE, conn.state(), request);
            assertEquals(Signal.CLOSED, conn.nextEvent(), request);
        }
    }

    @Test
    void table_onlyARequestReadToItsEndWithNoResponseBegunMayBeSkipped() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        assertThrows(IllegalStateException.class, conn::skipResponse, "before any request");
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\na");
        conn.nextEvent();
        assertThrows(IllegalStateException.class, conn::skipResponse, "inside the body");
        feed(conn, "b");
        while (!(conn.nextEvent() instanceof EndOfMessage)) {
            assertEquals(ServerConnection.State.READ_BODY, conn.state());
        }
        conn.response().status(200);
        assertThrows(IllegalStateException.class, conn::skipResponse, "once a response has begun");
    }
}
