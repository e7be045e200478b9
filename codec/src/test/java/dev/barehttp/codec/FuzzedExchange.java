package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drives a {@link ServerConnection} over one fuzz input cut into fragments, with a bound on the
 * number of steps, and checks on every step that it buffers no more input than its limits allow.
 * Each request is answered with an empty 200 once it has ended, so pipelined ones go on.
 */
final class FuzzedExchange {
    /** Small limits, so that a fuzzer reaches every one of them with short inputs. */
    static final HttpConfig SMALL_LIMITS = HttpConfig.builder()
            .maxRequestLineLength(256)
            .maxHeaderSectionSize(512)
            .maxHeaderCount(8)
            .maxBodySize(4096)
            .maxChunkLineLength(64)
            .maxChunkExtensionsSize(128)
            .maxDrainSize(256)
            .build();

    private FuzzedExchange() {
    }

    /** What one run produced: every event (body pieces merged), then the error's status and message or how it stopped. */
    static String run(HttpConfig config, byte[] input, int[] cuts) {
        List<byte[]> fragments = fragments(input, cuts);
        ServerConnection conn = new ServerConnection(config, () -> 0L);
        List<HttpEvent> events = new ArrayList<>();
        int next = 0;
        boolean ended = false;
        long bound = 16L * (input.length + 16);
        for (long step = 0; step < bound; step++) {
            HttpEvent e;
            try {
                e = conn.nextEvent();
            } catch (HttpProtocolException error) {
                assertTrue(conn.isClosed(), "a protocol error leaves the connection closed");
                assertTrue(error.status() >= 400 && error.status() <= 599, "status " + error.status());
                return Events.merged(events) + " then " + error.status() + " " + error.getMessage();
            }
            if (e == Signal.NEED_DATA) {
                assertBufferedWithinLimits(conn, config);
                if (next < fragments.size()) {
                    byte[] piece = fragments.get(next++);
                    conn.receive(piece, 0, piece.length);
                } else if (!ended) {
                    conn.receiveEndOfInput();
                    ended = true;
                } else {
                    return Events.merged(events) + " then NEED_DATA";
                }
            } else if (e == Signal.CLOSED) {
                return Events.merged(events) + " then CLOSED";
            } else if (e == Signal.PAUSED) {
                fail("PAUSED although every response has ended");
            } else {
                events.add(e);
                if (e instanceof EndOfMessage) {
                    conn.response().status(200).end();
                    conn.consumeOutput(conn.pendingOutput());
                }
            }
        }
        throw new AssertionError("no end after " + bound + " steps for " + input.length + " input bytes");
    }

    /**
     * When the codec asks for more bytes it holds only an unfinished piece of framing: at most one
     * head (request line, CRLF, field section), or a chunk line or trailer section, which are smaller.
     * Body bytes and complete pieces have been handed out, so a peer cannot make it buffer more.
     */
    private static void assertBufferedWithinLimits(ServerConnection conn, HttpConfig config) {
        long allowed = (long) config.maxRequestLineLength() + 2 + config.maxHeaderSectionSize();
        assertTrue(conn.bufferedInput() <= allowed, () -> "buffered " + conn.bufferedInput() + " > " + allowed);
    }

    /** The longest fragment a run hands over at once. */
    static final int MAX_FRAGMENT = 1 << 16;

    private static List<byte[]> fragments(byte[] input, int[] cuts) {
        int[] points = cuts.clone();
        for (int i = 0; i < points.length; i++) {
            points[i] = Math.floorMod(points[i], input.length + 1);
        }
        Arrays.sort(points);
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int p : points) {
            addPieces(out, input, from, p);
            from = Math.max(from, p);
        }
        addPieces(out, input, from, input.length);
        return out;
    }

    private static void addPieces(List<byte[]> out, byte[] input, int from, int to) {
        for (int at = from; at < to; at += MAX_FRAGMENT) {
            out.add(Arrays.copyOfRange(input, at, Math.min(to, at + MAX_FRAGMENT)));
        }
    }
}
