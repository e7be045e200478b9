package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.headOf;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 9110 section 10.1.1: Expect: 100-continue. */
class ExpectContinueTest {
    private static final String CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";

    private static ServerConnection headRead(String request) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, request);
        assertTrue(conn.nextEvent() instanceof RequestHead);
        return conn;
    }

    @Test
    void rfc9110_10_1_1_bodyRequestedQueues100ContinueOnce() {
        ServerConnection conn = headRead("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertFalse(conn.hasOutput());
        assertTrue(conn.bodyRequested());
        assertFalse(conn.bodyRequested());
        assertEquals(CONTINUE, output(conn));
        feed(conn, "abc");
        assertEquals(Events.data("abc"), conn.nextEvent());
        assertEquals(Events.end(), conn.nextEvent());
        conn.response().status(200).end();
        assertFalse(headOf(output(conn)).contains("Connection: close"));
        assertFalse(conn.isClosed());
    }

    @Test
    void rfc9110_10_1_1_no100ContinueOnceTheResponseHasBegun() {
        ServerConnection conn = headRead("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        conn.response().status(200);
        assertFalse(conn.bodyRequested());
        conn.response().end();
        assertFalse(output(conn).contains("100 Continue"));
    }

    @Test
    void rfc9110_10_1_1_never100ContinueToHttp10() {
        ServerConnection conn = headRead("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertFalse(conn.bodyRequested());
        assertFalse(conn.hasOutput());
    }

    @Test
    void rfc9110_10_1_1_no100ContinueWithoutExpectOrBody() {
        assertFalse(headRead("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n").bodyRequested());
        assertFalse(headRead("GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n").bodyRequested());
    }

    @Test
    void rfc9110_10_1_1_finalStatusWithoutReadingTheBodyCloses() {
        ServerConnection conn = headRead("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        conn.response().status(417).end();
        String out = output(conn);
        assertFalse(out.contains("100 Continue"), out);
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }
}
