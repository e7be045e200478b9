package dev.barehttp.codec;

import static dev.barehttp.codec.DesyncChecks.accepted;
import static dev.barehttp.codec.DesyncChecks.chunked;
import static dev.barehttp.codec.DesyncChecks.refusedAndClosed;
import static dev.barehttp.codec.DesyncChecks.utf8;
import static dev.barehttp.codec.Events.data;
import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.head;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trailer-section vectors (RFC 9112 section 7.1.2, RFC 9110 section 6.5): a trailer section is a field
 * section with the same grammar and limits as a header section, and may not carry the fields that
 * frame, route or control the request.
 */
class TrailerDesyncTest {
    private static final RequestHead CHUNKED_POST = head("POST", "/", HttpVersion.HTTP_1_1, RequestHead.CHUNKED,
            "host", "x", "transfer-encoding", "chunked");
    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

    private static byte[] withTrailers(String trailerLines) {
        return chunked("5\r\nhello\r\n0\r\n" + trailerLines + "\r\n" + SMUGGLED);
    }

    /** Tomcat CVE-2023-45648: an invalid trailer made Tomcat read one request as two; names must be tokens. */
    @ParameterizedTest
    @ValueSource(strings = {"X Y: 1\r\n", "X@: 1\r\n", ": 1\r\n", "X\u0000: 1\r\n", "X-\u00e9: 1\r\n", "X : 1\r\n",
        "\"X\": 1\r\n", "X\r\n", "X(1): 1\r\n"})
    void tomcatCve2023_45648_trailerNameNotATokenIs400(String line) {
        refusedAndClosed(withTrailers(line), 400);
    }

    /** Java decoding trap: a dotless i (U+0131) in a trailer name is not an "i". */
    @Test
    void javaTrap_dotlessIInTrailerNameIs400() {
        refusedAndClosed(utf8("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-\u0131d: 1\r\n\r\n"
                + SMUGGLED), 400);
    }

    /** Tomcat CVE-2023-45648 family: control bytes, bare CR and bare LF in trailer values. */
    @ParameterizedTest
    @ValueSource(strings = {"X: a\u0000b\r\n", "X: a\u000bb\r\n", "X: a\u000cb\r\n", "X: a\u007fb\r\n", "X: a\rb\r\n",
        "X: a\nY: b\r\n", "X: a\u001b\r\n"})
    void tomcatCve2023_45648_controlBytesInTrailerValuesAre400(String line) {
        refusedAndClosed(withTrailers(line), 400);
        refusedAndClosed(HttpConfig.defaults().withAllowBareLf(true), withTrailers(line), 400);
    }

    /** RFC 9112 section 5.2: obs-fold in a trailer is refused like one in the header section. */
    @ParameterizedTest
    @ValueSource(strings = {"X: a\r\n b\r\n", "X: a\r\n\tb\r\n", " X: a\r\n", "\tX: a\r\n"})
    void rfc9112_5_2_obsFoldInTrailersIs400(String lines) {
        refusedAndClosed(withTrailers(lines), 400);
    }

    /**
     * RFC 9110 section 6.5.1, Tomcat CVE-2023-45648 / CVE-2023-46589 family: trailers that frame (Content-Length,
     * Transfer-Encoding), route (Host) or control the connection or request (Connection, Expect) are 400.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 40\r\n", "Transfer-Encoding: chunked\r\n", "Host: evil.example\r\n",
        "Connection: close\r\n", "Expect: 100-continue\r\n", "X-Ok: 1\r\nCONTENT-LENGTH: 0\r\n", "HOST: a\r\n"})
    void rfc9110_6_5_1_framingRoutingOrControlFieldInTrailersIs400(String line) {
        refusedAndClosed(withTrailers(line), 400);
    }

    /** Tomcat CVE-2023-46589: a trailer section over the header-section limit is 431, and nothing after it is parsed. */
    @Test
    void tomcatCve2023_46589_trailerSectionOverMaxHeaderSectionSizeIs431() {
        HttpConfig small = HttpConfig.defaults().toBuilder().maxHeaderSectionSize(64).build();
        refusedAndClosed(small, withTrailers("X-Big: " + "a".repeat(80) + "\r\n"), 431);
        refusedAndClosed(withTrailers("X-Big: " + "a".repeat(17 * 1024) + "\r\n"), 431);
    }

    /** maxHeaderCount applies to a trailer section on its own: one field more is 431. */
    @Test
    void maxHeaderCount_trailerCountCapIs431() {
        HttpConfig three = HttpConfig.defaults().toBuilder().maxHeaderCount(3).build();
        Exchanges.assertEvents(three, withTrailersNoSmuggling("A: 1\r\nB: 2\r\nC: 3\r\n"), head("POST", "/",
                HttpVersion.HTTP_1_1, RequestHead.CHUNKED, "host", "x", "transfer-encoding", "chunked"), data("hello"),
                end("a", "1", "b", "2", "c", "3"));
        refusedAndClosed(three, withTrailers("A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n"), 431);
        refusedAndClosed(withTrailers("X: 1\r\n".repeat(101)), 431);
    }

    /** RFC 9112 section 7.1.2: ordinary trailers are still delivered, apart from the head. */
    @Test
    void rfc9112_7_1_2_ordinaryTrailersAreAccepted() {
        accepted(withTrailersNoSmuggling("X-Checksum: abc\r\nServer-Timing: db;dur=53\r\n"), CHUNKED_POST, data("hello"),
                end("x-checksum", "abc", "server-timing", "db;dur=53"));
    }

    private static byte[] withTrailersNoSmuggling(String trailerLines) {
        return chunked("5\r\nhello\r\n0\r\n" + trailerLines + "\r\n");
    }
}
