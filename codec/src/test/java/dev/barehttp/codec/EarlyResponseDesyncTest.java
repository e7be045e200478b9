package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.headOf;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The "0.CL" family (James Kettle, "HTTP/1.1 must die", 2025) and its elders: a response written before
 * the request body is read must not let the body's bytes be taken as the next request. The body is
 * discarded exactly (its declared length, or its chunked framing) or the connection closes; a body
 * timeout closes, never resumes parsing (pause-based desync, Kettle 2022).
 */
class EarlyResponseDesyncTest {
    private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final HttpConfig DRAIN_64 = HttpConfig.defaults().toBuilder().maxDrainSize(64).build();

    /**
     * Answers the request as soon as its head is read, with the codec's response writer, feeding the
     * rest in two pieces split at {@code at}; returns the targets of every request seen.
     */
    private static List<String> answeredEarly(HttpConfig config, String wire, int at) {
        ServerConnection conn = new ServerConnection(config, () -> 0L);
        byte[] bytes = Exchanges.ascii(wire);
        List<byte[]> pieces = List.of(Arrays.copyOfRange(bytes, 0, at),
                Arrays.copyOfRange(bytes, at, bytes.length));
        List<String> targets = new ArrayList<>();
        int next = 0;
        for (int step = 0; step < 10_000; step++) {
            HttpEvent e = conn.nextEvent();
            if (e instanceof RequestHead head) {
                targets.add(head.target());
                conn.response().status(200).write(new byte[] {'k'}).end();
                output(conn);
            } else if (e == Signal.NEED_DATA && next < pieces.size()) {
                byte[] piece = pieces.get(next++);
                conn.receive(piece, 0, piece.length);
            } else if (e == Signal.NEED_DATA || e == Signal.CLOSED) {
                return targets;
            }
        }
        throw new AssertionError("no end");
    }

    private static void assertTargetsAtEverySplit(HttpConfig config, String wire, List<String> expected) {
        int length = Exchanges.ascii(wire).length;
        for (int at = 0; at <= length; at++) {
            assertEquals(expected, answeredEarly(config, wire, at), "split at " + at);
        }
    }

    /** 0.CL: a Content-Length body holding a request is discarded exactly, and only the real next request follows. */
    @Test
    void zeroCl_contentLengthBodyIsDiscardedExactlyAfterAnEarlyResponse() {
        String post = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED;
        assertTargetsAtEverySplit(DRAIN_64, post + NEXT, List.of("/", "/next"));
    }

    /**
     * 0.CL with chunked framing: an unread chunked body has no known length when the early response is
     * committed, so that response says close and nothing after it is parsed, neither the smuggled request
     * in the body nor the next one.
     */
    @Test
    void zeroCl_unreadChunkedBodyEndsTheConnectionAfterAnEarlyResponse() {
        String post = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n";
        assertTargetsAtEverySplit(DRAIN_64, post + NEXT, List.of("/"));
    }

    /** 0.CL: a body larger than maxDrainSize is not discarded but ends the connection, which the response says. */
    @Test
    void zeroCl_bodyOverMaxDrainSizeClosesInsteadOfBeingParsed() {
        String body = SMUGGLED.repeat(3);
        String post = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        assertTargetsAtEverySplit(DRAIN_64, post + NEXT, List.of("/"));
        ServerConnection conn = new ServerConnection(DRAIN_64);
        feed(conn, post + NEXT);
        conn.nextEvent();
        conn.response().status(200).end();
        assertTrue(headOf(output(conn)).contains("\r\nConnection: close\r\n"));
        assertEquals(Signal.CLOSED, conn.nextEvent());
        assertTrue(conn.isClosed());
    }

    /** 0.CL with a chunked body too large to drain: the drain stops and the connection closes mid-body. */
    @Test
    void zeroCl_chunkedBodyOverMaxDrainSizeClosesWhileDraining() {
        String chunk = Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n";
        String post = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk.repeat(3) + "0\r\n\r\n";
        assertTargetsAtEverySplit(DRAIN_64, post + NEXT, List.of("/"));
    }

    /**
     * RFC 9110 section 10.1.1 (Expect desync, Kettle 2025): a final response sent instead of 100 Continue leaves
     * the client free to send the body or not, so the connection closes and the body is never parsed.
     */
    @Test
    void expectDesync_finalResponseWithout100ContinueCloses() {
        String post = "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " + SMUGGLED.length()
                + "\r\n\r\n" + SMUGGLED;
        assertTargetsAtEverySplit(DRAIN_64, post + NEXT, List.of("/"));
        ServerConnection conn = new ServerConnection(DRAIN_64);
        feed(conn, post);
        conn.nextEvent();
        conn.response().status(401).end();
        String out = output(conn);
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertFalse(out.contains("100 Continue"), out);
        assertTrue(conn.isClosed());
    }

    /** Pause-based desync (Kettle 2022): after a body timeout the connection is closed and later bytes are never parsed. */
    @Test
    void pauseDesync_bodyTimeoutClosesAndNeverResumesParsing() {
        AtomicLong now = new AtomicLong(0);
        ServerConnection conn = new ServerConnection(HttpConfig.defaults().withTimeouts(100, 1000, 300, 500), now::get);
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n");
        assertTrue(conn.nextEvent() instanceof RequestHead);
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        now.set(10_000);
        assertTrue(conn.expire(now.get()));
        assertTrue(output(conn).startsWith("HTTP/1.1 408 "));
        assertTrue(conn.isClosed());
        feed(conn, SMUGGLED + NEXT);
        HttpProtocolException first = assertThrows(HttpProtocolException.class, conn::nextEvent);
        assertEquals(408, first.status());
        assertSame(first, assertThrows(HttpProtocolException.class, conn::nextEvent));
        assertEquals(0, conn.bufferedInput(), "bytes after the timeout are not even kept");
    }
}
