package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.headOf;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an application can make the response writer send: response splitting (CRLF injection, CWE-113)
 * and framing an intermediary would read differently are refused before a byte is written.
 */
class ResponseSafetyTest {
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

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int count(String head, String lowerName) {
        int n = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(lowerName + ":")) {
                n++;
            }
        }
        return n;
    }

    /** CWE-113: a header name with CR, LF, NUL, a separator or a char above U+00FF is refused and nothing is written. */
    @ParameterizedTest
    @ValueSource(strings = {"X\r\nY", "X\nY", "X\rY", "X\u0000", "X Y", "X:Y", "", "\u0130d", "X-\u212A", "\u0100",
        "X-\u00e9", "X\u0085"})
    void responseSplitting_badHeaderNameIsRefusedBeforeAnyByte(String name) {
        ServerConnection conn = answeringGet();
        ResponseWriter w = conn.response().status(200);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.header(name, "v"));
        assertNotNull(e.getMessage());
        assertEquals("", output(conn), "nothing of the response is visible");
    }

    /** CWE-113: a header value with CR, LF, NUL, another control or a char above U+00FF is refused and nothing is written. */
    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: x=y", "a\nb", "a\rb", "a\u0000b", "a\u000bb", "a\u007fb", "\u0100",
        "caf\u00e9\u2028", "\ud83d\ude00", "a\u0085\u0100"})
    void responseSplitting_badHeaderValueIsRefusedBeforeAnyByte(String value) {
        ServerConnection conn = answeringGet();
        ResponseWriter w = conn.response().status(200);
        assertThrows(IllegalArgumentException.class, () -> w.header("X-A", value));
        assertEquals("", output(conn));
    }

    /** CWE-113: a reason phrase with CR, LF, NUL or a char above U+00FF is refused before the status line is written. */
    @ParameterizedTest
    @ValueSource(strings = {"OK\r\nX: y", "OK\n", "O\rK", "O\u0000K", "\u0100K", "\u2028", "OK\u000b"})
    void responseSplitting_badReasonPhraseIsRefusedBeforeAnyByte(String reason) {
        ServerConnection conn = answeringGet();
        assertThrows(IllegalArgumentException.class, () -> conn.response().status(200, reason));
        assertEquals("", output(conn));
        conn.response().status(200, "Fine caf\u00e9").end();
        assertTrue(output(conn).startsWith("HTTP/1.1 200 Fine caf\u00e9\r\n"), "obs-text up to U+00FF is allowed");
    }

    /** RFC 9110 section 15.2: 1xx responses are the connection's (100 Continue alone), with no framing field. */
    @Test
    void rfc9110_15_2_interimResponsesCarryNoFramingField() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        conn.nextEvent();
        assertTrue(conn.bodyRequested());
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", output(conn));
        for (int status : new int[] {100, 101, 103, 199}) {
            assertThrows(IllegalArgumentException.class, () -> conn.response().status(status));
        }
    }

    /** RFC 9110 section 8.6 and 6.4.1: a 204 carries neither Content-Length nor Transfer-Encoding, whatever is asked. */
    @Test
    void rfc9110_8_6_noContentLengthOrTransferEncodingOn204() {
        ServerConnection conn = answeringGet();
        conn.response().status(204).header("Content-Length", "5").contentLength(5).end();
        String out = output(conn);
        assertEquals(0, count(out, "content-length"), out);
        assertEquals(0, count(out, "transfer-encoding"), out);
        assertTrue(out.endsWith("\r\n\r\n"), out);

        ServerConnection streaming = answeringGet();
        streaming.response().status(204).commit();
        streaming.response().end();
        String head = output(streaming);
        assertEquals(0, count(head, "transfer-encoding"), head);
        assertEquals(0, count(head, "content-length"), head);
        assertThrows(IllegalStateException.class, () -> answering204().response().write(bytes("x")));
    }

    private static ServerConnection answering204() {
        ServerConnection conn = answeringGet();
        conn.response().status(204);
        return conn;
    }

    /** RFC 9110 section 8.6 (request smuggling by response, CL.CL): never two Content-Length fields, nor a list. */
    @Test
    void rfc9110_8_6_neverTwoContentLengths() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).header("Content-Length", "2").header("content-length", " 2").contentLength(2)
                .write(bytes("ok")).end();
        String out = output(conn);
        assertEquals(1, count(out, "content-length"), out);
        assertTrue(headOf(out).contains("\r\nContent-Length: 2\r\n"), out);

        ServerConnection list = answeringGet();
        list.response().status(200).header("Content-Length", "2, 2").write(bytes("ok")).end();
        String listed = output(list);
        assertTrue(headOf(listed).contains("\r\nContent-Length: 2\r\n"), "a list is written as its one value: " + listed);

        ServerConnection differing = answeringGet();
        ResponseWriter w = differing.response().status(200).header("Content-Length", "2");
        assertThrows(IllegalArgumentException.class, () -> w.header("Content-Length", "3"));
        assertThrows(IllegalArgumentException.class, () -> w.header("Content-Length", "1, 2"));
        assertThrows(IllegalArgumentException.class, () -> w.header("Content-Length", "+2"));
        assertThrows(IllegalArgumentException.class, () -> w.header("Content-Length", "\uff12"));
    }

    /** RFC 9112 section 6.1: never Transfer-Encoding to an HTTP/1.0 client; an unknown length is close-delimited. */
    @Test
    void rfc9112_6_1_neverTransferEncodingToHttp10() {
        ServerConnection conn = answering("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        ResponseWriter w = conn.response().status(200);
        assertThrows(IllegalArgumentException.class, () -> w.header("Transfer-Encoding", "chunked"));
        assertThrows(IllegalArgumentException.class, () -> w.header("TRANSFER-ENCODING", "chunked"));
        w.write(bytes("abc")).write(bytes("def"));
        w.end(Headers.of("X-Checksum", "1"));
        String out = output(conn);
        assertEquals(0, count(out, "transfer-encoding"), out);
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertTrue(out.endsWith("\r\n\r\nabcdef"), out);
        assertTrue(conn.isClosed());
    }

    /** RFC 9110 section 9.3.2: no body byte after a HEAD answer, not even the last chunk, whatever the application writes. */
    @Test
    void rfc9110_9_3_2_noBodyBytesAfterAHeadAnswer() {
        ServerConnection conn = answering("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        conn.response().status(200).header("X-A", "1").write(bytes("hello")).write(bytes("world"));
        conn.response().end(Headers.of("X-Checksum", "1"));
        String out = output(conn);
        assertEquals(headOf(out), out, "only the head");
        assertFalse(out.contains("0\r\n"), out);
        assertEquals(0, count(out, "transfer-encoding"), out);

        ServerConnection declared = answering("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        declared.response().status(200).contentLength(10).end();
        String head = output(declared);
        assertEquals(headOf(head), head);
        assertTrue(head.contains("\r\nContent-Length: 10\r\n"), "the length GET would have: " + head);

        ServerConnection committed = answering("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        committed.response().status(200).commit().end();
        String streamed = output(committed);
        assertEquals(headOf(streamed), streamed);
    }

    /** RFC 9110 section 6.5.1: trailers never carry framing, routing or control fields, and nothing is written for them. */
    @ParameterizedTest
    @ValueSource(strings = {"Content-Length", "Transfer-Encoding", "Host", "Connection", "Expect", "CONTENT-LENGTH"})
    void rfc9110_6_5_1_framingFieldsAsTrailersAreRefused(String name) {
        ServerConnection conn = answeringGet();
        conn.response().status(200).write(bytes("abc"));
        String before = output(conn);
        assertThrows(IllegalArgumentException.class, () -> conn.response().end(Headers.of(name, "1")));
        assertEquals("", output(conn), "no last chunk was written");
        conn.response().end(Headers.of("X-Checksum", "1"));
        assertTrue((before + output(conn)).endsWith("0\r\nX-Checksum: 1\r\n\r\n"));
    }
}
