package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Field names and tokens compare case-insensitively over ASCII letters only (RFC 9110 section 5.1:
 * field names are case-insensitive; section 5.6.2: tokens are ASCII). The Java trap: {@code
 * equalsIgnoreCase} folds the Kelvin sign (U+212A) into {@code k} and the dotted capital I (U+0130) into
 * {@code i}. The {@code String} and {@code CharSequence} forms must agree on every case.
 */
class AsciiCaseFoldingTest {

    /**
     * Field names are tokens (RFC 9110 section 5.6.2), kept in lower case: the one-load table the name
     * scan uses agrees with the tchar test and the ASCII folding for every byte value.
     */
    @Test
    void nameTableAgreesWithTcharAndFoldingForEveryByte() {
        String symbols = "!#$%&'*+-.^_`|~";
        for (int i = 0; i < 256; i++) {
            byte b = (byte) i;
            boolean tchar = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || (i >= '0' && i <= '9')
                    || symbols.indexOf(i) >= 0;
            byte expected = tchar ? (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i) : 0;
            assertEquals(expected, ByteClass.tcharLower(b), "byte 0x" + Integer.toHexString(i));
            assertEquals(tchar, ByteClass.isTchar(b), "byte 0x" + Integer.toHexString(i));
        }
    }

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
