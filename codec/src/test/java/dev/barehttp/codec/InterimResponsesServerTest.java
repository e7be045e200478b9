package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Interim responses from the server role: RFC 9110 section 15.2 and RFC 8297 (103 Early Hints). */
class InterimResponsesServerTest {
    private static ServerConnection answering(String version) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "GET / " + version + "\r\nHost: x\r\n\r\n");
        conn.nextEvent();
        conn.nextEvent();
        return conn;
    }

    @Test
    void rfc8297_earlyHintsGoOutBeforeTheFinalResponse() {
        ServerConnection conn = answering("HTTP/1.1");
        assertTrue(conn.sendInterim(103, Headers.of("Link", "</a.css>; rel=preload")));
        conn.response().status(204).end();
        String out = output(conn);
        assertTrue(out.startsWith("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n"), out);
    }

    @Test
    void rfc9110_15_2_noInterimResponseToHttp10() {
        ServerConnection conn = answering("HTTP/1.0");
        assertFalse(conn.sendInterim(103, Headers.EMPTY));
        assertEquals("", output(conn));
    }

    @Test
    void noInterimResponseOnceTheFinalOneBegan() {
        ServerConnection conn = answering("HTTP/1.1");
        conn.response().status(200);
        assertFalse(conn.sendInterim(103, Headers.EMPTY));
    }

    @Test
    void only1xxOtherThan101AndNoFramingFields() {
        ServerConnection conn = answering("HTTP/1.1");
        assertThrows(IllegalArgumentException.class, () -> conn.sendInterim(101, Headers.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> conn.sendInterim(200, Headers.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> conn.sendInterim(103, Headers.of("Content-Length", "0")));
        assertEquals("", output(conn), "a refused interim response leaves nothing behind");
    }
}
