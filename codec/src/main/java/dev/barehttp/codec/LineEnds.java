package dev.barehttp.codec;

/** The search for line feeds shared by the head and trailer readers. */
final class LineEnds {
    private LineEnds() {
    }

    /** The relative offset of the first LF in {@code b[base + from, base + limit)}, or -1. */
    static int findLf(byte[] b, int base, int from, int limit) {
        for (int i = base + from, end = base + limit; i < end; i++) {
            if (b[i] == '\n') {
                return i - base;
            }
        }
        return -1;
    }
}
