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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9112 section 7.1: chunk sizes, extensions, chunk data, the last chunk and trailers. */
class ChunkedTransferCodingTest {
    private static final RequestHead CHUNKED_POST = head("POST", "/", HttpVersion.HTTP_1_1, RequestHead.CHUNKED,
            "host", "x", "transfer-encoding", "chunked");

    private static byte[] chunked(String body) {
        return ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
    }

    @Test
    void rfc9112_7_1_chunksAreJoined() {
        assertEvents(chunked("5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n"), CHUNKED_POST, data("hello world"), end());
    }

    @Test
    void rfc9112_7_1_hexSizesInEitherCase() {
        String sixteen = "0123456789abcdef";
        assertEvents(chunked("a\r\n0123456789\r\n6\r\nabcdef\r\n0\r\n\r\n"), CHUNKED_POST, data(sixteen), end());
        assertEvents(chunked("A\r\n0123456789\r\n06\r\nabcdef\r\n000\r\n\r\n"), CHUNKED_POST, data(sixteen), end());
    }

    @Test
    void rfc9112_7_1_bodyPiecesComeOutBeforeTheLastChunkArrives() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        byte[] partial = chunked("5\r\nhel");
        conn.receive(partial, 0, partial.length);
        assertEquals(CHUNKED_POST, conn.nextEvent());
        assertEquals(data("hel"), conn.nextEvent());
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
    }

    @Test
    void rfc9112_7_1_1_extensionsAreSkipped() {
        assertEvents(chunked("5;name=value;flag\r\nhello\r\n0 ; last=\"q\\\"s\"\r\n\r\n"), CHUNKED_POST, data("hello"), end());
        assertEvents(chunked("5 ;a=b\r\nhello\r\n0\t;x\r\n\r\n"), CHUNKED_POST, data("hello"), end());
    }

    @Test
    void rfc9112_7_1_1_extensionGrammarWithBwsTokensAndQuotedStrings() {
        assertEvents(chunked("5 ; a = b ;c;d=\"x y;\\\" z\"\t;e=\"\"\r\nhello\r\n0;f\r\n\r\n"),
                CHUNKED_POST, data("hello"), end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5;", "5;;a", "5; ", "5;a ", "5;a=", "5;a= ", "5;a=\"b", "5;a=\"b\\\"", "5;a=b=c", "5;a b",
        "5;a=b c", "5;a=\"b\"c", "5;=b", "5;a=(b)", "5;a\"b\"", "5;\u00e9"})
    void rfc9112_7_1_1_extensionsOutsideTheGrammarAre400(String sizeLine) {
        assertRejected(chunked(sizeLine + "\r\nhello\r\n0\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_7_1_1_extensionWithControlCharacterIs400() {
        assertRejected(chunked("5;a=\u0001\r\nhello\r\n0\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_7_1_1_extensionLineOverMaxChunkLineLengthIs400() {
        String longExtension = ";x=" + "a".repeat(4 * 1024);
        assertRejected(chunked("5" + longExtension + "\r\nhello\r\n0\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_7_1_1_extensionLineWithinMaxChunkLineLengthIsAccepted() {
        // the limit counts the line's bytes without its CRLF, as the request-line limit does
        String extension = ";x=" + "a".repeat(4 * 1024 - 4);
        assertEvents(chunked("5" + extension + "\r\nhello\r\n0\r\n\r\n"), CHUNKED_POST, data("hello"), end());
    }

    @Test
    void rfc9112_7_1_1_extensionLineOneByteOverMaxChunkLineLengthIs400() {
        String extension = ";x=" + "a".repeat(4 * 1024 - 3);
        assertRejected(chunked("5" + extension + "\r\nhello\r\n0\r\n\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\nhello\r\n0\r\n\r\n", "g\r\n", "-5\r\nhello\r\n0\r\n\r\n", "0x5\r\nhello\r\n0\r\n\r\n",
        "+5\r\nhello\r\n0\r\n\r\n", " 5\r\nhello\r\n0\r\n\r\n", "5 \r\nhello\r\n0\r\n\r\n", "5 x\r\nhello\r\n0\r\n\r\n"})
    void rfc9112_7_1_chunkSizeNotHexIs400(String body) {
        assertRejected(chunked(body), 400);
    }

    @Test
    void rfc9112_7_1_chunkSizeOverflowIs400() {
        assertRejected(HostileInputs.CHUNK_SIZE_OVERFLOW, 400);
        assertRejected(chunked("8000000000000000\r\n"), 400);
    }

    @Test
    void rfc9112_7_1_largestChunkSizeIsNotAnOverflow() {
        Exchanges.Outcome out = Exchanges.threeWays(HttpConfig.defaults(), chunked("7fffffffffffffff\r\nab"));
        assertEquals(List.of(CHUNKED_POST, data("ab")), out.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5\r\nhelloX\r\n0\r\n\r\n", "5\r\nhello\rX0\r\n\r\n", "5\r\nhello\r\r\n0\r\n\r\n",
        "5\r\nhello0\r\n\r\n"})
    void rfc9112_7_1_chunkDataFollowedByExactlyCrlfElse400(String body) {
        assertRejected(chunked(body), 400);
    }

    @Test
    void rfc9112_7_1_bareLfAfterChunkDataIs400EvenWhenBareLfIsAllowed() {
        assertRejected(HostileInputs.BARE_LF_AFTER_CHUNK_DATA, 400);
        assertRejected(HttpConfig.defaults().withAllowBareLf(true), HostileInputs.BARE_LF_AFTER_CHUNK_DATA, 400);
    }

    @Test
    void rfc9112_7_1_bareLfEndingChunkSizeLineIs400EvenWhenBareLfIsAllowed() {
        assertRejected(HttpConfig.defaults().withAllowBareLf(true), chunked("5\nhello\r\n0\r\n\r\n"), 400);
        assertRejected(HttpConfig.defaults().withAllowBareLf(true), chunked("5\r\nhello\r\n0\n\r\n"), 400);
        assertRejected(HttpConfig.defaults().withAllowBareLf(true), chunked("5;a\nhello\r\n0\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_7_1_2_trailersAreParsedLikeHeaders() {
        assertEvents(chunked("5\r\nhello\r\n0\r\nX-Checksum:  abc \r\nX-More: 1\r\n\r\n"),
                CHUNKED_POST, data("hello"), end("x-checksum", "abc", "x-more", "1"));
    }

    @Test
    void rfc9112_7_1_2_badTrailersAre400() {
        assertRejected(chunked("0\r\nX : a\r\n\r\n"), 400);
        assertRejected(chunked("0\r\nX: a\r\n b\r\n\r\n"), 400);
        assertRejected(chunked("0\r\nX: a\u0000\r\n\r\n"), 400);
        assertRejected(chunked("0\r\nX: a\n\r\n"), 400);
        assertRejected(HttpConfig.defaults().withAllowBareLf(true), chunked("0\r\nX: a\n\r\n"), 400);
    }

    @Test
    void rfc9112_7_1_emptyChunkedBody() {
        assertEvents(chunked("0\r\n\r\n"), CHUNKED_POST, end());
    }

    @Test
    void rfc9112_8_chunkedBodyCutShortByEndOfInputIs400() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        Exchanges.Outcome out = Exchanges.run(conn, List.of(chunked("5\r\nhello\r\n")), true);
        assertEquals(400, out.status());
    }
}
