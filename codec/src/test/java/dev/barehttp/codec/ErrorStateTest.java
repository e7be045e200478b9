package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** After a protocol error the connection is in a final error state that repeats the same exception. */
class ErrorStateTest {

    @Test
    void errorState_everyLaterNextEventThrowsTheSameException() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "GET / HTTP/1.1\r\nHost : x\r\n\r\n");
        HttpProtocolException first = assertThrows(HttpProtocolException.class, conn::nextEvent);
        assertEquals(400, first.status());
        feed(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        for (int i = 0; i < 3; i++) {
            assertSame(first, assertThrows(HttpProtocolException.class, conn::nextEvent));
        }
        assertSame(first, conn.failure());
        assertTrue(conn.isClosed());
    }

    @Test
    void errorState_respondToErrorQueuesTheStatusWithConnectionClose() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "GET / HTTP/9.9\r\nHost: x\r\n\r\n");
        HttpProtocolException e = assertThrows(HttpProtocolException.class, conn::nextEvent);
        assertTrue(conn.respondToError(e));
        String out = output(conn);
        assertTrue(out.startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n"), out);
        assertTrue(Wire.headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertSame(e, assertThrows(HttpProtocolException.class, conn::nextEvent));
    }

    @Test
    void errorState_noResponseOnceOneHasBegun() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        conn.nextEvent();
        conn.response().status(200).commit();
        output(conn);
        feed(conn, "zz\r\n");
        HttpProtocolException e = assertThrows(HttpProtocolException.class, conn::nextEvent);
        assertEquals(false, conn.respondToError(e));
        assertEquals("", output(conn));
        assertTrue(conn.isClosed());
    }

    @Test
    void errorState_everyStatusHasItsFactory() {
        assertEquals(400, HttpProtocolException.badRequest("m").status());
        assertEquals(408, HttpProtocolException.requestTimeout("m").status());
        assertEquals(413, HttpProtocolException.contentTooLarge("m").status());
        assertEquals(414, HttpProtocolException.uriTooLong("m").status());
        assertEquals(417, HttpProtocolException.expectationFailed("m").status());
        assertEquals(431, HttpProtocolException.headersTooLarge("m").status());
        assertEquals(501, HttpProtocolException.notImplemented("m").status());
        assertEquals(503, HttpProtocolException.serviceUnavailable("m").status());
        assertEquals(505, HttpProtocolException.versionNotSupported("m").status());
        assertTrue(HttpProtocolException.badRequest("m").closesConnection());
    }
}
