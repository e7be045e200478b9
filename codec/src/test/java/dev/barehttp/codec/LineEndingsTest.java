package dev.barehttp.codec;

import static dev.barehttp.codec.Events.data;
import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.head;
import static dev.barehttp.codec.Exchanges.ascii;
import static dev.barehttp.codec.Exchanges.assertEvents;
import static dev.barehttp.codec.Exchanges.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9112 section 2.2: CRLF ends lines; a bare CR is refused; a bare LF only by name (allowBareLf). */
class LineEndingsTest {
    private static final HttpConfig BARE_LF = HttpConfig.defaults().withAllowBareLf(true);

    @Test
    void rfc9112_2_2_bareCrInTheHeadIs400() {
        assertRejected(HostileInputs.BARE_CR_IN_FIELD, 400);
        assertRejected(ascii("GET /\r HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.1\r\r\nHost: x\r\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\r\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\r\n"), 400);
        assertRejected(BARE_LF, HostileInputs.BARE_CR_IN_FIELD, 400);
    }

    @Test
    void rfc9112_2_2_bareLfIs400ByDefault() {
        assertRejected(ascii("GET / HTTP/1.1\nHost: x\r\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\n\n"), 400);
        assertRejected(ascii("\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_2_2_allowBareLfAcceptsItInTheRequestLineAndFields() {
        assertEvents(BARE_LF, ascii("GET / HTTP/1.1\nHost: x\nA: 1\r\n\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", "x", "a", "1"), end());
    }

    @Test
    void rfc9112_2_2_eachAcceptedBareLfIsCountedAsAViolation() {
        ServerConnection conn = new ServerConnection(BARE_LF);
        Exchanges.Outcome out = Exchanges.run(conn, List.of(ascii("GET / HTTP/1.1\nHost: x\nA: 1\r\n\n")), false);
        assertEquals(null, out.error());
        assertEquals(3, conn.violations());
        ServerConnection strict = new ServerConnection(BARE_LF);
        Exchanges.run(strict, List.of(ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n")), false);
        assertEquals(0, strict.violations());
    }

    @Test
    void rfc9112_2_2_allowBareLfKeepsChunkedFramingStrict() {
        assertRejected(BARE_LF, ascii("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n5\nhello\n0\n\n"), 400);
        assertEvents(BARE_LF, ascii("POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n5\r\nhello\r\n0\r\n\r\n"),
                head("POST", "/", HttpVersion.HTTP_1_1, RequestHead.CHUNKED, "host", "x", "transfer-encoding", "chunked"),
                data("hello"), end());
    }
}
