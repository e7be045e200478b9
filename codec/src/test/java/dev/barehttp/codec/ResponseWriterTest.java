package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.headOf;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The response writer: status line, fields, framing (RFC 9112 section 6), and refusal of misuse. */
class ResponseWriterTest {
    /** IMF-fixdate, RFC 9110 section 5.6.7. */
    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} GMT");

    private static ServerConnection answering(String request) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, request);
        while (!(conn.nextEvent() instanceof EndOfMessage)) {
            // read the whole request first
        }
        return conn;
    }

    private static ServerConnection answeringGet() {
        return answering("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    private static ParsedResponse parsed(ServerConnection conn, boolean head) {
        return ParsedResponse.parse(output(conn), head);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void rfc9110_15_standardReasonPhrases() {
        ServerConnection conn = answeringGet();
        conn.response().status(404).end();
        assertTrue(output(conn).startsWith("HTTP/1.1 404 Not Found\r\n"));
        assertEquals("Content Too Large", StatusReasons.of(413));
        assertEquals("", StatusReasons.of(599));
    }

    @Test
    void rfc9112_4_customReasonPhraseAndUnknownCode() {
        ServerConnection conn = answeringGet();
        conn.response().status(299, "Fine Indeed").end();
        assertTrue(output(conn).startsWith("HTTP/1.1 299 Fine Indeed\r\n"));
        ServerConnection empty = answeringGet();
        empty.response().status(599).end();
        assertTrue(output(empty).startsWith("HTTP/1.1 599 \r\n"));
    }

    @Test
    void rfc9112_4_reasonPhraseWithCrLfIsRefused() {
        ServerConnection conn = answeringGet();
        assertThrows(IllegalArgumentException.class, () -> conn.response().status(200, "OK\r\nX: y"));
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 100, 101, 199, 600, -1})
    void statusOutside200To599IsRefused(int status) {
        ServerConnection conn = answeringGet();
        assertThrows(IllegalArgumentException.class, () -> conn.response().status(status));
    }

    @Test
    void misuse_headerAfterBodyIsNamed() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).write(bytes("a"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.response().header("X", "y"));
        assertTrue(e.getMessage().contains("header X after the body"), e.getMessage());
    }

    @Test
    void misuse_bodyAfterEndIsNamed() {
        ServerConnection conn = answering("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        conn.response().status(200).end();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.response().write(bytes("a")));
        assertTrue(e.getMessage().contains("after the end"), e.getMessage());
    }

    @Test
    void misuse_secondStatusIsNamed() {
        ServerConnection conn = answeringGet();
        conn.response().status(200);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.response().status(201));
        assertTrue(e.getMessage().contains("second status"), e.getMessage());
    }

    @Test
    void misuse_endTwiceIsNamed() {
        ServerConnection conn = answering("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        conn.response().status(200).end();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.response().end());
        assertTrue(e.getMessage().contains("end"), e.getMessage());
    }

    @Test
    void misuse_noRequestToAnswer() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.response().status(200));
        assertTrue(e.getMessage().contains("no request"), e.getMessage());
    }

    @Test
    void rfc9112_6_2_contentLengthWhenKnown() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).contentLength(5).write(bytes("hel")).write(bytes("lo")).end();
        ParsedResponse r = parsed(conn, false);
        assertEquals("5", r.field("content-length"));
        assertNull(r.field("transfer-encoding"));
        assertEquals("hello", r.bodyText());
        assertEquals("", r.rest());
    }

    @Test
    void rfc9112_6_2_contentLengthHeaderSetByHandDeclaresTheLength() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).header("Content-Length", "2").write(bytes("ok")).end();
        ParsedResponse r = parsed(conn, false);
        assertEquals(1, r.count("content-length"));
        assertEquals("ok", r.bodyText());
    }

    @Test
    void rfc9112_6_2_endWithoutBodyGivesContentLengthZero() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).end();
        assertEquals("0", parsed(conn, false).field("content-length"));
    }

    @Test
    void rfc9112_7_1_chunkedWithTrailersForUnknownLengthToHttp11() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).commit().write(bytes("hello ")).write(bytes("world"))
                .end(Headers.of("X-Sum", "42"));
        ParsedResponse r = parsed(conn, false);
        assertEquals("chunked", r.field("transfer-encoding"));
        assertNull(r.field("content-length"));
        assertEquals("hello world", r.bodyText());
        assertTrue(r.trailers().get(0)[0].equalsIgnoreCase("x-sum"));
        assertEquals("42", r.trailers().get(0)[1]);
    }

    @Test
    void rfc9112_6_3_closeDelimitedForHttp10AndTheConnectionCloses() {
        ServerConnection conn = answering("GET / HTTP/1.0\r\n\r\n");
        conn.response().status(200).write(bytes("all of it")).end();
        ParsedResponse r = parsed(conn, false);
        assertNull(r.field("content-length"));
        assertNull(r.field("transfer-encoding"));
        assertEquals("close", r.field("connection"));
        assertEquals("all of it", r.bodyText());
        assertTrue(conn.isClosed());
    }

    @Test
    void rfc9110_9_3_2_headGetsTheHeadersOfGetAndNoBody() {
        ServerConnection get = answeringGet();
        get.response().status(200).contentLength(5).write(bytes("hello")).end();
        ServerConnection head = answering("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        head.response().status(200).contentLength(5).write(bytes("hello")).end();
        String getHead = headOf(output(get)).replaceAll("Date: [^\r]*", "Date");
        String headOut = output(head);
        assertEquals(getHead, headOut.replaceAll("Date: [^\r]*", "Date"));
        assertTrue(headOut.endsWith("\r\n\r\n"));
    }

    @Test
    void rfc9110_15_3_5_noContentHasNoBodyAndNoContentLength() {
        ServerConnection conn = answeringGet();
        conn.response().status(204).end();
        String out = output(conn);
        assertTrue(out.endsWith("\r\n\r\n"));
        assertTrue(!out.contains("Content-Length") && !out.contains("Transfer-Encoding"), out);
        ServerConnection writing = answeringGet();
        writing.response().status(204);
        assertThrows(IllegalStateException.class, () -> writing.response().write(bytes("x")));
    }

    @Test
    void rfc9110_15_4_5_notModifiedHasNoBody() {
        ServerConnection conn = answeringGet();
        conn.response().status(304).header("ETag", "\"a\"").end();
        String out = output(conn);
        assertTrue(out.endsWith("\r\n\r\n") && out.contains("ETag: \"a\"\r\n"), out);
        assertTrue(!out.contains("Transfer-Encoding"), out);
    }

    @Test
    void rfc9112_6_2_overrunningTheDeclaredLengthThrows() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).contentLength(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.response().write(bytes("four")));
        assertTrue(e.getMessage().contains("overruns"), e.getMessage());
    }

    @Test
    void rfc9112_6_2_underrunningTheDeclaredLengthThrows() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).contentLength(3).write(bytes("ab"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.response().end());
        assertTrue(e.getMessage().contains("underruns"), e.getMessage());
        assertTrue(conn.isClosed(), "a response cut short leaves the framing broken: the connection closes");
    }

    @Test
    void rfc9110_6_6_1_dateInImfFixdate() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).end();
        String date = parsed(conn, false).field("date");
        assertTrue(date != null && IMF_FIXDATE.matcher(date).matches(), date);
    }

    @Test
    void rfc9110_6_6_1_dateSetByTheApplicationIsKept() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).header("Date", "Sun, 06 Nov 1994 08:49:37 GMT").end();
        ParsedResponse r = parsed(conn, false);
        assertEquals(1, r.count("date"));
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", r.field("date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: evil=1", "a\rb", "a\nb", "a\u0000b", "a\u007fb", "\u0100"})
    void responseSplitting_crLfAndControlsInValuesAreRefused(String value) {
        ServerConnection conn = answeringGet();
        conn.response().status(200);
        assertThrows(IllegalArgumentException.class, () -> conn.response().header("X", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Y", "X:Y", "X\r\nY", "X(Y)"})
    void rfc9110_5_1_headerNamesMustBeTokens(String name) {
        ServerConnection conn = answeringGet();
        conn.response().status(200);
        assertThrows(IllegalArgumentException.class, () -> conn.response().header(name, "v"));
    }

    @Test
    void rfc9112_7_1_2_trailersAreDroppedWithoutChunkedFraming() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).contentLength(2).write(bytes("ok")).end(Headers.of("X-Sum", "1"));
        String out = output(conn);
        assertTrue(out.endsWith("\r\n\r\nok") && !out.contains("X-Sum"), out);
    }

    @Test
    void bodySentDirectlyCountsTowardsTheDeclaredLength() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).contentLength(10).commit();
        output(conn);
        conn.response().bodySentDirectly(10).end();
        assertTrue(conn.response().persistent());
        ServerConnection over = answeringGet();
        over.response().status(200).contentLength(3).commit();
        output(over);
        assertThrows(IllegalStateException.class, () -> over.response().bodySentDirectly(4));
        ServerConnection chunked = answeringGet();
        chunked.response().status(200).commit();
        assertThrows(IllegalStateException.class, () -> chunked.response().bodySentDirectly(1));
    }

    @Test
    void errorResponseToHeadHasNoBody() {
        ServerConnection conn = answering("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(conn.respondToError(HttpProtocolException.badRequest("bad")));
        String out = output(conn);
        assertTrue(out.startsWith("HTTP/1.1 400 Bad Request\r\n") && out.endsWith("\r\n\r\n"), out);
    }

    @Test
    void transferEncodingSetByHandIsRefused() {
        ServerConnection conn = answeringGet();
        conn.response().status(200);
        assertThrows(IllegalArgumentException.class, () -> conn.response().header("Transfer-Encoding", "chunked"));
    }

    @Test
    void contentLengthMustBeANumber() {
        ServerConnection conn = answeringGet();
        conn.response().status(200);
        assertThrows(IllegalArgumentException.class, () -> conn.response().header("Content-Length", "-1"));
        assertThrows(IllegalArgumentException.class, () -> conn.response().contentLength(-1));
        conn.response().contentLength(2);
        assertThrows(IllegalArgumentException.class, () -> conn.response().contentLength(3));
    }

    @Test
    void headIsInvisibleUntilCommitted_noHalfHeadOnTheWire() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).header("X-A", "1");
        assertEquals(0, conn.pendingOutput(), "status line and fields wait for the commit");
        conn.response().commit();
        assertTrue(output(conn).startsWith("HTTP/1.1 200 OK\r\nX-A: 1\r\n"));
    }

    @Test
    void rfc9112_9_6_closingResponseSaysOnlyClose_evenIfTheApplicationSaidKeepAlive() {
        ServerConnection conn = answering("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        conn.response().status(200).header("Connection", "keep-alive").end();
        String out = output(conn);
        assertTrue(out.contains("Connection: close\r\n"), out);
        assertTrue(!out.toLowerCase(java.util.Locale.ROOT).contains("keep-alive"), out);
    }

    @Test
    void rfc9112_9_3_http10KeepAliveKeepsApplicationTokens() {
        ServerConnection conn = answering("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        conn.response().status(200).header("Connection", "Upgrade").end();
        assertTrue(output(conn).contains("Connection: Upgrade, keep-alive\r\n"));
    }
}
