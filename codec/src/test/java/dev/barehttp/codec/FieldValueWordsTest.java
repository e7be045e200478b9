package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * RFC 9110 section 5.5 (field-value = SP / HTAB / VCHAR / obs-text, trimmed of OWS) where field values
 * are scanned eight bytes at a time ({@link ByteWords}): every byte value at every position of a word,
 * values of every length, whitespace at word boundaries. Each case is judged against a byte-by-byte
 * model written here, and runs whole, split at every index and pipelined.
 */
class FieldValueWordsTest {
    private static final String BACKGROUND = "0123456789abcdefghijklmnopqrstuv";

    /** What the model expects of {@code X: value CRLF}: the value (OWS trimmed), or the error message. */
    private record Expected(String value, String error) {
    }

    private static Expected model(byte[] value) {
        for (byte c : value) {
            int v = c & 0xFF;
            if (v == '\r') {
                return new Expected(null, "a bare CR in the field section");
            }
            if (v == '\n') {
                return new Expected(null, "a field line ends in a bare LF, not CRLF");
            }
            boolean allowed = v == ' ' || v == '\t' || (v >= 0x21 && v <= 0x7E) || v >= 0x80;
            if (!allowed) {
                return new Expected(null, "a field value holds a control character (0x" + Integer.toHexString(v) + ")");
            }
        }
        int from = 0;
        int to = value.length;
        while (from < to && (value[from] == ' ' || value[from] == '\t')) {
            from++;
        }
        while (to > from && (value[to - 1] == ' ' || value[to - 1] == '\t')) {
            to--;
        }
        return new Expected(new String(value, from, to - from, StandardCharsets.ISO_8859_1), null);
    }

    /** Runs {@code X: value} three ways and checks the outcome against {@link #model}. */
    private static void check(byte[] value) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(Exchanges.ascii("GET / HTTP/1.1\r\nHost: h\r\nX: "));
        request.writeBytes(value);
        request.writeBytes(Exchanges.ascii("\r\nY: after\r\n\r\n"));
        Expected expected = model(value);
        Exchanges.Outcome outcome = Exchanges.threeWays(HttpConfig.defaults(), request.toByteArray());
        String what = "value " + HexFormatting.of(value);
        if (expected.error() == null) {
            assertNull(outcome.error(), () -> what + ": " + outcome.summary());
            Headers headers = ((RequestHead) outcome.events().get(0)).headers();
            assertEquals(expected.value(), headers.get("x"), what);
            assertEquals("after", headers.get("y"), what);
        } else {
            assertNotNull(outcome.error(), () -> what + ": " + outcome.summary());
            assertEquals(400, outcome.status(), what);
            assertEquals(expected.error(), outcome.error().getMessage(), what);
        }
    }

    @Test
    void rfc9110_5_5_everyByteValueAtEveryPositionOfTwoWords() {
        for (int position = 0; position < 16; position++) {
            for (int v = 0; v < 256; v++) {
                byte[] value = Exchanges.ascii(BACKGROUND.substring(0, 16));
                value[position] = (byte) v;
                check(value);
            }
        }
    }

    @Test
    void rfc9110_5_5_everyByteValueAmongObsText() {
        for (int position = 0; position < 8; position++) {
            for (int v = 0; v < 256; v++) {
                byte[] value = new byte[12];
                java.util.Arrays.fill(value, (byte) 0xC3);
                value[position] = (byte) v;
                check(value);
            }
        }
    }

    @Test
    void rfc9110_5_5_valuesOfEveryLengthNotOnlyMultiplesOfEight() {
        for (int length = 1; length <= BACKGROUND.length(); length++) {
            check(Exchanges.ascii(BACKGROUND.substring(0, length)));
            check(Exchanges.ascii(BACKGROUND.substring(0, length - 1) + "\u007f"));
        }
    }

    @Test
    void rfc9110_5_5_trailingWhitespaceIsTrimmedWhereverTheWordBoundaryFalls() {
        for (int length = 1; length <= 17; length++) {
            for (int spaces = 1; spaces <= 17; spaces++) {
                check(Exchanges.ascii(BACKGROUND.substring(0, length) + " ".repeat(spaces)));
                check(Exchanges.ascii(BACKGROUND.substring(0, length) + " \t".repeat(spaces).substring(0, spaces)));
            }
        }
    }

    @Test
    void rfc9110_5_5_innerWhitespaceAcrossWordBoundariesIsKept() {
        for (int at = 1; at <= 16; at++) {
            for (int spaces = 1; spaces <= 10; spaces++) {
                check(Exchanges.ascii(BACKGROUND.substring(0, at) + " ".repeat(spaces) + "z"));
                check(Exchanges.ascii(BACKGROUND.substring(0, at) + "\t".repeat(spaces) + "\u00ff"));
            }
        }
    }

    @Test
    void rfc9110_5_5_valueOfSpacesOnlyIsEmpty() {
        for (int spaces = 1; spaces <= 20; spaces++) {
            check(Exchanges.ascii(" ".repeat(spaces)));
        }
    }

    /** Hex digits of a short byte array, for assertion messages. */
    private static final class HexFormatting {
        static String of(byte[] b) {
            StringBuilder s = new StringBuilder();
            for (byte x : b) {
                s.append(String.format("%02x", x & 0xFF));
            }
            return s.toString();
        }
    }
}
