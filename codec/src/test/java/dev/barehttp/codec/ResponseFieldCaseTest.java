package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Field names are case-insensitive (RFC 9110 section 5.1), so a response may send them as the
 * application wrote them; some clients and tools still compare them byte for byte.
 */
class ResponseFieldCaseTest {

    private static ServerConnection answering(String request) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, request);
        while (!(conn.nextEvent() instanceof EndOfMessage)) {
            // read the whole request first
        }
        return conn;
    }

    @Test
    void rfc9110_5_1_headerNamesGoOutInTheCaseTheyWereBuiltWith() {
        ServerConnection conn = answering("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        Headers headers = Headers.builder().add("X-Request-ID", "7").add("Cache-Control", "no-store").build();
        conn.response().status(200).headers(headers).contentLength(0).end();
        String wire = output(conn);
        assertTrue(wire.contains("\r\nX-Request-ID: 7\r\n"), wire);
        assertTrue(wire.contains("\r\nCache-Control: no-store\r\n"), wire);
    }

    @Test
    void rfc9110_5_1_lookupsStayCaseInsensitiveAndNamesStayLowerCase() {
        Headers headers = Headers.builder().add("X-Trace", "a").add("x-TRACE", "b").build();
        assertEquals("x-trace", headers.name(0));
        assertEquals("X-Trace", headers.nameAsWritten(0));
        assertEquals("x-TRACE", headers.nameAsWritten(1));
        assertEquals("a, b", headers.get("X-TRACE"));
        assertEquals(Headers.of("x-trace", "a", "x-trace", "b"), headers);
    }

    @Test
    void rfc9110_5_1_copyAndRemoveKeepTheWrittenCase() {
        Headers original = Headers.builder().add("ETag", "\"1\"").add("Vary", "Origin").add("X-A", "1").build();
        Headers copy = Headers.builder().addAll(original).remove("vary").build();
        assertEquals("ETag", copy.nameAsWritten(0));
        assertEquals("X-A", copy.nameAsWritten(1));
        assertEquals(2, copy.size());
    }

    @Test
    void rfc9112_7_1_2_trailerNamesGoOutInTheirWrittenCase() {
        ServerConnection conn = answering("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        conn.response().status(200).commit();
        conn.response().write(new byte[] {'x'});
        conn.response().end(Headers.builder().add("Server-Timing", "db;dur=1").build());
        assertTrue(output(conn).contains("\r\nServer-Timing: db;dur=1\r\n"), output(conn));
    }
}
