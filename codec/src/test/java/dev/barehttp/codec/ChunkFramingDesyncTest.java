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
 * Chunk-line vectors (RFC 9112 section 7.1): every line of the chunked framing ends in exactly CRLF,
 * extensions follow the grammar of section 7.1.1, and all of one request's extensions together stay
 * under {@code maxChunkExtensionsSize}. Each refused body hides a complete second request.
 */
class ChunkFramingDesyncTest {
    private static final RequestHead CHUNKED_POST = head("POST", "/", HttpVersion.HTTP_1_1, RequestHead.CHUNKED,
            "host", "x", "transfer-encoding", "chunked");
    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

    /**
     * "Funky chunks" (Kettle-style research, 2025) and Go CVE-2025-22871 (a bare LF accepted as the end of a chunk-size
     * line): after the size, only CRLF ends the line, with or without allowBareLf.
     */
    @ParameterizedTest
    @ValueSource(strings = {"5\nhello\r\n0\r\n\r\n", "5\rhello\r\n0\r\n\r\n", "5\r\rhello\r\n0\r\n\r\n",
        "5\n\rhello\r\n0\r\n\r\n", "5\r\n\nhello\r\n0\r\n\r\n", "0\n\r\n", "0\r\r\n\r\n", "0\n\n"})
    void funkyChunks_sizeLineNotEndedByCrlfIs400(String body) {
        refusedAndClosed(chunked(body + SMUGGLED), 400);
        refusedAndClosed(HttpConfig.defaults().withAllowBareLf(true), chunked(body + SMUGGLED), 400);
    }

    /** Netty CVE-2025-58056 and "Funky chunks" TERM.EXT / EXT.TERM: a bare LF or CR inside or after an extension. */
    @ParameterizedTest
    @ValueSource(strings = {"5;a\nhello\r\n0\r\n\r\n", "5;a\rhello\r\n0\r\n\r\n", "5;a=b\n\r\nhello\r\n0\r\n\r\n",
        "5;\nx\r\nhello\r\n0\r\n\r\n", "5;a=\"b\nc\"\r\nhello\r\n0\r\n\r\n", "0;a\n\r\n", "0;a=b\r\r\n\r\n"})
    void funkyChunks_extensionNotEndedByCrlfIs400(String body) {
        refusedAndClosed(chunked(body + SMUGGLED), 400);
        refusedAndClosed(HttpConfig.defaults().withAllowBareLf(true), chunked(body + SMUGGLED), 400);
    }

    /**
     * h11 CVE-2025-43859 (any two bytes after chunk data taken as CRLF) and "Funky chunks" 2025: the data is
     * followed by exactly CRLF.
     */
    @ParameterizedTest
    @ValueSource(strings = {"5\r\nhelloXX0\r\n\r\n", "5\r\nhello\n0\r\n\r\n", "5\r\nhello\r0\r\n\r\n",
        "5\r\nhello\n\r0\r\n\r\n", "5\r\nhello\r\r\n0\r\n\r\n", "5\r\nhello\r\n\r\n0\r\n\r\n", "3\r\nhello\r\n0\r\n\r\n",
        "7\r\nhello\r\n0\r\n\r\n"})
    void h11Cve2025_43859_chunkDataNotFollowedByExactlyCrlfIs400(String body) {
        refusedAndClosed(chunked(body + SMUGGLED), 400);
    }

