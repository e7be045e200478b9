package dev.barehttp.codec;

import java.util.Arrays;

/**
 * Reads field lines (RFC 9112 section 5) up to the empty line that ends a header or trailer
 * section, validating each line once as it completes and enforcing the section's size and
 * field-count limits while scanning.
 *
 * <p>Offsets are relative to the start of the message in the input buffer; the search for the
 * next LF resumes where the previous call stopped, so bytes arriving one at a time cost O(n).
 */
final class FieldSectionReader {
    private final int maxSectionSize;
    private final int maxFields;
    private final boolean allowBareLf;

    private int sectionStart;
    private int lineStart;
    private int scan;
    private int[] bounds = new int[4 * 16];
    private int count;
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
        count = 0;
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
        while (true) {
            int lf = LineEnds.findLf(b, base, scan, limit);
            if (lf < 0) {
                scan = limit;
                if (limit - sectionStart >= maxSectionSize) {
                    throw tooLarge();
                }
                return -1;
            }
            if (lf + 1 - sectionStart > maxSectionSize) {
                throw tooLarge();
            }
            int lineEnd = lineEnd(b, base, lf);
            scan = lf + 1;
            if (lineEnd == lineStart) {
                lineStart = scan;
                return scan;
            }
            readFieldLine(b, base + lineStart, base + lineEnd, base);
            lineStart = scan;
        }
    }

    /** The fields read so far, as {@link Headers} over a copy of the section, {@code b[base + sectionStart, base + end)}. */
    Headers fields(byte[] b, int base, int end) {
        if (count == 0) {
            return Headers.EMPTY;
        }
        int[] rebased = new int[4 * count];
        for (int i = 0; i < rebased.length; i++) {
            rebased[i] = bounds[i] - sectionStart;
        }
        return new Headers(Arrays.copyOfRange(b, base + sectionStart, base + end), rebased, count);
    }

    private int lineEnd(byte[] b, int base, int lf) {
        if (lf > lineStart && b[base + lf - 1] == '\r') {
            return lf - 1;
        }
        if (!allowBareLf) {
            throw HttpProtocolException.badRequest("a field line ends in a bare LF, not CRLF");
        }
        bareLineFeeds++;
        return lf;
    }

    private void readFieldLine(byte[] b, int from, int to, int base) {
        if (ByteClass.isWhitespace(b[from])) {
            throw HttpProtocolException.badRequest(count == 0
                    ? "whitespace before the first field line"
                    : "obsolete line folding (a field line starting with whitespace)");
        }
        int p = from;
        while (p < to && ByteClass.isTchar(b[p])) {
            b[p] = ByteClass.lower(b[p]);
            p++;
        }
        if (p == from || p == to || b[p] != ':') {
            throw HttpProtocolException.badRequest(p < to && ByteClass.isWhitespace(b[p])
                    ? "whitespace between a field name and its colon"
                    : p == from ? "a field line without a name" : "a field name holds a character that is not a tchar");
        }
        int nameEnd = p;
        int valueStart = p + 1;
        while (valueStart < to && ByteClass.isWhitespace(b[valueStart])) {
            valueStart++;
        }
        int valueEnd = to;
        while (valueEnd > valueStart && ByteClass.isWhitespace(b[valueEnd - 1])) {
            valueEnd--;
        }
        for (int i = valueStart; i < valueEnd; i++) {
            if (!ByteClass.isFieldChar(b[i])) {
                throw HttpProtocolException.badRequest("a field value holds a control character (0x"
                        + Integer.toHexString(b[i] & 0xFF) + ")");
            }
        }
        addField(from - base, nameEnd - base, valueStart - base, valueEnd - base);
    }

    private void addField(int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (count == maxFields) {
            throw HttpProtocolException.headersTooLarge("more than " + maxFields + " header fields");
        }
        int at = 4 * count;
        if (at == bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[at] = nameStart;
        bounds[at + 1] = nameEnd;
        bounds[at + 2] = valueStart;
        bounds[at + 3] = valueEnd;
        count++;
    }

    private HttpProtocolException tooLarge() {
        return HttpProtocolException.headersTooLarge("field section larger than " + maxSectionSize + " bytes");
    }
}
