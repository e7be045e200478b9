package dev.barehttp.codec;

import static dev.barehttp.codec.DesyncChecks.accepted;
import static dev.barehttp.codec.DesyncChecks.refusedAndClosed;
import static dev.barehttp.codec.DesyncChecks.utf8;
import static dev.barehttp.codec.Events.data;
import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.head;
import static dev.barehttp.codec.Exchanges.ascii;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transfer-Encoding vectors (RFC 9112 sections 6.1, 6.3 and 7): only a final, bare {@code chunked}
 * frames a body; each input carries a complete second request in what should be its body.
 */
class TransferCodingDesyncTest {
    private static final String SMUGGLED = "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

    private static byte[] withCoding(String value) {
        return ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + value + "\r\n\r\n" + SMUGGLED);
    }

    /** llhttp and h11 advisories on TE parameters (llhttp answers 400, h11 501): chunked;q=1 is not chunked. */
    @ParameterizedTest
    @ValueSource(strings = {"chunked;q=1", "chunked ;q=1", "chunked; q=\"1\"", "chunked;", "gzip, chunked;q=1",
        "CHUNKED;x=y"})
    void rfc9112_6_3_finalCodingWithParametersIs400AndCloses(String value) {
        refusedAndClosed(withCoding(value), 400);
    }

    /** PortSwigger 2019 TE.TE obfuscations: a final coding other than chunked is 400 and closes (RFC 9112 section 6.3). */
    @ParameterizedTest
    @ValueSource(strings = {"identity", "chunked, identity", "xchunked", "chunked-x", "\"chunked\"", "chunked chunked",
        "chunk", "gzip"})
    void rfc9112_6_3_finalCodingNotChunkedIs400AndCloses(String value) {
        refusedAndClosed(withCoding(value), 400);
    }

    /** RFC 9112 section 6.1: an unknown coding before chunked is not implemented (501), and the body is never read. */
    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "gzip;q=1, chunked", "identity, chunked", "x-custom , chunked"})
    void rfc9112_6_1_unknownCodingBeforeChunkedIs501AndCloses(String value) {
        refusedAndClosed(withCoding(value), 501);
    }

    /** RFC 9112 section 7.1: chunked applied twice, in one field or two (TE.TE, PortSwigger 2019). */
    @Test
    void rfc9112_7_1_chunkedTwiceIs400AndCloses() {
        refusedAndClosed(withCoding("chunked, chunked"), 400);
        refusedAndClosed(ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + SMUGGLED), 400);
    }

    /** RFC 9112 section 7: coding names are case-insensitive, and empty list elements are allowed (RFC 9110 section 5.6.1). */
    @Test
    void rfc9112_7_chunkedInAnyAsciiCaseWithEmptyElementsIsChunked() {
        RequestHead post = head("POST", "/", HttpVersion.HTTP_1_1, RequestHead.CHUNKED, "host", "x",
                "transfer-encoding", ", CHUNKED ,");
        accepted(ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: , CHUNKED ,\r\n\r\n3\r\nabc\r\n0\r\n\r\n"),
                post, data("abc"), end());
    }

    /** Java decoding trap: the Kelvin sign (U+212A) folds to "k" under equalsIgnoreCase, so "chun\u212Aed" must not be chunked. */
    @Test
    void javaTrap_kelvinSignInChunkedIs400() {
        refusedAndClosed(utf8("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chun\u212Aed\r\n\r\n" + SMUGGLED), 400);
        refusedAndClosed(ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chun\u00cbed\r\n\r\n" + SMUGGLED), 400);
    }

    /** Java decoding trap: characters String.trim() or strip() would remove (VT, FF, NUL, NEL, NBSP) never vanish from a coding. */
    @Test
    void javaTrap_trimmableCharactersAroundChunkedAre400() {
        for (String around : new String[] {"\u000b", "\u000c", "\u0000", "\u001f"}) {
            refusedAndClosed(ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked" + around + "\r\n\r\n"
                    + SMUGGLED), 400);
            refusedAndClosed(ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + around + "chunked\r\n\r\n"
                    + SMUGGLED), 400);
        }
        refusedAndClosed(utf8("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\u0085\r\n\r\n" + SMUGGLED), 400);
        refusedAndClosed(ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\u00a0\r\n\r\n" + SMUGGLED), 400);
    }

    /** RFC 9112 section 6.1: Transfer-Encoding in HTTP/1.0, which an HTTP/1.0 hop ignores, is 400 and closes. */
    @Test
    void rfc9112_6_1_transferEncodingInHttp10Is400AndCloses() {
        refusedAndClosed(HostileInputs.SMUGGLING_TE_IN_HTTP_1_0, 400);
        refusedAndClosed(ascii("POST / HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n"
                + SMUGGLED), 400);
        refusedAndClosed(ascii("POST / HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                + SMUGGLED), 400);
    }

    /** CL.TE and TE.CL (Watchfire 2005, PortSwigger 2019): both framings present is 400 and closes (RFC 9112 section 6.3). */
    @Test
    void rfc9112_6_3_contentLengthWithTransferEncodingIs400AndCloses() {
        refusedAndClosed(HostileInputs.SMUGGLING_CL_TE, 400);
        refusedAndClosed(HostileInputs.SMUGGLING_TE_CL, 400);
    }

    /**
     * "Connection: Content-Length" (hop-by-hop abuse, PortSwigger research 2019-2021): a hop that obeys it drops
     * the framing the next hop relies on; RFC 9110 section 7.6.1 forbids naming such fields, so 400 and close.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Content-Length", "close, content-length", "Transfer-Encoding", "keep-alive, HOST"})
    void rfc9110_7_6_1_connectionNamingFramingOrRoutingFieldsIs400(String options) {
        refusedAndClosed(ascii("POST / HTTP/1.1\r\nHost: x\r\nConnection: " + options + "\r\nContent-Length: 5\r\n\r\n"
                + "GET /"), 400);
    }

    /** RFC 9110 section 7.6.1: other connection options are still fine. */
    @Test
    void rfc9110_7_6_1_connectionNamingOrdinaryOptionsIsAccepted() {
        accepted(ascii("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, x-trace\r\n\r\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", "x", "connection", "keep-alive, x-trace"), end());
    }
}
