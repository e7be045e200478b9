package dev.barehttp.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time: a {@code long} read little-endian from a byte array, so the byte at the
 * lowest address is the word's lowest byte, and tests that look at all eight bytes at once (SWAR,
 * "SIMD within a register").
 *
 * <p>The tests below mark a byte by setting its top bit (0x80) in the result. They rest on two facts:
 * <ul>
 *   <li>{@code (w - 0x0101..01 * n) & ~w & 0x8080..80} is nonzero exactly when some byte of {@code w}
 *       is below {@code n} (for {@code n <= 0x80}): a byte {@code >= n} subtracts without a borrow and
 *       keeps its top bit clear unless it had it already (then {@code ~w} clears the mark), while the
 *       lowest byte below {@code n} wraps round to {@code >= 0x80} with its own top bit clear. Bytes
 *       above that one may be marked falsely by the borrow it passes on, so only the lowest mark is
 *       exact: {@link #firstMarked} is safe, a population count would not be.</li>
 *   <li>{@code ~(((w & 0x7F..7F) + 0x7F..7F) | w | 0x7F..7F)} marks exactly the zero bytes: adding
 *       0x7F to the low seven bits of a byte never carries into the next byte, and sets the top bit
 *       unless those seven bits were all zero.</li>
 * </ul>
 * Comparing with a byte value {@code c} is looking for zero bytes in {@code w ^ (0x0101..01 * c)}.
 *
 * <p>For a word of ASCII bytes only (every top bit clear), {@code (w + 0x0101..01 * (0x80 - n)) & 0x8080..80}
 * marks exactly the bytes {@code >= n}: no byte's sum passes 0xFF, so none carries into the next. A
 * byte with its top bit set may carry into the bytes above it, so again only the marks below the first
 * such byte can be trusted ({@link #atLeast}).
 */
final class ByteWords {
    private ByteWords() {
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static final long ONES = 0x0101_0101_0101_0101L;
    static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long LOW_BITS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long DASHES = 0x2D2D_2D2D_2D2D_2D2DL;

    /** The eight bytes {@code b[i, i + 8)} as one word, {@code b[i]} in its lowest byte. */
    static long load(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Stores {@code w} as the eight bytes {@code b[i, i + 8)}, its lowest byte at {@code b[i]}. */
    static void store(byte[] b, int i, long w) {
        LONGS.set(b, i, w);
    }

    /** Every byte of the word set to {@code c}. */
    static long repeat(int c) {
        return ONES * (c & 0xFF);
    }

    /** Nonzero when some byte is below {@code n} ({@code n <= 0x80}); only the lowest mark is exact. */
    static long below(long w, int n) {
        return (w - ONES * n) & ~w & HIGH_BITS;
    }

    /** Nonzero when some byte equals the repeated byte {@code c} ({@link #repeat}); only the lowest mark is exact. */
    static long equal(long w, long c) {
        return below(w ^ c, 1);
    }

    /** The top bit of exactly each byte equal to the repeated byte {@code c}. */
    static long equalExact(long w, long c) {
        long x = w ^ c;
        return ~(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS);
    }

    /**
     * The top bit of each byte {@code >= n} ({@code n <= 0x80}); exact for the bytes below the lowest
     * one that has its top bit set, which may mark the bytes above it falsely.
     */
    static long atLeast(long w, int n) {
        return (w + ONES * (0x80 - n)) & HIGH_BITS;
    }

    /**
     * How many of the bytes of {@code w}, from the lowest, are ALPHA, DIGIT or '-', or marked in
     * {@code alsoMarks} (exact marks of other bytes to accept): 0 to 8. The range tests of
     * {@link #atLeast} are exact below the first byte with its top bit set, and that byte, never one
     * of these, ends the count; so does every byte whose test a carry from below could have spoiled.
     */
    static int leadingAlphanumericOrDash(long w, long alsoMarks) {
        long folded = w | 0x2020_2020_2020_2020L; // letters to lower case; digits and '-' have the bit already
        long letters = atLeast(folded, 'a') & ~atLeast(folded, 'z' + 1);
        long digits = atLeast(w, '0') & ~atLeast(w, '9' + 1);
        long accepted = (letters | digits | equalExact(w, DASHES) | alsoMarks) & ~w;
        return accepted == HIGH_BITS ? 8 : firstMarked(~accepted & HIGH_BITS);
    }

    /** The index (0 to 7) of the lowest marked byte; {@code marks} must not be zero. */
    static int firstMarked(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }

    /** Marks kept for the lowest {@code n} bytes only ({@code 0 <= n < 8}). */
    static long lowest(long marks, int n) {
        return marks & ((1L << (8 * n)) - 1);
    }
}
