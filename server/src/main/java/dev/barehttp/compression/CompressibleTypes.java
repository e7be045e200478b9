package dev.barehttp.compression;

import java.util.List;

/**
 * Which media types are worth compressing, as patterns: {@code type/subtype} exactly,
 * {@code type/*} for a whole type, or {@code type/*+suffix} for a structured syntax suffix
 * (RFC 6838 section 4.2.8, e.g. {@code application/*+json}). A {@code Content-Type} is matched by its
 * media type, parameters dropped, ASCII case-insensitively (RFC 9110 section 8.3.1).
 */
final class CompressibleTypes {
    /** Text, JSON, JavaScript, XML and SVG: what shrinks. Images, video, archives and fonts are compressed already. */
    static final List<String> DEFAULTS = List.of("text/*", "application/json", "application/javascript",
            "application/xml", "image/svg+xml", "application/*+json", "application/*+xml", "application/wasm");

    private final List<String> patterns;

    CompressibleTypes(List<String> patterns) {
        for (String p : patterns) {
            int slash = p.indexOf('/');
            if (slash <= 0 || slash == p.length() - 1 || !p.equals(lowerAscii(p, 0, p.length()))) {
                throw new IllegalArgumentException("a media type pattern is type/subtype, type/* or type/*+suffix, "
                        + "in lower case: " + p);
            }
        }
        this.patterns = List.copyOf(patterns);
    }

    /** True when the {@code Content-Type} value {@code contentType} (or null) matches a pattern. */
    boolean matches(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        int end = semi < 0 ? contentType.length() : semi;
        while (end > 0 && (contentType.charAt(end - 1) == ' ' || contentType.charAt(end - 1) == '\t')) {
            end--;
        }
        String type = lowerAscii(contentType, 0, end);
        for (String p : patterns) {
            if (matches(p, type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String type) {
        int star = pattern.indexOf("/*");
        if (star < 0) {
            return pattern.equals(type);
        }
        String prefix = pattern.substring(0, star + 1);
        String suffix = pattern.substring(star + 2);
        return type.length() > prefix.length() + suffix.length() && type.startsWith(prefix) && type.endsWith(suffix);
    }

    /** Only ASCII letters change case, so no Unicode case rule turns one type into another. */
    private static String lowerAscii(String s, int start, int end) {
        char[] chars = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            chars[i - start] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(chars);
    }
}
