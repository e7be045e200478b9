package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * RFC 9110 section 5.1 (field-name = token, case-insensitive) where field names are scanned and
 * lower-cased eight bytes at a time while they hold letters, digits and '-': every byte value at
 * every position of a name that spans three words, names of every length from 1 to 17 in either case,
 * and the bytes after the colon, which the word read also covers, left as they were. Each case is
 * judged against a byte-by-byte model written here, and runs whole, split at every index and pipelined.
 */
class FieldNameWordsTest {
    /** Letters of both cases, digits and dashes, so that every branch of the word test is taken. */
    private static final String BACKGROUND = "aB3-cD5eF-gH7iJkLmZz09";

    /** What the model expects of the line {@code name: v}: the name and value read, or the error message. */
    private record Expected(String name, String value, String error) {
    }

    private static boolean isTchar(int v) {
        return (v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(v) >= 0;
    }

    private static Expected model(byte[] name) {
        String line = new String(name, StandardCharsets.ISO_8859_1) + ": v";
        for (int k = 0; k < name.length; k++) {
            int v = name[k] & 0xFF;
            if (isTchar(v)) {
                continue;
            }
            if (k == 0) {
                return new Expected(null, null, v == '\r' ? "a bare CR in the field section"
                        : v == '\n' ? "a field line ends in a bare LF, not CRLF"
                        : v == ' ' || v == '\t' ? "obsolete line folding (a field line starting with whitespace)"
                        : "a field line without a name");
            }
            if (v == ':') {
                return new Expected(line.substring(0, k).toLowerCase(Locale.ROOT), line.substring(k + 1).strip(), null);
            }
            return new Expected(null, null, v == ' ' || v == '\t' ? "whitespace between a field name and its colon"
                    : "a field name holds a character that is not a tchar");
        }
        return new Expected(line.substring(0, name.length).toLowerCase(Locale.ROOT), "v", null);
    }

    /** Runs the line {@code name: v} (after Host, before another field) three ways against {@link #model}. */
    private static void check(byte[] name) {
        byte[] request = Exchanges.concat(Exchanges.concat(Exchanges.ascii("GET / HTTP/1.1\r\nHost: h\r\n"), name),
                Exchanges.ascii(": v\r\nAfter: Zz\r\n\r\n"));
        Expected expected = model(name);
        Exchanges.Outcome outcome = Exchanges.threeWays(HttpConfig.defaults(), request);
        String what = "name " + new String(name, StandardCharsets.ISO_8859_1).replace("\n", "\\n").replace("\r", "\\r");
        if (expected.error() == null) {
            assertNull(outcome.error(), () -> what + ": " + outcome.summary());
            Headers headers = ((RequestHead) outcome.events().get(0)).headers();
            assertEquals(expected.name(), headers.name(1), what);
            assertEquals(expected.value(), headers.value(1), what);
            assertEquals("after", headers.name(2), what);
            assertEquals("Zz", headers.value(2), what);
        } else {
            assertNotNull(outcome.error(), () -> what + ": " + outcome.summary());
            assertEquals(400, outcome.status(), what);
            assertEquals(expected.error(), outcome.error().getMessage(), what);
        }
    }

    @Test
    void rfc9110_5_1_everyByteValueAtEveryPositionOfThreeWords() {
        for (int position = 0; position < 17; position++) {
            for (int v = 0; v < 256; v++) {
                byte[] name = Exchanges.ascii(BACKGROUND.substring(0, 17));
                name[position] = (byte) v;
                check(name);
            }
        }
    }

    @Test
    void rfc9110_5_1_namesOfEveryLengthInEitherCase() {
        for (int length = 1; length <= 17; length++) {
            String name = BACKGROUND.substring(0, length);
            check(Exchanges.ascii(name));
            check(Exchanges.ascii(name.toUpperCase(Locale.ROOT)));
            check(Exchanges.ascii(name.toLowerCase(Locale.ROOT)));
            check(Exchanges.ascii(name + "_"));
            check(Exchanges.ascii(name + "\u00c0"));
        }
    }

    @Test
    void rfc9110_5_1_theLettersNextToTheAlphabetAreNotFolded() {
        // '@' and '[' lie just outside A-Z, '`' and '{' just outside a-z; '`' and '|' are tchars, '@' '[' '{' are not
        for (String around : new String[] {"@", "[", "`", "{", "|", "/", ":", "9", "0"}) {
            for (int at = 0; at < 10; at++) {
                check(Exchanges.ascii(BACKGROUND.substring(0, at) + around + BACKGROUND.substring(at, 12)));
            }
        }
    }
}
