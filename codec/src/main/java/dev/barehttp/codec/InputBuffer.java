package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Received bytes not yet consumed by the parser: {@code array[start, end)}. Parsers keep offsets
 * relative to {@link #start()}, which stay valid when {@link #append} compacts the array.
 */
final class InputBuffer {
    private static final byte[] NONE = new byte[0];
    private static final int FIRST_CAPACITY = 2048;
    private static final int KEEP_CAPACITY = 16 * 1024;

    private byte[] array = NONE;
    private int start;
    private int end;
    /** Bytes consumed since the buffer was made: wire bytes, framing included. */
    private long consumedTotal;
    /** The one view piece handed out for body bytes read without a copy, made on first use. */
    private BodyView viewPiece;

    byte[] array() {
        return array;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    long consumedTotal() {
        return consumedTotal;
    }

    int size() {
        return end - start;
    }

    void append(byte[] src, int off, int len) {
        makeRoom(len);
        System.arraycopy(src, off, array, end, len);
        end += len;
    }

    void append(ByteBuffer src) {
        int len = src.remaining();
        makeRoom(len);
        src.get(array, end, len);
        end += len;
    }

    /** Drops {@code n} bytes from the front. */
    void consume(int n) {
        consumedTotal += n;
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** Returns a large, empty array to the garbage collector, so that idle connections stay small. */
    void trim() {
        if (start == end && array.length > 0) {
            array = NONE;
            start = 0;
            end = 0;
        }
    }

    /** Makes room for {@code len} more bytes: reuse the front if that is enough, else grow. */
    private void makeRoom(int len) {
        if (array.length - end >= len) {
            return;
        }
        int size = end - start;
        if (array.length - size >= len && array.length > 0) {
            System.arraycopy(array, start, array, 0, size);
        } else {
            int capacity = Math.max(FIRST_CAPACITY, array.length);
            while (capacity - size < len) {
                capacity = Math.multiplyExact(capacity, 2);
            }
            byte[] grown = new byte[capacity];
            System.arraycopy(array, start, grown, 0, size);
            array = grown;
        }
        start = 0;
        end = size;
    }

    /** After a large body went through, fall back to a modest array once it is empty. */
    void shrinkIfLarge() {
        if (start == end && array.length > KEEP_CAPACITY) {
            array = NONE;
            start = 0;
            end = 0;
        }
    }

    @Override
    public String toString() {
        return "InputBuffer[" + size() + " of " + array.length + "]";
    }

    /**
     * The next {@code n} bytes as a body piece, consumed: an owned copy, the reused view piece (whose
     * bytes stay put until the next {@link #append}, since only an append moves or overwrites bytes),
     * or {@link BodyDecoder#DISCARDED}.
     */
    BodyData takeBody(int n, BodyDelivery delivery) {
        BodyData piece = switch (delivery) {
            case COPY -> new BodyData(copy(0, n));
            case VIEW -> viewPiece().point(array, start, n);
            case DISCARD -> BodyDecoder.DISCARDED;
        };
        consume(n);
        return piece;
    }

    private BodyView viewPiece() {
        if (viewPiece == null) {
            viewPiece = new BodyView();
        }
        return viewPiece;
    }

    byte[] copy(int fromRel, int toRel) {
        return Arrays.copyOfRange(array, start + fromRel, start + toRel);
    }
}
