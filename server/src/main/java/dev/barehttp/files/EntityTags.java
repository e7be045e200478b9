package dev.barehttp.files;

/**
 * Matching of an entity-tag against the lists of {@code If-Match} and {@code If-None-Match}
 * (RFC 9110 sections 8.8.3 and 13.1):
 * <pre>
 *   If-Match = "*" / #entity-tag
 *   entity-tag = [ weak ] opaque-tag ; weak = %s"W/" ; opaque-tag = DQUOTE *etagc DQUOTE
 *   etagc = %x21 / %x23-7E / obs-text
 * </pre>
 * A list that does not follow the grammar matches nothing from the first malformed element on.
 */
final class EntityTags {
    private EntityTags() {
    }

    /**
     * True when {@code list} is {@code *} or holds a tag equal to {@code tag} ({@code "..."} or
     * {@code W/"..."}): by strong comparison (both strong, same opaque-tag) when {@code strong},
     * else by weak comparison (same opaque-tag, weakness ignored).
     */
    static boolean matches(String list, String tag, boolean strong) {
        if (isAsterisk(list)) {
            return true;
        }
        boolean tagWeak = tag.startsWith("W/");
        String opaque = tagWeak ? tag.substring(2) : tag;
        int i = 0;
        int n = list.length();
        while (i < n) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = c == 'W' && i + 1 < n && list.charAt(i + 1) == '/';
            int open = weak ? i + 2 : i;
            if (open >= n || list.charAt(open) != '"') {
                return false;
            }
            int close = list.indexOf('"', open + 1);
            if (close < 0) {
                return false;
            }
            boolean sameOpaque = close + 1 - open == opaque.length() && list.startsWith(opaque, open);
            if (sameOpaque && (!strong || !weak && !tagWeak)) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }

    /** True when {@code list} is "*" with optional whitespace (SP / HTAB) around it. */
    private static boolean isAsterisk(String list) {
        int star = -1;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '*' && star < 0) {
                star = i;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return star >= 0;
    }
}
