package dev.barehttp.codec;

import java.util.Arrays;

/**
 * Reads field lines (RFC 9112 section 5) up to the empty line that ends a header or trailer
 * section, in one pass: each byte is looked at once, to find the line's end and to validate it
 * together, and the pass resumes where the previous call stopped, so bytes arriving one at a time
 * still cost O(n).
 *
 * <pre>
 *   LINE_START --tchar--> NAME --':'--> BEFORE_VALUE --field-vchar--> VALUE --CRLF--> LINE_START
 *       \--CRLF (empty line)--> section complete
 * </pre>
 *
 * The section may hold at most {@code maxSectionSize} bytes, its final CRLF included: the scan
 * never looks past that many bytes, so the outcome does not depend on how the input was split.
 * Offsets are relative to the start of the message in the input buffer.
 */
final class FieldSectionReader {
    private enum Phase { LINE_START, NAME, BEFORE_VALUE, VALUE }

    private static final int[] NO_BOUNDS = new int[0];
    private static final int FIRST_FIELDS = 16;
    private static final long SPACES = ByteWords.repeat(' ');
    private static final long DELS = ByteWords.repeat(0x7F);

    private final int maxSectionSize;
    private final int maxFields;
    private final boolean allowBareLf;

    private int sectionStart;
    private int lineStart;
    private int scan;
    private Phase phase = Phase.LINE_START;
    private int nameEnd;
    /** The {@link FramingFields} bit of the field being read, or 0. */
    private int fieldBit;
    private int valueStart;
    private int valueEnd;
    /** Four offsets per field read; empty after {@link #trim()} until the next section. */
    private int[] bounds = NO_BOUNDS;
    private int count;
    private int framingFields;
    private int bareLineFeeds;

    FieldSectionReader(int maxSectionSize, int maxFields, boolean allowBareLf) {
        this.maxSectionSize = maxSectionSize;
        this.maxFields = maxFields;
        this.allowBareLf = allowBareLf;
    }

    /** Starts a new section at relative offset {@code at}. */
    void reset(int at) {
        sectionStart = at;
        lineStart = at;
        scan = at;
        phase = Phase.LINE_START;
        count = 0;
        framingFields = 0;
    }

    /** Releases the field index between sections, so an idle connection does not keep it. */
    void trim() {
        bounds = NO_BOUNDS;
    }

    /** How many lines ended in a bare LF that {@code allowBareLf} accepted. */
    int bareLineFeeds() {
        return bareLineFeeds;
    }

    /**
     * Scans {@code b[base + scan, base + limit)}.
     *
     * @return the relative offset just past the section's final empty line, or -1 when more bytes are needed
     */
    int read(byte[] b, int base, int limit) {
        int cap = (int) Math.min(limit, (long) sectionStart + maxSectionSize);
        int p = scan;
        while (true) {
            switch (phase) {
                case LINE_START -> {
                    if (p == cap) {
                        return needMore(p, limit, cap);
                    }
                    byte c = b[base + p];
                    if (c == '\r' || c == '\n') {
                        int end = lineEnd(b, base, p, cap);
                        return end < 0 ? needMore(p, limit, cap) : end;
                    }
                    if (ByteClass.isWhitespace(c)) {
                        throw HttpProtocolException.badRequest(count == 0
                                ? "whitespace before the first field line"
                                : "obsolete line folding (a field line starting with whitespace)");
                    }
                    phase = Phase.NAME;
                }
                case NAME -> {
                    p = scanName(b, base, p, cap);
                    if (p == cap) {
                        return needMore(p, limit, cap);
                    }
                    nameEnd = p++;
                    fieldBit = FramingFields.classify(b, base + lineStart, nameEnd - lineStart);
                    framingFields = FramingFields.add(framingFields, fieldBit);
                    phase = Phase.BEFORE_VALUE;
                }
                case BEFORE_VALUE -> {
                    while (p < cap && ByteClass.isWhitespace(b[base + p])) {
                        p++;
                    }
                    if (p == cap) {
                        return needMore(p, limit, cap);
                    }
                    valueStart = p;
                    valueEnd = p;
                    phase = Phase.VALUE;
                }
                case VALUE -> {
                    p = scanValue(b, base, p, cap);
                    int next = p == cap ? -1 : lineEnd(b, base, p, cap);
                    if (next < 0) {
                        return needMore(p, limit, cap);
                    }
                    addField(lineStart, nameEnd, valueStart, valueEnd);
                    if (fieldBit == FramingFields.CONNECTION) {
                        framingFields |= FramingFields.connectionOptions(b, base + valueStart, base + valueEnd);
                    }
                    lineStart = next;
                    p = next;
                    phase = Phase.LINE_START;
                }
                default -> throw new IllegalStateException(phase.name());
            }
        }
    }

