package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A piece of a message body, de-chunked. Consecutive pieces concatenate to the body; where the
 * pieces are cut depends only on how the bytes arrived.
 *
 * <p>A piece is one of two kinds:
 * <ul>
 *   <li><b>owned</b> (what {@link ServerConnection#nextEvent()} and {@link ClientConnection#nextEvent()}
 *       hand out, and what the constructor makes): it holds its own bytes, which stay valid for as long as
 *       the caller keeps it;</li>
 *   <li><b>a view</b> (what {@code nextEventAsView()} hands out, {@link #isView()} true): it points into
 *       the connection's input buffer, so no byte is copied and nothing is allocated per piece. The
 *       connection reuses one view object: the piece is valid only until the next {@code nextEvent},
 *       {@code nextEventAsView} or {@code receive} call on its connection, after which it describes the
 *       next piece or bytes that were overwritten. Call {@link #copy()} to keep it longer (to hand it to
 *       another thread, say).</li>
 * </ul>
 * Both kinds compare, hash and print by their content.
 */
public sealed class BodyData implements HttpEvent permits BodyView {
    private final byte[] data;

    /**
     * An owned piece of the given bytes, which the event now owns.
     *
     * @throws IllegalArgumentException when {@code data} is empty
     */
    public BodyData(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (data.length == 0) {
            throw new IllegalArgumentException("a body piece holds at least one byte");
        }
        this.data = data;
    }

    /** For {@link BodyView}, which keeps its bytes elsewhere. */
    BodyData() {
        this.data = null;
    }

    /**
     * The bytes of this piece, owned by the caller's side: for an owned piece the event's own array
     * (not a copy), for a view a fresh copy on every call.
     */
    public byte[] data() {
        return data;
    }

    /** The number of bytes in this piece; never 0. */
    public int length() {
        return data.length;
    }

    /** True when this piece is a view into the connection's input, valid only until the next call on it. */
    public boolean isView() {
        return false;
    }

    /**
     * The piece as a read-only buffer, positioned at its first byte with its limit after the last one;
     * reading it advances its position and changes nothing else. For an owned piece a new buffer on each
     * call; for a view the connection's own buffer object, whose position and limit each call (and each
     * next piece) sets again, and whose bytes are valid only as long as the piece is.
     */
    public ByteBuffer view() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /**
     * Copies up to {@code len} bytes of this piece, starting {@code from} bytes into it, into
     * {@code dst} at {@code dstOff}: one copy, straight from where the piece lives.
     *
     * @return the number of bytes copied: {@code min(len, length() - from)}
     * @throws IndexOutOfBoundsException when {@code from} is not inside the piece
     */
    public int copyTo(int from, byte[] dst, int dstOff, int len) {
        Objects.checkIndex(from, length());
        int n = Math.min(len, length() - from);
        System.arraycopy(array(), offset() + from, dst, dstOff, n);
        return n;
    }

    /**
     * A piece the caller may keep: this one when it is owned, else an owned copy of the view's bytes
     * (the one copy for a hand-off).
     */
    public BodyData copy() {
        return this;
    }

    /** The array that holds the piece, from {@link #offset()}, for {@link #length()} bytes. */
    byte[] array() {
        return data;
    }

    int offset() {
        return 0;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof BodyData other && Arrays.equals(array(), offset(), offset() + length(),
                other.array(), other.offset(), other.offset() + other.length());
    }

    @Override
    public final int hashCode() {
        byte[] a = array();
        int h = 1;
        for (int i = offset(); i < offset() + length(); i++) {
            h = 31 * h + a[i];
        }
        return h;
    }

    @Override
    public final String toString() {
        return "BodyData[" + length() + " bytes" + (isView() ? " (view)" : "") + ": \""
                + new String(array(), offset(), length(), StandardCharsets.ISO_8859_1) + "\"]";
    }
}
