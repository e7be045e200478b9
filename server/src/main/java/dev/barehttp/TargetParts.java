package dev.barehttp;

import dev.barehttp.codec.HttpProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path and query of a request-target (RFC 9112 section 3.2, RFC 3986 section 3), and their
 * percent-decoding (UTF-8; a malformed escape or invalid UTF-8 is a 400).
 */
final class TargetParts {
    private TargetParts() {
    }

    /** The raw path of a target: origin-form as is, absolute-form without scheme and authority, else the target. */
    static String rawPath(String target) {
        int start = 0;
        if (target.charAt(0) != '/') {
            int scheme = target.indexOf("://");
            if (scheme < 0) {
                return target;
            }
            int slash = target.indexOf('/', scheme + 3);
            int query = target.indexOf('?', scheme + 3);
            if (slash < 0 || (query >= 0 && query < slash)) {
                return "/";
            }
            start = slash;
        }
        int q = target.indexOf('?', start);
        return q < 0 ? target.substring(start) : target.substring(start, q);
    }

    /** The raw query (after '?'), or null when there is none. */
    static String rawQuery(String target) {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }

    /** Query parameters in order, repeated keys kept; '+' means space (HTML form encoding). */
    static Map<String, List<String>> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            params.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        }
        params.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(params);
    }

    /** HEXDIG (RFC 5234 appendix B.1): ASCII digits and A-F in either case; -1 for anything else. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Percent-decodes {@code s} as UTF-8, '+' as space when {@code plusIsSpace}; 400 for a bad escape or bad UTF-8. */
    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw HttpProtocolException.badRequest("a truncated percent-escape in the request-target");
                }
                int hi = hexValue(s.charAt(i + 1));
                int lo = hexValue(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw HttpProtocolException.badRequest("a malformed percent-escape in the request-target");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw HttpProtocolException.badRequest("a percent-encoded request-target that is not UTF-8");
        }
    }
}
