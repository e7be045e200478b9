package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client role's counterpart of {@link Exchanges}: a {@link ClientConnection} sends the named
 * requests (pipelined), then is fed response bytes in given fragments; its events are collected.
 *
 * <p>Requests are named by method; {@code "UPGRADE"} is a GET carrying {@code Upgrade: websocket}
 * and {@code "CONNECT"} targets {@code example.com:443}. {@link #threeWays} runs the input whole,
 * split at every index, one byte at a time, and followed by a second pipelined response.
 */
final class ClientExchanges {
    /** A response appended to inputs that leave the connection open, answering a second GET. */
    static final byte[] SECOND = Exchanges.ascii("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond");

    private ClientExchanges() {
    }

    /** What the connection made of some input: its events, then an error or the last signal. */
    record Outcome(List<HttpEvent> events, HttpProtocolException error, Signal last, boolean persistent,
            String switchedInput) {
        /** The status of the protocol error; fails when there was none. */
        int status() {
            assertNotNull(error, () -> "expected a protocol error, got events " + events);
            return error.status();
        }

        String summary() {
            return events + (error != null ? " then " + error.status() + " " + error.getMessage() : " then " + last)
                    + (switchedInput != null ? " with \"" + switchedInput + "\" after the switch" : "");
        }
    }

    /** A connection that has written one request per name, in order, and flushed them. */
    static ClientConnection sent(HttpConfig config, String... requests) {
        ClientConnection conn = new ClientConnection(config);
        for (String r : requests) {
            write(conn, r);
        }
        conn.consumeOutput(conn.pendingOutput());
        return conn;
    }

    static ClientConnection sent(String... requests) {
        return sent(HttpConfig.defaults(), requests);
    }

    private static void write(ClientConnection conn, String request) {
        switch (request) {
            case "UPGRADE" -> conn.request().start("GET", "/chat").header("Host", "example.com")
                    .header("Connection", "upgrade").header("Upgrade", "websocket").end();
            case "CONNECT" -> conn.request().start("CONNECT", "example.com:443").header("Host", "example.com:443").end();
            default -> conn.request().start(request, "/").header("Host", "example.com").end();
        }
    }

    static Outcome whole(byte[] input, boolean endOfInput, String... requests) {
        return run(sent(requests), List.of(input), endOfInput);
    }

    static Outcome splitAt(byte[] input, int at, boolean endOfInput, String... requests) {
        return run(sent(requests), List.of(Arrays.copyOfRange(input, 0, at), Arrays.copyOfRange(input, at, input.length)),
                endOfInput);
    }

    static Outcome byteByByte(byte[] input, boolean endOfInput, String... requests) {
        List<byte[]> pieces = new ArrayList<>(input.length);
        for (byte b : input) {
            pieces.add(new byte[] {b});
        }
        return run(sent(requests), pieces, endOfInput);
    }

    /**
     * The input whole, split at every index, one byte at a time, and (when the first response leaves
     * the connection open) followed by {@link #SECOND}: all must agree. Returns the whole outcome.
     */
    static Outcome threeWays(byte[] input, boolean endOfInput, String... requests) {
        Outcome whole = whole(input, endOfInput, requests);
        for (int at = 1; at < input.length; at++) {
            assertAgree(whole, splitAt(input, at, endOfInput, requests), "split at " + at);
        }
        assertAgree(whole, byteByByte(input, endOfInput, requests), "one byte at a time");
        if (whole.error() == null && whole.persistent() && whole.last() == Signal.NEED_DATA && !endOfInput
                && !whole.events().isEmpty() && whole.events().get(whole.events().size() - 1) instanceof EndOfMessage
                && sent(requests).canSendRequest()) {
            String[] more = Arrays.copyOf(requests, requests.length + 1);
            more[requests.length] = "GET";
            Outcome pipelined = whole(Exchanges.concat(input, SECOND), false, more);
            List<HttpEvent> expected = new ArrayList<>(whole.events());
            expected.add(new ResponseHead(200, "OK", HttpVersion.HTTP_1_1, Headers.of("content-length", "6")));
            expected.add(Events.data("second"));
            expected.add(EndOfMessage.NO_TRAILERS);
            assertEquals(expected, pipelined.events(), "followed by a pipelined response");
            assertEquals(null, pipelined.error(), "followed by a pipelined response");
        }
        return whole;
    }

    /** Three ways, and the events must be {@code expected}. */
    static Outcome assertEvents(byte[] input, boolean endOfInput, String[] requests, HttpEvent... expected) {
        Outcome whole = threeWays(input, endOfInput, requests);
        if (whole.error() != null) {
            fail("expected events " + Arrays.asList(expected) + ", got " + whole.summary());
        }
        assertEquals(Arrays.asList(expected), whole.events());
        return whole;
    }

    /** A GET answered by {@code response}, without the end of input: three ways, the events must be {@code expected}. */
    static Outcome assertGetEvents(String response, HttpEvent... expected) {
        return assertEvents(Exchanges.ascii(response), false, new String[] {"GET"}, expected);
    }

    /** Three ways, and the input must be refused (always with 502). */
    static Outcome assertRejected(byte[] input, boolean endOfInput, String... requests) {
        Outcome whole = threeWays(input, endOfInput, requests);
        assertNotNull(whole.error(), () -> "expected a 502, got " + whole.summary());
        assertEquals(502, whole.status(), () -> "status for " + whole.summary());
        return whole;
    }

    /** A GET answered by {@code response}, without the end of input, must be refused. */
    static Outcome assertGetRejected(String response) {
        return assertRejected(Exchanges.ascii(response), false, "GET");
    }

    private static void assertAgree(Outcome expected, Outcome actual, String way) {
        assertEquals(expected.summary(), actual.summary(), way);
        assertEquals(expected.events(), actual.events(), way);
    }

    /** Feeds {@code fragments} one at a time, each only when the connection needs data, then optionally the end of input. */
    static Outcome run(ClientConnection conn, List<byte[]> fragments, boolean endOfInput) {
        return run(conn, fragments, endOfInput, false);
    }

    /**
     * As {@link #run(ClientConnection, List, boolean)}; with {@code views}, events come from
     * {@link ClientConnection#nextEventAsView()} and each body piece must be a view, copied at once.
     */
    static Outcome run(ClientConnection conn, List<byte[]> fragments, boolean endOfInput, boolean views) {
        List<HttpEvent> events = new ArrayList<>();
        int next = 0;
        boolean ended = false;
        while (true) {
            HttpEvent e;
            try {
                e = views ? conn.nextEventAsView() : conn.nextEvent();
            } catch (HttpProtocolException error) {
                assertSameErrorAgain(conn, error);
                return new Outcome(Events.merged(events), error, null, false, null);
            }
            if (e == Signal.NEED_DATA) {
                if (next < fragments.size()) {
                    byte[] piece = fragments.get(next++);
                    conn.receive(piece, 0, piece.length);
                } else if (endOfInput && !ended) {
                    conn.receiveEndOfInput();
                    ended = true;
                } else {
                    return new Outcome(Events.merged(events), null, Signal.NEED_DATA, conn.persistent(), null);
                }
            } else if (e == Signal.SWITCHED) {
                StringBuilder rest = new StringBuilder(new String(conn.switchedInput(), StandardCharsets.ISO_8859_1));
                while (next < fragments.size()) {
                    rest.append(new String(fragments.get(next++), StandardCharsets.ISO_8859_1));
                }
                return new Outcome(Events.merged(events), null, Signal.SWITCHED, false, rest.toString());
            } else if (e instanceof Signal) {
                return new Outcome(Events.merged(events), null, (Signal) e, conn.persistent(), null);
            } else if (e instanceof BodyData piece && views) {
                org.junit.jupiter.api.Assertions.assertTrue(piece.isView(), "nextEventAsView hands out views");
                events.add(piece.copy());
            } else {
                events.add(e);
            }
        }
    }

    private static void assertSameErrorAgain(ClientConnection conn, HttpProtocolException first) {
        for (int i = 0; i < 2; i++) {
            try {
                HttpEvent e = conn.nextEvent();
                fail("after " + first + " the connection handed out " + e);
            } catch (HttpProtocolException again) {
                assertSame(first, again, "the error state repeats the same exception");
            }
        }
    }

    /** Hands {@code latin1} to the connection as received bytes. */
    static void feed(ClientConnection conn, String latin1) {
        byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
        conn.receive(b, 0, b.length);
    }

    /** Every byte the connection has queued for the peer, consumed. */
    static String output(ClientConnection conn) {
        java.nio.ByteBuffer view = conn.peekOutput();
        String s = new String(view.array(), view.arrayOffset() + view.position(), view.remaining(),
                StandardCharsets.ISO_8859_1);
        conn.consumeOutput(view.remaining());
        return s;
    }

    /** A response head with lower-case {@code nameValues}. */
    static ResponseHead head(int status, String reason, String... nameValues) {
        return new ResponseHead(status, reason, HttpVersion.HTTP_1_1, Headers.of(nameValues));
    }
}
