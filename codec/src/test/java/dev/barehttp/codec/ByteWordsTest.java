package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The word tests behind the field-value scan (RFC 9110 section 5.5), against a byte-by-byte
 * reference: every byte value 0x00-0xFF at every position of an eight-byte word, over backgrounds
 * of VCHAR, obs-text and SP, and with a second odd byte above the first (where a borrow could
 * mark bytes falsely).
 */
class ByteWordsTest {
    private static final int[] BACKGROUNDS = {'a', 0x7E, 0x80, 0xFF, ' ', 0x21};

    private static byte[] word(int background, int position, int value) {
        byte[] b = new byte[8];
        java.util.Arrays.fill(b, (byte) background);
        b[position] = (byte) value;
        return b;
    }

    /** The index of the first byte that {@code stop} says stops the scan, or 8. */
    private static int firstStop(byte[] b, java.util.function.IntPredicate stop) {
        for (int i = 0; i < 8; i++) {
            if (stop.test(b[i] & 0xFF)) {
                return i;
            }
        }
        return 8;
    }

    private static int firstMarkedOr8(long marks) {
        return marks == 0 ? 8 : ByteWords.firstMarked(marks);
    }

    @Test
    void loadPutsTheFirstByteLowest() {
        byte[] b = {1, 2, 3, 4, 5, 6, 7, (byte) 0x88, 9};
        assertEquals(0x8807060504030201L, ByteWords.load(b, 0));
        assertEquals(0x0988070605040302L, ByteWords.load(b, 1));
    }

    @Test
    void belowAndEqualMarkTheFirstControlOrDelExactlyAtEveryPosition() {
        long dels = ByteWords.repeat(0x7F);
        for (int background : BACKGROUNDS) {
            for (int position = 0; position < 8; position++) {
                for (int v = 0; v < 256; v++) {
                    for (int second = position; second < 8; second++) {
                        byte[] b = word(background, position, v);
                        b[second] = second == position ? (byte) v : 0x00;
                        long w = ByteWords.load(b, 0);
                        String what = "background " + background + ", 0x" + Integer.toHexString(v) + " at " + position
                                + ", NUL at " + second;
                        assertEquals(firstStop(b, c -> c < 0x20), firstMarkedOr8(ByteWords.below(w, 0x20)), what);
                        assertEquals(firstStop(b, c -> c == 0x7F), firstMarkedOr8(ByteWords.equal(w, dels)), what);
                        assertEquals(firstStop(b, c -> c < 0x20 || c == 0x7F),
                                firstMarkedOr8(ByteWords.below(w, 0x20) | ByteWords.equal(w, dels)), what);
                    }
                }
            }
        }
    }

    @Test
    void equalExactMarksEverySpaceAndNothingElse() {
        long spaces = ByteWords.repeat(' ');
        for (int background : BACKGROUNDS) {
            for (int position = 0; position < 8; position++) {
                for (int v = 0; v < 256; v++) {
                    byte[] b = word(background, position, v);
                    long expected = 0;
                    for (int i = 0; i < 8; i++) {
                        if (b[i] == ' ') {
                            expected |= 0x80L << (8 * i);
                        }
                    }
                    assertEquals(expected, ByteWords.equalExact(ByteWords.load(b, 0), spaces),
                            "background " + background + ", 0x" + Integer.toHexString(v) + " at " + position);
                }
            }
        }
    }

    @Test
    void firstMarkedAndLowestPickBytesByIndex() {
        for (int i = 0; i < 8; i++) {
            long mark = 0x80L << (8 * i);
            assertEquals(i, ByteWords.firstMarked(mark | ByteWords.HIGH_BITS & ~((1L << (8 * i)) - 1)));
            assertEquals(0, ByteWords.lowest(mark, i));
            assertEquals(i == 0 ? 0 : 0x80L, ByteWords.lowest(mark | 0x80L, i));
        }
    }

    @Test
    void atLeastIsExactBelowTheFirstByteWithItsTopBitSet() {
        int[] bounds = {'0', '9' + 1, 'A', 'Z' + 1, 'a', 'z' + 1, 0, 0x80};
        for (int background : BACKGROUNDS) {
            for (int position = 0; position < 8; position++) {
                for (int v = 0; v < 256; v++) {
                    byte[] b = word(background, position, v);
                    int trusted = firstStop(b, c -> c >= 0x80);
                    for (int n : bounds) {
                        long marks = ByteWords.atLeast(ByteWords.load(b, 0), n);
                        for (int i = 0; i < trusted; i++) {
                            boolean marked = (marks & (0x80L << (8 * i))) != 0;
                            assertEquals((b[i] & 0xFF) >= n, marked, "background " + background + ", 0x"
                                    + Integer.toHexString(v) + " at " + position + ", n " + n + ", byte " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void storeWritesTheWordLoadReads() {
        byte[] b = new byte[10];
        ByteWords.store(b, 1, 0x8807060504030201L);
        assertEquals(0x8807060504030201L, ByteWords.load(b, 1));
        assertEquals(0, b[0]);
        assertEquals(1, b[1]);
        assertEquals(0, b[9]);
    }

    @Test
    void leadingAlphanumericOrDashCountsExactlyAtEveryPosition() {
        long dots = ByteWords.repeat('.');
        for (int background : new int[] {'a', 'Z', '0', '-', '9', 'z', 'A'}) {
            for (int position = 0; position < 8; position++) {
                for (int v = 0; v < 256; v++) {
                    byte[] b = word(background, position, v);
                    long w = ByteWords.load(b, 0);
                    String what = "background " + background + ", 0x" + Integer.toHexString(v) + " at " + position;
                    java.util.function.IntPredicate common = c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9') || c == '-';
                    assertEquals(firstStop(b, common.negate()), ByteWords.leadingAlphanumericOrDash(w, 0), what);
                    assertEquals(firstStop(b, common.or(c -> c == '.').negate()),
                            ByteWords.leadingAlphanumericOrDash(w, ByteWords.equalExact(w, dots)), what + " (dots too)");
                }
            }
        }
    }
}
