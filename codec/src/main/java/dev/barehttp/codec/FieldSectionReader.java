package dev.barehttp.codec;

import java.util.Arrays;

/**
 * Reads field lines (RFC 9112 section 5) up to the empty line that ends a header or trailer
 * section, in one pass: each byte is looked at once, to find the line's end and to validate it
 * together (only whitespace that ends a value is looked at again, to trim it), and the pass resumes
 * where the previous call stopped, so bytes arriving one at a time still cost O(n).
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
    /** Four offsets per field read; empty after {@link #trim()} until the next section. */
    private int[] bounds = NO_BOUNDS;
    private int count;
    private int framingFields;
    private int lengthFields;
    /** The first Content-Length value read as {@link FramingFields#plainLength}. */
    private long plainLength;
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
        lengthFields = 0;
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
     * <p>The phases of a line are taken in their order, each skipped when a line resumed in its
     * middle has done it already: a line read whole goes straight through, with no dispatch between
     * its phases.
     *
     * @return the relative offset just past the section's final empty line, or -1 when more bytes are needed
     */
    int read(byte[] b, int base, int limit) {
        int cap = (int) Math.min(limit, (long) sectionStart + maxSectionSize);
        int p = scan;
        while (true) {
            if (phase == Phase.LINE_START) {
                if (p == cap) {
                    return needMore(p, limit, cap);
                }
                if (b[base + p] == '\r' || b[base + p] == '\n') {
                    int end = lineEnd(b, base, p, cap);
                    return end < 0 ? needMore(p, limit, cap) : end;
                }
                startName(b[base + p]);
            }
            if (phase == Phase.NAME) {
                p = scanName(b, base, p, cap);
                if (p == cap) {
                    return needMore(p, limit, cap);
                }
                endName(b, base, p++);
            }
            if (phase == Phase.BEFORE_VALUE) {
                p = skipWhitespace(b, base, p, cap);
                if (p == cap) {
                    return needMore(p, limit, cap);
                }
                valueStart = p;
                phase = Phase.VALUE;
            }
            assert phase == Phase.VALUE : phase;
            p = scanValue(b, base, p, cap);
            int next = p == cap ? -1 : lineEnd(b, base, p, cap);
            if (next < 0) {
                return needMore(p, limit, cap);
            }
            endLine(b, base, p, next);
            p = next;
        }
    }

    /** A field line begins with {@code c}, which is neither CR nor LF. */
    private void startName(byte c) {
        if (ByteClass.isWhitespace(c)) {
            throw HttpProtocolException.badRequest(count == 0
                    ? "whitespace before the first field line"
                    : "obsolete line folding (a field line starting with whitespace)");
        }
        phase = Phase.NAME;
    }

    /** The name ends at the colon at {@code colon}: which field the codec reads it is, if any. */
    private void endName(byte[] b, int base, int colon) {
        nameEnd = colon;
        fieldBit = FramingFields.classify(b, base + lineStart, nameEnd - lineStart);
        framingFields = FramingFields.add(framingFields, fieldBit);
        phase = Phase.BEFORE_VALUE;
    }

    /** What the codec will ask of the value {@code b[from, to)} of a field it reads, noted while the bytes are at hand. */
    private void noteValue(byte[] b, int from, int to) {
        if (fieldBit == FramingFields.CONNECTION) {
            framingFields |= FramingFields.connectionOptions(b, from, to);
        } else if (fieldBit == FramingFields.HOST && (framingFields & FramingFields.HOST_REPEATED) == 0) {
            framingFields |= HostField.isValid(b, from, to) ? 0 : FramingFields.HOST_INVALID;
        } else if (fieldBit == FramingFields.CONTENT_LENGTH && lengthFields++ == 0) {
            plainLength = FramingFields.plainLength(b, from, to);
        }
    }

    /**
     * The section's one Content-Length value when it is plain digits ({@link FramingFields#plainLength}),
     * else -1 (no such field, more than one, or another form).
     */
    long plainContentLength() {
        return lengthFields == 1 ? plainLength : -1;
    }

    private static int skipWhitespace(byte[] b, int base, int p, int cap) {
        while (p < cap && ByteClass.isWhitespace(b[base + p])) {
            p++;
        }
        return p;
    }

    /**
     * The value ends at {@code p} (its CR or LF) and the next line starts at {@code next}: the field
     * is added, without the whitespace that ends its value. That whitespace is walked back over here,
     * the only bytes looked at twice: it is rare, and so the scan of a value need not track it.
     */
    private void endLine(byte[] b, int base, int p, int next) {
        int end = p;
        while (end > valueStart && ByteClass.isWhitespace(b[base + end - 1])) {
            end--;
        }
        addField(lineStart, nameEnd, valueStart, end);
        if (fieldBit != 0) {
            noteValue(b, base + valueStart, base + end);
        }
        lineStart = next;
        phase = Phase.LINE_START;
    }

    /**
     * field-name = token, lower-cased in place; stops at the colon, or at {@code cap}. Eight bytes are
     * taken at a time while they are letters, digits and '-' (the tchars of nearly every name); any
     * other byte is judged on its own.
     */
    private int scanName(byte[] b, int base, int p, int cap) {
        while (p < cap) {
            if (cap - p >= 8) {
                int n = foldCommonNameBytes(b, base + p);
                p += n;
                if (n == 8) {
                    continue;
                }
            }
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
     * How many of the eight bytes {@code b[i, i + 8)}, from the first, are ALPHA, DIGIT or '-'
     * ({@link ByteWords#leadingAlphanumericOrDash}); those are lower-cased in place, the upper-case
     * letters among them being marked by the same range tests.
     */
    private static int foldCommonNameBytes(byte[] b, int i) {
        long w = ByteWords.load(b, i);
        int n = ByteWords.leadingAlphanumericOrDash(w, 0);
        long upper = ByteWords.atLeast(w, 'A') & ~ByteWords.atLeast(w, 'Z' + 1);
        long fold = n == 8 ? upper >>> 2 : ByteWords.lowest(upper >>> 2, n); // 0x80 >>> 2 is 0x20, the case bit
        if (fold != 0) {
            ByteWords.store(b, i, w | fold);
        }
        return n;
    }

    /**
     * field-value characters (RFC 9110 section 5.5: SP, HTAB, VCHAR, obs-text); stops at CR, LF or
     * {@code cap}. Sixteen, then eight bytes are taken at a time until one of them is a control
     * character or DEL; that byte is then judged on its own. Two words per step halve the branches
     * on the long values of a browser's request (User-Agent, Accept, Cookie).
     */
    private static int scanValue(byte[] b, int base, int p, int cap) {
        while (p < cap) {
            if (cap - p >= 16) {
                long first = valueStops(ByteWords.load(b, base + p));
                long second = valueStops(ByteWords.load(b, base + p + 8));
                if ((first | second) == 0) {
                    p += 16;
                    continue;
                }
                // the second word's lowest mark is exact too: it is read only when the first has none
                p += first != 0 ? ByteWords.firstMarked(first) : 8 + ByteWords.firstMarked(second);
            } else if (cap - p >= 8) {
                long stops = valueStops(ByteWords.load(b, base + p));
                if (stops == 0) {
                    p += 8;
                    continue;
                }
                p += ByteWords.firstMarked(stops);
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
        }
        return p;
    }

    /**
     * The bytes of {@code w} that stop the word scan of a value: below 0x20 (CR, LF, HTAB and the
     * controls) or DEL; SP and obs-text (0x80-0xFF) pass. Only the lowest mark is exact.
     */
    private static long valueStops(long w) {
        return ByteWords.below(w, 0x20) | ByteWords.equal(w, DELS);
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
