package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The one reusable view piece of a connection: {@link BodyData} pointing into the input buffer,
 * repointed at each piece that {@code nextEventAsView()} hands out, so no array and no object is
 * made per piece.
 */
final class BodyView extends BodyData {
    private byte[] array;
    private int offset;
    private int length;
    /** The read-only buffer over {@link #array} that {@link #view()} hands out, made once per array. */
    private ByteBuffer buffer;

    /** Points this view at {@code array[offset, offset + length)}. */
    BodyView point(byte[] array, int offset, int length) {
        if (array != this.array) {
            buffer = null;
        }
        this.array = array;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override
    public byte[] data() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public boolean isView() {
        return true;
    }

    @Override
    public ByteBuffer view() {
        if (buffer == null) {
            buffer = ByteBuffer.wrap(array).asReadOnlyBuffer();
        }
        buffer.limit(offset + length).position(offset);
        return buffer;
    }

    @Override
    public BodyData copy() {
        return new BodyData(data());
    }

    @Override
    byte[] array() {
        return array;
    }

    @Override
    int offset() {
        return offset;
    }
}