    /** field-name = token, lower-cased in place; stops at the colon, or at {@code cap}. */
    private int scanName(byte[] b, int base, int p, int cap) {
        while (p < cap) {
            byte c = b[base + p];
            byte folded = ByteClass.tcharLower(c);
            if (folded != 0) {
                b[base + p] = folded;
                p++;
            } else if (c == ':' && p > lineStart) {
                return p;
            } else {
                throw HttpProtocolException.badRequest(ByteClass.isWhitespace(c)
                        ? "whitespace between a field name and its colon"
                        : p == lineStart ? "a field line without a name"
                        : "a field name holds a character that is not a tchar");
            }
        }
        return p;
    }

    /**
     * field-value characters (RFC 9110 section 5.5: SP, HTAB, VCHAR, obs-text), remembering where the
     * last non-whitespace one ends; stops at CR, LF or {@code cap}. Eight bytes are taken at a time
     * until one of them is a control character or DEL; that byte is then judged on its own.
     */
    private int scanValue(byte[] b, int base, int p, int cap) {
        int end = valueEnd;
        while (p < cap) {
            if (cap - p >= 8) {
                long w = ByteWords.load(b, base + p);
                // below 0x20: CR, LF, HTAB and the controls; SP and obs-text (0x80-0xFF) pass
                long stops = ByteWords.below(w, 0x20) | ByteWords.equal(w, DELS);
                int n = stops == 0 ? 8 : ByteWords.firstMarked(stops);
                end = afterLastNonSpace(w, n, p, end);
                p += n;
                if (n == 8) {
                    continue;
                }
            }
            byte c = b[base + p];
            if (!ByteClass.isFieldChar(c)) {
                if (c == '\r' || c == '\n') {
                    break;
                }
                throw HttpProtocolException.badRequest("a field value holds a control character (0x"
                        + Integer.toHexString(c & 0xFF) + ")");
            }
            p++;
            if (!ByteClass.isWhitespace(c)) {
                end = p;
            }
        }
        valueEnd = end;
        return p;
    }

    /**
     * Where the value ends after the first {@code n} bytes of word {@code w}, read at {@code p}: just
     * past the last of them that is not SP (none of them is HTAB), or {@code end} if all are SP.
     */
    private static int afterLastNonSpace(long w, int n, int p, int end) {
        long nonSpaces = ~ByteWords.equalExact(w, SPACES) & ByteWords.HIGH_BITS;
        if (n < 8) {
            nonSpaces = ByteWords.lowest(nonSpaces, n);
        }
        return nonSpaces == 0 ? end : p + ByteWords.lastMarked(nonSpaces) + 1;
    }

    /**
     * The line ending at {@code p} (a CR or LF): the offset after it, or -1 when its LF has not
     * arrived yet.
     */
    private int lineEnd(byte[] b, int base, int p, int cap) {
        if (b[base + p] == '\n') {
            if (!allowBareLf) {
                throw HttpProtocolException.badRequest("a field line ends in a bare LF, not CRLF");
            }
            bareLineFeeds++;
            return p + 1;
        }
        if (p + 1 == cap) {
            return -1;
        }
        if (b[base + p + 1] != '\n') {
            throw HttpProtocolException.badRequest("a bare CR in the field section");
        }
        return p + 2;
    }

    /**
     * Out of bytes at {@code p}: 431 when the next byte the section needs lies past its allowance
     * ({@code cap} stopped the scan, or the input already fills the allowance), else wait for more.
     */
    private int needMore(int p, int limit, int cap) {
        scan = p;
        if (cap < limit || limit - sectionStart >= maxSectionSize) {
            throw HttpProtocolException.headersTooLarge("field section larger than " + maxSectionSize + " bytes");
        }
        return -1;
    }

    /** The fields read so far, as {@link Headers} over a copy of the section up to the end of its last value. */
    Headers fields(byte[] b, int base) {
        if (count == 0) {
            return Headers.EMPTY;
        }
        int end = bounds[4 * count - 1];
        return Headers.decoded(b, base, sectionStart, end, bounds, count, framingFields);
    }

    private void addField(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (count == maxFields) {
            throw HttpProtocolException.headersTooLarge("more than " + maxFields + " header fields");
        }
        int at = 4 * count;
        if (at == bounds.length) {
            bounds = Arrays.copyOf(bounds, Math.max(4 * FIRST_FIELDS, bounds.length * 2));
        }
        bounds[at] = nameStart;
        bounds[at + 1] = nameEnd;
        bounds[at + 2] = valueStart;
        bounds[at + 3] = valueEnd;
        count++;
    }

}
