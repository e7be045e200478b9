package dev.barehttp.files;

/**
 * What a {@code Range} field asks of a representation of {@code size} bytes (RFC 9110 section 14):
 * <pre>
 *   Range = ranges-specifier ; ranges-specifier = range-unit "=" range-set ; range-set = 1#range-spec
 *   range-spec = int-range / suffix-range / other-range
 *   int-range = first-pos "-" [ last-pos ] ; suffix-range = "-" suffix-length
 * </pre>
 * Only the {@code bytes} unit and exactly one range are served. A field that asks for more than one
 * range, names another unit, or does not follow the grammar is ignored and the whole representation
 * is sent with 200, as RFC 9110 section 14.2 allows: one region per response keeps each answer a
 * plain file region the transport can send without copying, and no multipart body is ever built.
 *
 * @param kind whole, one satisfiable range, or unsatisfiable
 * @param first the first byte of a {@link Kind#PARTIAL} range
 * @param last the last byte (inclusive) of a {@link Kind#PARTIAL} range
 */
record ByteRange(Kind kind, long first, long last) {
    /** The three ways to answer. */
    enum Kind {
        /** No usable Range: send everything, 200. */
        WHOLE,
        /** One satisfiable range: 206 with Content-Range. */
        PARTIAL,
        /** The range starts past the end (or asks for nothing): 416 with {@code Content-Range: bytes *}{@code /size}. */
        UNSATISFIABLE
    }

    private static final ByteRange WHOLE = new ByteRange(Kind.WHOLE, 0, -1);
    private static final ByteRange UNSATISFIABLE = new ByteRange(Kind.UNSATISFIABLE, 0, -1);
    private static final long NO_NUMBER = -1;

    /** The bytes a {@link Kind#PARTIAL} range holds. */
    long length() {
        return last - first + 1;
    }

    /** The answer to {@code range} (the field value, or null) for a representation of {@code size} bytes. */
    static ByteRange of(String range, long size) {
        if (range == null || range.length() < 6 || !isBytesUnit(range) || range.charAt(5) != '=') {
            return WHOLE;
        }
        int start = 6;
        int end = range.length();
        int comma = range.indexOf(',', start);
        if (comma >= 0) {
            // "1#range-spec" allows empty elements; only a second non-empty one is a second range.
            if (!onlyListSeparators(range, comma, end)) {
                return WHOLE;
            }
            end = comma;
        }
        while (start < end && isOws(range.charAt(start))) {
            start++;
        }
        while (end > start && isOws(range.charAt(end - 1))) {
            end--;
        }
        return spec(range, start, end, size);
    }

    private static ByteRange spec(String s, int start, int end, long size) {
        int dash = s.indexOf('-', start);
        if (dash < 0 || dash >= end) {
            return WHOLE;
        }
        long first = number(s, start, dash);
        long last = number(s, dash + 1, end);
        if (dash == start) {
            if (last == NO_NUMBER) {
                return WHOLE;
            }
            return last == 0 || size == 0 ? UNSATISFIABLE
                    : new ByteRange(Kind.PARTIAL, Math.max(0, size - last), size - 1);
        }
        if (first == NO_NUMBER || (dash + 1 < end && last == NO_NUMBER)) {
            return WHOLE;
        }
        if (last != NO_NUMBER && last < first) {
            return WHOLE;
        }
        if (first >= size) {
            return UNSATISFIABLE;
        }
        long clamped = last == NO_NUMBER || last >= size ? size - 1 : last;
        return new ByteRange(Kind.PARTIAL, first, clamped);
    }

    /** The ASCII digits in {@code [start, end)} (saturating at Long.MAX_VALUE), or NO_NUMBER when empty or not digits. */
    private static long number(String s, int start, int end) {
        if (start >= end) {
            return NO_NUMBER;
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NO_NUMBER;
            }
            n = n > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : n * 10 + (c - '0');
        }
        return n;
    }

    /** range-unit is case-insensitive (RFC 9110 section 14.1): "bytes" in any ASCII case. */
    private static boolean isBytesUnit(String s) {
        String unit = "bytes";
        for (int i = 0; i < unit.length(); i++) {
            if ((s.charAt(i) | 0x20) != unit.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyListSeparators(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c != ',' && !isOws(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
