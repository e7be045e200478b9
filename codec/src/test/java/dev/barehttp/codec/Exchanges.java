package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds request bytes to a {@link ServerConnection} in given fragments, collects the events, and
 * answers each request with an empty 200 as soon as it has ended, so pipelined requests un-pause.
 *
 * <p>{@link #threeWays} is the style every parser test follows: the input whole, split at every
 * index (and one byte at a time), and followed by a second pipelined request must all give the
 * same events once adjacent body pieces are merged.
 */
final class Exchanges {
    /** A second request appended to every input to check that pipelining does not change the first. */
    static final byte[] SECOND = ascii("GET /second HTTP/1.1\r\nHost: second.example\r\n\r\n");

    /** Inputs longer than this are split at every index near the ends and at a stride in between. */
    private static final int EVERY_INDEX_UP_TO = 1200;

    private Exchanges() {
    }

    /** What a connection made of some input: its events, then an error, a close, or a wait for more bytes. */
    record Outcome(List<HttpEvent> events, HttpProtocolException error, boolean closed, String output) {
        /** The status of the protocol error; fails when there was none. */
        int status() {
            assertNotNull(error, () -> "expected a protocol error, got events " + events);
            return error.status();
        }

        /** A short form that ignores the output (its Date may differ from run to run). */
        String summary() {
            return events + (error != null ? " then " + error.status() + " " + error.getMessage()
                    : closed ? " then CLOSED" : " then NEED_DATA");
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The events of {@link #SECOND}. */
    static List<HttpEvent> secondEvents() {
        return List.of(Events.head("GET", "/second", HttpVersion.HTTP_1_1, 0, "host", "second.example"),
                EndOfMessage.NO_TRAILERS);
    }

    static Outcome whole(HttpConfig config, byte[] input) {
        return run(config, List.of(input));
    }

    static Outcome splitAt(HttpConfig config, byte[] input, int at) {
        return run(config, List.of(Arrays.copyOfRange(input, 0, at), Arrays.copyOfRange(input, at, input.length)));
    }

    static Outcome byteByByte(HttpConfig config, byte[] input) {
        List<byte[]> pieces = new ArrayList<>(input.length);
        for (byte b : input) {
            pieces.add(new byte[] {b});
        }
        return run(config, pieces);
    }

    /**
     * Runs the input whole, split at every index, one byte at a time, and followed by {@link #SECOND};
     * asserts that all agree and returns the outcome of the whole input.
     */
    static Outcome threeWays(HttpConfig config, byte[] input) {
        Outcome whole = whole(config, input);
        for (int at : splitPoints(input.length)) {
            assertSame(whole, splitAt(config, input, at), "split at " + at);
        }
        assertSame(whole, byteByByte(config, input), "one byte at a time");
        if (whole.error() != null || whole.closed()) {
            assertSame(whole, whole(config, concat(input, SECOND)), "followed by a pipelined request");
        } else if (!whole.events().isEmpty() && whole.events().get(whole.events().size() - 1) instanceof EndOfMessage) {
            Outcome pipelined = whole(config, concat(input, SECOND));
            List<HttpEvent> expected = new ArrayList<>(whole.events());
            expected.addAll(secondEvents());
            assertEquals(expected, pipelined.events(), "followed by a pipelined request");
            assertEquals(null, pipelined.error(), "followed by a pipelined request");
        }
        return whole;
    }

    /** Three ways, and the events of the whole input must be {@code expected}. */
    static Outcome assertEvents(HttpConfig config, byte[] input, HttpEvent... expected) {
        Outcome whole = threeWays(config, input);
        if (whole.error() != null) {
            fail("expected events " + Arrays.asList(expected) + ", got " + whole.summary());
        }
        assertEquals(Arrays.asList(expected), whole.events());
        return whole;
    }

    static Outcome assertEvents(byte[] input, HttpEvent... expected) {
        return assertEvents(HttpConfig.defaults(), input, expected);
    }

    /** Three ways, and the input must be refused with {@code status}. */
    static Outcome assertRejected(HttpConfig config, byte[] input, int status) {
        Outcome whole = threeWays(config, input);
        assertNotNull(whole.error(), () -> "expected " + status + ", got " + whole.summary());
        assertEquals(status, whole.status(), () -> "status for " + whole.summary());
        return whole;
    }

    static Outcome assertRejected(byte[] input, int status) {
        return assertRejected(HttpConfig.defaults(), input, status);
    }

    private static void assertSame(Outcome expected, Outcome actual, String way) {
        assertEquals(expected.summary(), actual.summary(), way);
        assertEquals(expected.events(), actual.events(), way);
    }

    private static int[] splitPoints(int length) {
        if (length <= EVERY_INDEX_UP_TO) {
            int[] all = new int[Math.max(0, length - 1)];
            for (int i = 1; i < length; i++) {
                all[i - 1] = i;
            }
            return all;
        }
        List<Integer> points = new ArrayList<>();
        for (int i = 1; i < length; i++) {
            if (i < 200 || i > length - 200 || i % 97 == 0) {
                points.add(i);
            }
        }
        return points.stream().mapToInt(Integer::intValue).toArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Feeds {@code fragments} one at a time, each only when the connection needs data. */
    static Outcome run(HttpConfig config, List<byte[]> fragments) {
        return run(new ServerConnection(config, () -> 0L), fragments, false);
    }

    /** Feeds {@code fragments}, then optionally the end of input, answering each request with an empty 200. */
    static Outcome run(ServerConnection conn, List<byte[]> fragments, boolean endOfInput) {
        return run(conn, fragments, endOfInput, false);
    }

    /**
     * As {@link #run(ServerConnection, List, boolean)}; with {@code views}, events come from
     * {@link ServerConnection#nextEventAsView()} and each body piece must be a view, copied at once
     * (it is valid only until the next call).
     */
    static Outcome run(ServerConnection conn, List<byte[]> fragments, boolean endOfInput, boolean views) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<HttpEvent> events = new ArrayList<>();
        int next = 0;
        boolean ended = false;
        while (true) {
            HttpEvent e;
            try {
                e = views ? conn.nextEventAsView() : conn.nextEvent();
            } catch (HttpProtocolException error) {
                assertSameErrorAgain(conn, error);
                return new Outcome(Events.merged(events), error, false, drain(conn, output));
            }
            if (e == Signal.NEED_DATA) {
                if (next < fragments.size()) {
                    byte[] piece = fragments.get(next++);
                    conn.receive(piece, 0, piece.length);
                } else if (endOfInput && !ended) {
                    conn.receiveEndOfInput();
                    ended = true;
                } else {
                    return new Outcome(Events.merged(events), null, false, drain(conn, output));
                }
            } else if (e == Signal.CLOSED) {
                return new Outcome(Events.merged(events), null, true, drain(conn, output));
            } else if (e == Signal.PAUSED) {
                fail("PAUSED although every response has ended; events so far " + events);
            } else if (e instanceof BodyData piece && views) {
                org.junit.jupiter.api.Assertions.assertTrue(piece.isView(), "nextEventAsView hands out views");
                events.add(piece.copy());
            } else {
                events.add(e);
                if (e instanceof EndOfMessage) {
                    conn.response().status(200).end();
                    drain(conn, output);
                }
            }
        }
    }

    private static void assertSameErrorAgain(ServerConnection conn, HttpProtocolException first) {
        for (int i = 0; i < 2; i++) {
            try {
                HttpEvent e = conn.nextEvent();
                fail("after " + first + " the connection handed out " + e);
            } catch (HttpProtocolException again) {
                org.junit.jupiter.api.Assertions.assertSame(first, again, "the error state repeats the same exception");
            }
        }
    }

    static String drain(ServerConnection conn, ByteArrayOutputStream sink) {
        try {
            conn.writeOutputTo(sink::write);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return sink.toString(StandardCharsets.ISO_8859_1);
    }
}
