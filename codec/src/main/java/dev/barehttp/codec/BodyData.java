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
 *       hand out): it holds its own bytes, which stay valid for as long as the caller keeps it;</li>
 *   <li><b>a view</b> (what {@code nextEventAsView()} hands out): it points into the connection's input
 *       buffer, so no byte is copied and nothing is allocated per piece. The connection reuses one view
 *       object: the piece is valid only until the next {@code nextEvent}, {@code nextEventAsView} or
 *       {@code receive} call on its connection, after which it describes the next piece or bytes that
 *       were overwritten. Call {@link #copy()} to keep it longer (to hand it to another thread, say).</li>
 * </ul>
 * Both kinds compare, hash and print by their content.
 */
public final class BodyData implements HttpEvent {
    private byte[] array;
    private int offset;
    private int length;
    private final boolean view;
    /** The read-only buffer over {@link #array} that {@link #view()} hands out, made once per array. */
    private ByteBuffer buffer;

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
        this.array = data;
        this.length = data.length;
        this.view = false;
    }

    /** The connection's reusable view piece; it describes nothing until {@link #point} is called. */
    private BodyData() {
        this.view = true;
    }

    /** A view piece for one connection, to be pointed at each piece in turn. */
    static BodyData reusableView() {
        return new BodyData();
    }

    /** Points this view piece at {@code array[offset, offset + length)}. */
    BodyData point(byte[] array, int offset, int length) {
        if (!view) {
            throw new IllegalStateException("an owned piece is never repointed");
        }
        if (array != this.array) {
            buffer = null;
        }
        this.array = array;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /**
     * The bytes of this piece, owned by the caller's side: for an owned piece the event's own array
     * (not a copy, as before this class had views), for a view a fresh copy on every call.
     */
    public byte[] data() {
        return view ? Arrays.copyOfRange(array, offset, offset + length) : array;
    }

    /** The number of bytes in this piece; never 0. */
    public int length() {
        return length;
    }

    /** True when this piece is a view into the connection's input, valid only until the next call on it. */
    public boolean isView() {
        return view;
    }

    /**
     * The piece as a read-only buffer, positioned at its first byte with its limit after the last one.
     * For a view piece it is the connection's own buffer object: each call of this method (and each
     * next piece) moves its position and limit, and its bytes are valid only as long as the piece is.
     * Reading it advances its position and changes nothing else.
     */
    public ByteBuffer view() {
        if (buffer == null) {
            buffer = ByteBuffer.wrap(array).asReadOnlyBuffer();
        }
        buffer.limit(offset + length).position(offset);
        return buffer;
    }

    /**
     * Copies up to {@code len} bytes of this piece, starting {@code from} bytes into it, into
     * {@code dst} at {@code dstOff}; one copy, straight from where the piece lives.
     *
     * @return the number of bytes copied: {@code min(len, length() - from)}
     */
    public int copyTo(int from, byte[] dst, int dstOff, int len) {
        Objects.checkIndex(from, length);
        int n = Math.min(len, length - from);
        System.arraycopy(array, offset + from, dst, dstOff, n);
        return n;
    }

    /**
     * A piece the caller may keep: this one when it is owned, else an owned copy of the view's bytes
     * (the one copy for a hand-off).
     */
    public BodyData copy() {
        return view ? new BodyData(data()) : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyData other
                && Arrays.equals(array, offset, offset + length, other.array, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "BodyData[" + length + " bytes" + (view ? " (view)" : "") + ": \""
                + new String(array, offset, length, StandardCharsets.ISO_8859_1) + "\"]";
    }
}
