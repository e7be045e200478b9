package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the client-side decoder (Jazzer): {@link ClientConnection} reading a
 * response to a GET, a HEAD, a CONNECT or an Upgrade request (picked by the input's first byte, whose
 * next bits give how many split points follow, two bytes each), with small limits. The invariants:
 * no exception but {@link HttpProtocolException}, an end within a bounded number of steps, and the
 * same events and outcome whatever the split (one byte at a time included).
 *
 * <p>A plain build runs it in regression mode over the inputs under
 * {@code src/test/resources/dev/barehttp/codec/ResponseDecoderFuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes (see SECURITY.md).
 */
class ResponseDecoderFuzzTest {
    private static final int BYTE_BY_BYTE_UP_TO = 2048;
    private static final int MAX_STEPS = 100_000;
    private static final String[][] REQUESTS = {
        {"GET", "/"}, {"HEAD", "/"}, {"CONNECT", "a.example:443"}, {"GET", "/chat"},
    };

    @FuzzTest(maxDuration = "5m")
    void clientDecoderKeepsItsInvariantsWhateverTheSplit(byte[] fuzz) {
        if (fuzz.length == 0) {
            return;
        }
        int options = fuzz[0] & 0xFF;
        int request = options & 3;
        int cutCount = (options >> 2) & 7;
        int header = Math.min(fuzz.length, 1 + 2 * cutCount);
        int[] cuts = new int[(header - 1) / 2];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = ((fuzz[1 + 2 * i] & 0xFF) << 8) | (fuzz[2 + 2 * i] & 0xFF);
        }
        byte[] input = Arrays.copyOfRange(fuzz, header, fuzz.length);
        String whole = run(request, input, new int[0]);
        assertEquals(whole, run(request, input, cuts), () -> "split at " + Arrays.toString(cuts));
        if (input.length <= BYTE_BY_BYTE_UP_TO) {
            int[] everyByte = new int[input.length];
            for (int i = 0; i < everyByte.length; i++) {
                everyByte[i] = i;
            }
            assertEquals(whole, run(request, input, everyByte), "one byte at a time");
        }
    }

    /** The events (body pieces merged) and the outcome of reading {@code input} cut at {@code cuts}. */
    private static String run(int request, byte[] input, int[] cuts) {
        ClientConnection conn = new ClientConnection(FuzzedExchange.SMALL_LIMITS);
        RequestWriter w = conn.request().start(REQUESTS[request][0], REQUESTS[request][1])
                .header("Host", "a.example");
        if (request == 3) {
            w.header("Upgrade", "websocket").header("Connection", "upgrade");
        }
        w.end();
        conn.consumeOutput(conn.pendingOutput());
        int[] points = cuts.clone();
        Arrays.sort(points);
        StringBuilder events = new StringBuilder();
        StringBuilder body = new StringBuilder();
        int fed = 0;
        int next = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            HttpEvent e;
            try {
                e = conn.nextEvent();
            } catch (HttpProtocolException error) {
                return events.append("body[").append(body.length()).append("] error ").append(error.status()).toString();
            }
            if (e instanceof BodyData data) {
                body.append(new String(data.data(), java.nio.charset.StandardCharsets.ISO_8859_1));
                continue;
            }
            if (body.length() > 0 && e != Signal.NEED_DATA) {
                events.append("body[").append(body.length()).append("] ");
                body.setLength(0);
            }
            if (e == Signal.NEED_DATA) {
                if (fed == input.length) {
                    if (conn.isClosed()) {
                        return events.append("closed").toString();
                    }
                    conn.receiveEndOfInput();
                    fed = input.length + 1;
                    continue;
                }
                if (fed > input.length) {
                    return events.append("stuck after the end of input").toString();
                }
                while (next < points.length && points[next] <= fed) {
                    next++;
                }
                int until = next < points.length ? Math.min(points[next], input.length) : input.length;
                conn.receive(input, fed, until - fed);
                fed = until;
            } else if (e instanceof Signal s) {
                return events.append(s).toString();
            } else {
                events.append(e instanceof ResponseHead head ? "head " + head.status() + " " : "end ");
            }
        }
        throw new AssertionError("no end after " + MAX_STEPS + " steps");
    }
}
