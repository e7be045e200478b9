package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * RFC 9112 section 3 (request-line = method SP request-target SP HTTP-version, ended by CRLF) where
 * the line's end is searched eight bytes at a time ({@link LineEnds#findLf}) and the target is
 * checked with one table look-up per byte: every byte value at every position of a target that
 * spans three words, targets of every length from 0 to 17 bytes after the slash, the line's LF at
 * every offset of a word. Each case is judged against a byte-by-byte model written here, and runs
 * whole, split at every index and pipelined.
 */
class RequestLineWordsTest {
    /** No hex digit among them, so a '%' put before them is never a valid pct-encoding. */
    private static final String BACKGROUND = "ghijklmnopqrstuvwxyz";

    /** What the model expects of {@code GET target HTTP/1.1}: the target, or the error message. */
    private record Expected(String target, String error) {
    }

    private static Expected model(byte[] target) {
        for (byte c : target) {
            int v = c & 0xFF;
            if (v == '\n') {
                return new Expected(null, "the request line ends in a bare LF, not CRLF");
            }
        }
        for (byte c : target) {
            int v = c & 0xFF;
            if (v == ' ') {
                return new Expected(null, "malformed HTTP version");
            }
            boolean allowed = (v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9')
                    || "-._~:/?[]@!$&'()*+,;=%".indexOf(v) >= 0;
            if (!allowed) {
                return new Expected(null, "the request-target holds a forbidden character (0x" + Integer.toHexString(v) + ")");
            }
        }
        String s = new String(target, StandardCharsets.ISO_8859_1);
        if (s.indexOf('%') >= 0) {
            return new Expected(null, "a '%' in the request-target is not followed by two hex digits");
        }
        return new Expected(s, null);
    }

    /** Runs {@code GET target HTTP/1.1} three ways and checks the outcome against {@link #model}. */
    private static void check(byte[] target) {
        byte[] request = Exchanges.concat(Exchanges.concat(Exchanges.ascii("GET "), target),
                Exchanges.ascii(" HTTP/1.1\r\nHost: h\r\n\r\n"));
        Expected expected = model(target);
        Exchanges.Outcome outcome = Exchanges.threeWays(HttpConfig.defaults(), request);
        String what = "target " + new String(target, StandardCharsets.ISO_8859_1).replace("\n", "\\n").replace("\r", "\\r");
        if (expected.error() == null) {
            assertNull(outcome.error(), () -> what + ": " + outcome.summary());
            assertEquals(expected.target(), ((RequestHead) outcome.events().get(0)).target(), what);
        } else {
            assertNotNull(outcome.error(), () -> what + ": " + outcome.summary());
            assertEquals(400, outcome.status(), what);
            assertEquals(expected.error(), outcome.error().getMessage(), what);
        }
    }

    private static byte[] target(int length) {
        return Exchanges.ascii("/" + BACKGROUND.substring(0, length));
    }

    @Test
    void rfc9112_3_everyByteValueAtEveryPositionOfThreeWords() {
        for (int position = 1; position <= 17; position++) {
            for (int v = 0; v < 256; v++) {
                byte[] target = target(17);
                target[position] = (byte) v;
                check(target);
            }
        }
    }

    @Test
    void rfc9112_3_targetsOfEveryLengthPutTheLineFeedAtEveryOffsetOfAWord() {
        for (int length = 0; length <= 17; length++) {
            check(target(length));
            check(Exchanges.concat(target(length), new byte[] {0x7F}));
            check(Exchanges.concat(target(length), new byte[] {'\n'}));
        }
    }

    @Test
    void rfc9112_2_2_lineFeedSearchFindsTheFirstLineFeedAtEveryOffsetAndLength() {
        for (int base = 0; base < 8; base++) {
            for (int length = 0; length <= 17; length++) {
                for (int first = -1; first < length; first++) {
                    byte[] b = new byte[base + length + 8];
                    java.util.Arrays.fill(b, (byte) 'x');
                    if (first >= 0) {
                        b[base + first] = '\n';
                        // a second LF in the same word must not hide the first
                        if (first + 1 < length) {
                            b[base + first + 1] = '\n';
                        }
                    }
                    b[base + length] = '\n'; // just past the limit: never found
                    for (int from = 0; from <= length; from++) {
                        int expected = first >= from ? first : first >= 0 && first + 1 >= from && first + 1 < length
                                ? first + 1 : -1;
                        assertEquals(expected, LineEnds.findLf(b, base, from, length),
                                "base " + base + ", length " + length + ", LF at " + first + ", from " + from);
                    }
                }
            }
        }
    }
}
