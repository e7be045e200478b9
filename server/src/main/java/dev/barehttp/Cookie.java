package dev.barehttp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One cookie a client sent: a name and a value from a {@code Cookie} field (RFC 6265 section 5.4).
 * {@link Request#cookies()} parses them; {@link SetCookie} builds the other direction.
 *
 * @param name the cookie's name, a token, compared case-sensitively
 * @param value the value, without the double quotes it may have been sent in
 */
public record Cookie(String name, String value) {

    /**
     * cookie-name = token (RFC 6265 section 4.1.1, RFC 9110 section 5.6.2); every other byte, and
     * every character past 0xFF, is not.
     */
    private static final boolean[] TOKEN = new boolean[256];

    /**
     * What a received value may hold: printable US-ASCII (0x20-0x7E). Stricter cookie-octet
     * (RFC 6265 section 4.1.1) excludes space, DQUOTE, comma and backslash too, which real clients
     * send anyway; controls and non-ASCII bytes are never accepted, so a value is safe to log or echo.
     */
    private static final boolean[] VALUE_CHAR = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean alnum = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            TOKEN[c] = alnum || c < 0x80 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            VALUE_CHAR[c] = c >= 0x20 && c <= 0x7E;
        }
    }

    /** Checks both parts are present. */
    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The cookies of {@code fieldValues}, one element per {@code Cookie} field line. Pairs are split at
     * {@code ;}, each at its first {@code =}; spaces and tabs around names and values are dropped, and
     * one pair of surrounding double quotes. A pair without {@code =}, with a name that is not a
     * token, or with a value holding a control or non-ASCII character is skipped.
     */
    static List<Cookie> parse(List<String> fieldValues) {
        List<Cookie> cookies = new ArrayList<>(4);
        for (String field : fieldValues) {
            int at = 0;
            while (at <= field.length()) {
                int end = field.indexOf(';', at);
                if (end < 0) {
                    end = field.length();
                }
                Cookie c = pair(field, at, end);
                if (c != null) {
                    cookies.add(c);
                }
                at = end + 1;
            }
        }
        return List.copyOf(cookies);
    }

    /** The cookie in {@code field[start, end)}, or null when the pair is not one. */
    private static Cookie pair(String field, int start, int end) {
        int eq = field.indexOf('=', start);
        if (eq < 0 || eq >= end) {
            return null;
        }
        String name = stripped(field, start, eq);
        String value = stripped(field, eq + 1, end);
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            value = value.substring(1, value.length() - 1);
        }
        return isToken(name) && isSafeValue(value) ? new Cookie(name, value) : null;
    }

    /** {@code s[start, end)} without leading and trailing spaces and tabs (only those). */
    private static String stripped(String s, int start, int end) {
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** True when {@code s} is a non-empty token. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !TOKEN[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSafeValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !VALUE_CHAR[c]) {
                return false;
            }
        }
        return true;
    }
}
