package dev.barehttp.codec;

/** The search for line feeds shared by the head and trailer readers. */
final class LineEnds {
    private LineEnds() {
    }

    private static final long LINE_FEEDS = ByteWords.repeat('\n');

    /**
     * The relative offset of the first LF in {@code b[base + from, base + limit)}, or -1. Eight bytes
     * are tested at a time ({@link ByteWords#equal}: only the lowest mark is exact, and it is the one
     * taken), the last few one by one.
     */
    static int findLf(byte[] b, int base, int from, int limit) {
        int i = base + from;
        int end = base + limit;
        for (; end - i >= 8; i += 8) {
            long marks = ByteWords.equal(ByteWords.load(b, i), LINE_FEEDS);
            if (marks != 0) {
                return i + ByteWords.firstMarked(marks) - base;
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\n') {
                return i - base;
            }
        }
        return -1;
    }
}
