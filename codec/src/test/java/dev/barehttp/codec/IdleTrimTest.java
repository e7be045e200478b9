package dev.barehttp.codec;

import static dev.barehttp.codec.Exchanges.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ServerConnection#trimBuffers()} releases what an idle connection holds (input and output
 * buffers, the field index) so that per-connection memory is bounded while idle; it may be called at
 * any moment and must never change what the connection makes of its input: whole, split at every
 * index with a trim after each piece, and pipelined.
 */
class IdleTrimTest {
    /** More fields than the first field index holds, so the index grows again after every trim. */
    private static final String MANY_FIELDS;

    static {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            fields.append("X-Field-").append(i).append(": value ").append(i).append("\r\n");
        }
        MANY_FIELDS = fields.toString();
    }

    private static final byte[] PIPELINE = ascii(
            "GET /a HTTP/1.1\r\nHost: x\r\n" + MANY_FIELDS + "\r\n"
            + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n" + MANY_FIELDS + "\r\nhello"
            + "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nT: 1\r\n" + MANY_FIELDS
            + "\r\n");

    @Test
    void trimAtAnyPointKeepsEveryEvent_wholeSplitAndPipelined() {
        String expected = events(List.of(PIPELINE), false).toString();
        for (int at = 1; at < PIPELINE.length; at++) {
            List<byte[]> pieces = new ArrayList<>();
            pieces.add(java.util.Arrays.copyOfRange(PIPELINE, 0, at));
            pieces.add(java.util.Arrays.copyOfRange(PIPELINE, at, PIPELINE.length));
            assertEquals(expected, events(pieces, true).toString(), "split at " + at + " with trims");
        }
        List<byte[]> bytes = new ArrayList<>();
        for (byte b : PIPELINE) {
            bytes.add(new byte[] {b});
        }
        assertEquals(expected, events(bytes, true).toString(), "byte by byte with a trim after each");
    }

    /**
     * A trim between requests drops the head parser, the writer and the body decoders: the next request
     * gets new ones, answered byte for byte as without the trim, and the count of lenient line endings
     * (RFC 9112 section 2.2, bare LF accepted when configured) still counts every request.
     */
    @Test
    void trimBetweenRequestsKeepsTheAnswersAndTheLenienceCount() {
        HttpConfig lenient = HttpConfig.builder().allowBareLf(true).build();
        byte[] request = ascii("GET /a HTTP/1.1\nHost: x\n\n");
        StringBuilder withTrims = new StringBuilder();
        StringBuilder without = new StringBuilder();
        ServerConnection trimmed = new ServerConnection(lenient, () -> 0L);
        ServerConnection kept = new ServerConnection(lenient, () -> 0L);
        for (int i = 0; i < 3; i++) {
            withTrims.append(answerOne(trimmed, request));
            trimmed.trimBuffers();
            without.append(answerOne(kept, request));
        }
        assertEquals(without.toString(), withTrims.toString());
        assertEquals(9, trimmed.violations(), "three bare LFs per request, three requests");
        assertEquals(kept.violations(), trimmed.violations());
    }

    /**
     * Idle memory: a trimmed connection between requests holds no buffer, parser, writer or decoder, and
     * asking it for its next event with nothing buffered (as a transport does) makes none of them again.
     */
    @Test
    void aTrimmedIdleConnectionHoldsNoBufferParserOrWriter() throws Exception {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults(), () -> 0L);
        answerOne(conn, ascii("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        conn.trimBuffers();
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(false, conn.hasOutput());
        assertEquals(true, conn.isIdle());
        assertEquals(null, parts(conn), "the buffers, parser, writer, decoders and exchange state of a trimmed, idle"
                + " connection");
        answerOne(conn, ascii("GET /b HTTP/1.1\r\nHost: x\r\n\r\n"));
        conn.receiveEndOfInput();
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    /**
     * No allocation per request on a busy connection: without a trim, every request reuses the parts
     * (buffers, parser, writer, the exchange's state) that the first one made.
     */
    @Test
    void aBusyConnectionReusesItsPartsForEveryRequest() throws Exception {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults(), () -> 0L);
        answerOne(conn, ascii("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"));
        Object first = parts(conn);
        assertEquals(true, first != null, "parts made by the first request");
        for (int i = 0; i < 3; i++) {
            answerOne(conn, ascii("GET /b HTTP/1.1\r\nHost: x\r\n\r\n"));
            assertSame(first, parts(conn), "parts after request " + (i + 2));
        }
    }

    private static Object parts(ServerConnection conn) throws ReflectiveOperationException {
        java.lang.reflect.Field field = ServerConnection.class.getDeclaredField("parts");
        field.setAccessible(true);
        return field.get(conn);
    }

    private static String answerOne(ServerConnection conn, byte[] request) {
        conn.receive(request, 0, request.length);
        HttpEvent head = conn.nextEvent();
        assertEquals(RequestHead.class, head.getClass());
        assertEquals(EndOfMessage.class, conn.nextEvent().getClass());
        conn.response().status(200).header("Content-Type", "text/plain").contentLength(2).write(ascii("ok")).end();
        java.nio.ByteBuffer out = conn.peekOutput();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        conn.consumeOutput(bytes.length);
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("Date: [^\r]*", "Date: -");
    }

    /** Feeds the pieces, answering each request, trimming after every receive and every event when asked. */
    private static List<HttpEvent> events(List<byte[]> pieces, boolean trim) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults(), () -> 0L);
        List<HttpEvent> events = new ArrayList<>();
        int next = 0;
        while (true) {
            HttpEvent e = conn.nextEvent();
            if (trim) {
                conn.trimBuffers();
            }
            if (e == Signal.NEED_DATA) {
                if (next == pieces.size()) {
                    return Events.merged(events);
                }
                byte[] piece = pieces.get(next++);
                conn.receive(piece, 0, piece.length);
                if (trim) {
                    conn.trimBuffers();
                }
            } else if (e instanceof Signal) {
                throw new AssertionError("unexpected " + e + " after " + events);
            } else {
                events.add(e);
                if (e instanceof EndOfMessage) {
                    conn.response().status(204).end();
                    conn.consumeOutput(conn.pendingOutput());
                    if (trim) {
                        conn.trimBuffers();
                    }
                }
            }
        }
    }
}
