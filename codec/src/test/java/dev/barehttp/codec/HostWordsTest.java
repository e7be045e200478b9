package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * RFC 9110 section 7.2 with RFC 3986 section 3.2.2 (Host = uri-host [ ":" port ], reg-name =
 * *( unreserved / pct-encoded / sub-delims )) where a reg-name is checked eight bytes at a time
 * while it holds letters, digits, '-' and '.': every byte value at every position of a host that
 * spans three words, with and without a port, and hosts of every length from 0 to 17, each judged
 * against a byte-by-byte model written here (the colon searched from the right).
 */
class HostWordsTest {
    private static final String BACKGROUND = "www.Example-9.org.net";
    private static final String REG_NAME = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=";
    private static final String HEX = "0123456789abcdefABCDEF";

    private static boolean model(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        if (s.startsWith("[")) {
            return HostField.isValid(b, 0, b.length); // IP literals are not scanned by words
        }
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? s : s.substring(0, colon);
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%') {
                if (i + 2 >= host.length() || HEX.indexOf(host.charAt(i + 1)) < 0 || HEX.indexOf(host.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            } else if (REG_NAME.indexOf(c) < 0) {
                return false;
            }
        }
        return colon < 0 || s.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void check(byte[] host) {
        assertEquals(model(host), HostField.isValid(host, 0, host.length),
                () -> "host " + new String(host, StandardCharsets.ISO_8859_1));
        // the same bytes at an odd offset, followed by bytes that are not part of the value
        byte[] shifted = new byte[host.length + 12];
        java.util.Arrays.fill(shifted, (byte) 'z');
        System.arraycopy(host, 0, shifted, 3, host.length);
        assertEquals(model(host), HostField.isValid(shifted, 3, 3 + host.length),
                () -> "host " + new String(host, StandardCharsets.ISO_8859_1) + " at offset 3");
    }

    @Test
    void rfc9110_7_2_everyByteValueAtEveryPositionOfThreeWords() {
        for (String suffix : new String[] {"", ":8080"}) {
            for (int position = 0; position < 17; position++) {
                for (int v = 0; v < 256; v++) {
                    byte[] host = (BACKGROUND.substring(0, 17) + suffix).getBytes(StandardCharsets.ISO_8859_1);
                    host[position] = (byte) v;
                    check(host);
                }
            }
        }
    }

    @Test
    void rfc9110_7_2_hostsOfEveryLength() {
        for (int length = 0; length <= 17; length++) {
            String host = BACKGROUND.substring(0, length);
            for (String form : new String[] {host, host + ":1", host + ":", host + "%41", host + "%4", host + "_x", host + "\u00e9"}) {
                check(form.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }
}
