package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Field names and tokens compare case-insensitively over ASCII letters only (RFC 9110 section 5.1:
 * field names are case-insensitive; section 5.6.2: tokens are ASCII). The Java trap: {@code
 * equalsIgnoreCase} folds the Kelvin sign (U+212A) into {@code k} and the dotted capital I (U+0130) into
 * {@code i}. The {@code String} and {@code CharSequence} forms must agree on every case.
 */
class AsciiCaseFoldingTest {

    @ParameterizedTest(name = "\"{0}\" vs \"{1}\" -> {2}")
    @CsvSource({
            "host, host, true",
            "HOST, host, true",
            "Content-Length, content-length, true",
            "content-lengtH, content-length, true",
            "content-lengt, content-length, false",
            "content-lengthx, content-length, false",
            "keep-alive, keep_alive, false",
            // '[' (0x5B) and '{' (0x7B) differ by 0x20 like a letter pair, but are not letters
            "[, {, false",
            "@, `, false",
            "\u212Aeep-alive, keep-alive, false",
            "\u0130d, id, false",
            "\u0131d, id, false",
            // equal non-ASCII characters are not an ASCII match either
            "\u00e9, \u00e9, false",
    })
    void foldsAsciiLettersOnly(String s, String ascii, boolean expected) {
        assertEquals(expected, ByteClass.equalsAsciiIgnoringCase(s, ascii), "String form");
        assertEquals(expected, ByteClass.equalsAsciiIgnoringCase((CharSequence) new StringBuilder(s), ascii),
                "CharSequence form");
    }
}
