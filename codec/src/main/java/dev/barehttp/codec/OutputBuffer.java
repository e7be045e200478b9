package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encoded bytes waiting for the transport: {@code array[start, end)}, growing as needed. Bytes
 * written after {@link #hold()} stay invisible to the transport until {@link #release()}, so a
 * response head is never sent half-built.
 */
final class OutputBuffer {
    private static final byte[] NONE = new byte[0];
    private static final int FIRST_CAPACITY = 512;
    private static final int KEEP_CAPACITY = 64 * 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] array = NONE;
    private int start;
    private int end;
    private int hold = -1;
    /** Bytes handed to the transport and consumed since the buffer was made. */
    private long consumedTotal;

    /** The bytes the transport may write now. */
    int size() {
        return (hold >= 0 ? hold : end) - start;
    }

    /** Hides what is written from now on, until {@link #release()}. */
    void hold() {
        if (hold < 0) {
            hold = end;
        }
    }

    /** Makes every written byte visible. */
    void release() {
        hold = -1;
    }

    /** A view of the pending bytes; valid until the next write into this buffer. */
    ByteBuffer view() {
        return ByteBuffer.wrap(array, start, size());
    }

    byte[] array() {
        return array;
    }

    int start() {
        return start;
    }

    void consume(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("cannot consume " + n + " of " + size() + " pending bytes");
        }
        consumedTotal += n;
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
            hold = hold >= 0 ? 0 : -1;
            if (array.length > KEEP_CAPACITY) {
                array = NONE;
            }
        }
    }

    /** A position in the stream of every byte ever put, for {@link #truncateTo}. */
    long mark() {
        return consumedTotal + (end - start);
    }

    /** True when no byte put after {@code mark} has been consumed yet. */
    boolean unsentSince(long mark) {
        return consumedTotal <= mark;
    }

    /** Forgets every byte put after {@code mark} (none of which was consumed), and any hold. */
    void truncateTo(long mark) {
        if (!unsentSince(mark) || mark > mark()) {
            throw new IllegalStateException("cannot take back bytes already consumed");
        }
        end = start + (int) (mark - consumedTotal);
        hold = -1;
    }

    void trim() {
        if (start == end) {
            array = NONE;
            start = 0;
            end = 0;
            hold = hold >= 0 ? 0 : -1;
        }
    }

    void put(byte b) {
        ensure(1);
        array[end++] = b;
    }

    void put(byte[] src) {
        put(src, 0, src.length);
    }

    void put(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, array, end, len);
        end += len;
    }

    /** Characters 0-255 as single bytes; callers have validated that no other character occurs. */
    void putLatin1(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, array, end);
        end += n;
    }

    void crlf() {
        ensure(2);
        array[end++] = '\r';
        array[end++] = '\n';
    }

    /** A non-negative number in decimal, written digit by digit (no intermediate string). */
    void putDecimal(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        int digits = 1;
        for (long rest = v / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = end + digits - 1; i >= end; i--) {
            array[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        end += digits;
    }

    void putHex(long v) {
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) / 4);
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            array[end++] = HEX[(int) (v >>> (4 * i)) & 0xF];
        }
    }

    /**
     * {@code HTTP/1.1 <status> <reason> CRLF}: the prepared line of a standard code when {@code reason}
     * is null, else built here (an empty reason for a code RFC 9110 does not name). The reason is
     * validated by the caller.
     */
    void putStatusLine(int status, String reason) {
        byte[] line = reason == null ? StatusReasons.statusLine(status) : null;
        if (line != null) {
            put(line);
            return;
        }
        putLatin1("HTTP/1.1 ");
        putDecimal(status);
        put((byte) ' ');
        putLatin1(reason == null ? StatusReasons.of(status) : reason);
        crlf();
    }

    /** name ": " value CRLF. */
    void field(String name, String value) {
        putLatin1(name);
        ensure(2);
        array[end++] = ':';
        array[end++] = ' ';
        putLatin1(value);
        crlf();
    }

    private void ensure(int n) {
        if (array.length - end >= n) {
            return;
        }
        int size = end - start; // held bytes included
        if (start > 0 && array.length - size >= n) {
            System.arraycopy(array, start, array, 0, size);
        } else {
            int capacity = Math.max(FIRST_CAPACITY, array.length);
            while (capacity - size < n) {
                capacity = Math.multiplyExact(capacity, 2);
            }
            array = start == 0 ? Arrays.copyOf(array, capacity) : copyFrom(capacity, size);
        }
        if (start > 0) {
            if (hold >= 0) {
                hold -= start;
            }
            start = 0;
            end = size;
        }
    }

    private byte[] copyFrom(int capacity, int size) {
        byte[] grown = new byte[capacity];
        System.arraycopy(array, start, grown, 0, size);
        return grown;
    }
}