    /**
     * Jetty CVE-2026-2332 and Netty CVE-2026-33870: a quoted-string extension holding CR, LF or another control
     * must not make the parser skip over the next chunk line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1;a=\"\r\n0\r\n\r\n" + "\"\r\nx\r\n0\r\n\r\n", "1;a=\"x\ny\"\r\nx\r\n0\r\n\r\n",
        "1;a=\"x\u0000y\"\r\nx\r\n0\r\n\r\n", "1;a=\"x\u007fy\"\r\nx\r\n0\r\n\r\n", "1;a=\"x\u001by\"\r\nx\r\n0\r\n\r\n",
        "1;a=\"\\\r\n\"\r\nx\r\n0\r\n\r\n", "1;a=\"\\\n\"\r\nx\r\n0\r\n\r\n", "1;a=\"\\\u0000\"\r\nx\r\n0\r\n\r\n",
        "1;a=\"unclosed\r\nx\r\n0\r\n\r\n", "0;a=\"\r\n\r\n\"\r\n\r\n"})
    void jettyCve2026_2332_quotedExtensionWithCrLfOrControlsIs400(String body) {
        refusedAndClosed(chunked(body + SMUGGLED), 400);
    }

    /** RFC 9112 section 7.1.1 with RFC 9110 section 5.6.4: valid quoted strings and quoted-pairs are accepted, not refused. */
    @ParameterizedTest
    @ValueSource(strings = {"5;a=\"b\\\"c\"", "5;a=\"\\\\\"", "5;a=\"\\\t\"", "5;a=\"\\ \"", "5;a=\"x\\y\"",
        "5;a=\"\u00e9\\\u00ff\"", "5;a=\"; b=c, \\\\ \\\"\"", "5;a=\"\"", "5 ; a = \"q\" ; b"})
    void rfc9112_7_1_1_validQuotedPairsAreAccepted(String sizeLine) {
        accepted(chunked(sizeLine + "\r\nhello\r\n0\r\n\r\n"), CHUNKED_POST, data("hello"), end());
    }

    /** Go CVE-2023-39326 and Node CVE-2024-22019: 1-byte chunks with long extensions, each line under its limit. */
    @Test
    void goCve2023_39326_extensionsOfOneRequestOverMaxChunkExtensionsSizeAre400() {
        String line = "1;x=" + "a".repeat(1000) + "\r\nz\r\n";
        refusedAndClosed(chunked(line.repeat(17) + "0\r\n\r\n" + SMUGGLED), 400);
        HttpConfig small = HttpConfig.defaults().toBuilder().maxChunkExtensionsSize(10).build();
        refusedAndClosed(small, chunked("1;abcdefghij\r\nz\r\n0\r\n\r\n"), 400);
        refusedAndClosed(small, chunked("1;abcd\r\nz\r\n1;efgh\r\nz\r\n0;j\r\n\r\n"), 400);
    }

    /** maxChunkExtensionsSize counts every byte after the chunk size up to CR, and exactly that many are allowed. */
    @Test
    void maxChunkExtensionsSize_exactlyAtTheLimitIsAcceptedAndCountsPerRequest() {
        HttpConfig small = HttpConfig.defaults().toBuilder().maxChunkExtensionsSize(10).build();
        Exchanges.assertEvents(small, chunked("1;abcd\r\nz\r\n1;efgh\r\nz\r\n0\r\n\r\n"), CHUNKED_POST, data("zz"), end());
        Exchanges.assertEvents(small, chunked("1;abcdefghi\r\nz\r\n0\r\n\r\n"), CHUNKED_POST, data("z"), end());
        byte[] twice = Exchanges.concat(chunked("1;abcdefghi\r\nz\r\n0\r\n\r\n"), chunked("1;abcdefghi\r\nz\r\n0\r\n\r\n"));
        Exchanges.assertEvents(small, twice, CHUNKED_POST, data("z"), end(), CHUNKED_POST, data("z"), end());
    }

    /** Java decoding trap: Unicode and fullwidth digits are not hex digits in a chunk size. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0665", "\uff15", "\u0e55", "\u00b5", "5\u0665", "\u2075", "\uff21"})
    void javaTrap_unicodeDigitsInChunkSizeAre400(String size) {
        refusedAndClosed(utf8("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + size
                + "\r\nhello\r\n0\r\n\r\n" + SMUGGLED), 400);
    }

    /** RFC 9112 section 7.1: leading zeros are still hex, so a long run of them is one size (and bounded by the line limit). */
    @Test
    void rfc9112_7_1_leadingZerosAreOneSizeWithinTheLineLimit() {
        accepted(chunked("0000000005\r\nhello\r\n0000\r\n\r\n"), CHUNKED_POST, data("hello"), end());
        refusedAndClosed(chunked("0".repeat(5000) + "5\r\nhello\r\n0\r\n\r\n"), 400);
    }
}
