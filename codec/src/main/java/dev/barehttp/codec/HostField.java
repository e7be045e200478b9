package dev.barehttp.codec;

import java.nio.charset.StandardCharsets;

/**
 * The syntax of a {@code Host} field value (RFC 9110 section 7.2, RFC 3986 section 3.2):
 * <pre>
 *   Host       = uri-host [ ":" port ]      uri-host = IP-literal / IPv4address / reg-name
 *   reg-name   = *( unreserved / pct-encoded / sub-delims )
 *   IP-literal = "[" ( IPv6address / IPvFuture ) "]"     port = *DIGIT
 * </pre>
 * RFC 9112 section 3.2 requires a 400 for a Host field with an invalid value: a proxy and an origin
 * that read a malformed authority differently route the same request to different hosts.
 *
 * <p>Checked on the bytes as received (the value of a decoded field is not turned into a string for it).
 */
final class HostField {
    /** unreserved and sub-delims: what a reg-name holds besides pct-encoded octets. */
    private static final boolean[] REG_NAME_CHAR = new boolean[256];
    private static final boolean[] HEX_DIGIT = new boolean[256];
    private static final long DOTS = ByteWords.repeat('.');

    static {
        String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" + "-._~" + "!$&'()*+,;=";
        for (int i = 0; i < allowed.length(); i++) {
            REG_NAME_CHAR[allowed.charAt(i)] = true;
        }
        String hex = "0123456789abcdefABCDEF";
        for (int i = 0; i < hex.length(); i++) {
            HEX_DIGIT[hex.charAt(i)] = true;
        }
    }

    private HostField() {
    }

    /** True when {@code value} is {@code uri-host [ ":" port ]} (an empty value is valid). */
    static boolean isValid(String value) {
        // A character above 0xFF becomes '?', which no Host value may hold either.
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        return isValid(b, 0, b.length);
    }

    /**
     * True when {@code b[from, to)} is {@code uri-host [ ":" port ]} (an empty value is valid). One
     * pass from the left: a reg-name holds no ':', so the first byte that is not part of the host
     * must be the colon before the port.
     */
    static boolean isValid(byte[] b, int from, int to) {
        int hostEnd = from < to && b[from] == '[' ? ipLiteralEnd(b, from, to) : regNameEnd(b, from, to);
        if (hostEnd < 0) {
            return false;
        }
        if (hostEnd == to) {
            return true;
        }
        if (b[hostEnd] != ':') {
            return false;
        }
        for (int i = hostEnd + 1; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * reg-name (IPv4address is a subset of it) from {@code from}: the offset of the first byte that
     * is not part of it, or -1 for a '%' not followed by two hex digits.
     */
    private static int regNameEnd(byte[] b, int from, int to) {
        int i = from;
        // most host names are letters, digits, '-' and '.': eight such bytes are taken at once
        while (to - i >= 8) {
            long w = ByteWords.load(b, i);
            int n = ByteWords.leadingAlphanumericOrDash(w, ByteWords.equalExact(w, DOTS));
            i += n;
            if (n < 8) {
                break;
            }
        }
        while (i < to) {
            int c = b[i] & 0xFF;
            if (REG_NAME_CHAR[c]) {
                i++;
            } else if (c != '%') {
                break;
            } else if (i + 2 >= to || !HEX_DIGIT[b[i + 1] & 0xFF] || !HEX_DIGIT[b[i + 2] & 0xFF]) {
                return -1;
            } else {
                i += 3;
            }
        }
        return i;
    }

    /** IP-literal at {@code from} (a '['): the offset just past its ']', or -1 when it is not one. */
    private static int ipLiteralEnd(byte[] b, int from, int to) {
        int close = indexOf(b, from, to, (byte) ']');
        return close >= 0 && isIpLiteralBody(b, from + 1, close) ? close + 1 : -1;
    }

    /** IPv6address or IPvFuture, loosely: the characters they may hold, at least one. */
    private static boolean isIpLiteralBody(byte[] b, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (!REG_NAME_CHAR[c] && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
