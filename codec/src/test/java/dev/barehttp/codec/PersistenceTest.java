package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.headOf;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * RFC 9112 section 9.3: HTTP/1.1 persists unless either side says close; HTTP/1.0 only with
 * keep-alive; after a non-persistent exchange nothing more is parsed.
 */
class PersistenceTest {
    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: x\r\n\r\n";

    /** Answers the first request with an empty 200 (plus {@code extraField} when set) and returns the output. */
    private static String answerFirst(ServerConnection conn, String request, String... extraField) {
        feed(conn, request);
        for (HttpEvent e = conn.nextEvent(); !(e instanceof EndOfMessage); e = conn.nextEvent()) {
            if (e instanceof Signal) {
                throw new AssertionError("unexpected " + e);
            }
        }
        ResponseWriter w = conn.response().status(200);
        if (extraField.length == 2) {
            w.header(extraField[0], extraField[1]);
        }
        w.end();
        return output(conn);
    }

    @Test
    void rfc9112_9_3_http11PersistsByDefault() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        String out = answerFirst(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n" + NEXT);
        assertFalse(out.contains("Connection:"), out);
        assertTrue(conn.response().persistent());
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
    }

    @Test
    void rfc9112_9_6_requestConnectionCloseEndsTheConnection() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        String out = answerFirst(conn, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + NEXT);
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertEquals(Signal.CLOSED, conn.nextEvent());
        assertEquals(Signal.CLOSED, conn.nextEvent());
        assertTrue(conn.isClosed());
    }

    @Test
    void rfc9112_9_6_responseConnectionCloseEndsTheConnection() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        String out = answerFirst(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n" + NEXT, "Connection", "close");
        assertEquals(1, out.split("Connection: close", -1).length - 1, out);
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void rfc9112_9_3_http10ClosesWithoutKeepAlive() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        String out = answerFirst(conn, "GET / HTTP/1.0\r\n\r\n" + NEXT);
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void rfc9112_9_3_http10PersistsWithKeepAliveAndSaysSo() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        String out = answerFirst(conn, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + NEXT);
        assertTrue(headOf(out).contains("\r\nConnection: keep-alive\r\n"), out);
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
    }

    @Test
    void rfc9110_7_6_1_connectionIsATokenListComparedCaseInsensitively() {
        ServerConnection keep = new ServerConnection(HttpConfig.defaults());
        answerFirst(keep, "GET / HTTP/1.0\r\nConnection: Keep-Alive, Upgrade\r\n\r\n" + NEXT);
        assertEquals("/next", ((RequestHead) keep.nextEvent()).target());
        ServerConnection close = new ServerConnection(HttpConfig.defaults());
        answerFirst(close, "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade,  CLOSE \r\n\r\n" + NEXT);
        assertEquals(Signal.CLOSED, close.nextEvent());
        ServerConnection split = new ServerConnection(HttpConfig.defaults());
        answerFirst(split, "GET / HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\nConnection: close\r\n\r\n" + NEXT);
        assertEquals(Signal.CLOSED, split.nextEvent());
    }

    @Test
    void rfc9112_9_3_notATokenMatchDoesNotClose() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        answerFirst(conn, "GET / HTTP/1.1\r\nHost: x\r\nConnection: closed, xclose\r\n\r\n" + NEXT);
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
    }

    @Test
    void rfc9112_9_3_pipelinedBytesAfterANonPersistentExchangeAreNeverParsed() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        answerFirst(conn, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGARBAGE \u0000\r\n\r\n");
        assertEquals(Signal.CLOSED, conn.nextEvent());
        feed(conn, "more garbage\r\n\r\n");
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void rfc9112_9_3_closeDelimitedResponseEndsTheConnection() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + NEXT);
        conn.nextEvent();
        conn.nextEvent();
        conn.response().status(200).write("body".getBytes());
        conn.response().end();
        String out = output(conn);
        assertEquals(ResponseFraming.CLOSE_DELIMITED, conn.response().framing());
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void rfc9110_9_3_6_connectEndsTheConnectionAfterItsExchange() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        String out = answerFirst(conn, "CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\n" + NEXT);
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void shutdown_idleConnectionClosesAtOnce() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        assertTrue(conn.isIdle());
        conn.shutdown();
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void shutdown_responseInProgressSaysCloseAndThenEnds() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n" + NEXT);
        conn.nextEvent();
        conn.nextEvent();
        assertFalse(conn.isIdle());
        conn.shutdown();
        conn.response().status(200).end();
        assertTrue(headOf(output(conn)).contains("\r\nConnection: close\r\n"));
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }
}
