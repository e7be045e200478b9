package dev.barehttp.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A piece of a message body, de-chunked. Consecutive pieces concatenate to the body; where the
 * pieces are cut depends only on how the bytes arrived.
 *
 * @param data the bytes of this piece; never empty; owned by the event
 */
public record BodyData(byte[] data) implements HttpEvent {

    /** Checks that there is at least one byte. */
    public BodyData {
        Objects.requireNonNull(data, "data");
        if (data.length == 0) {
            throw new IllegalArgumentException("a body piece holds at least one byte");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyData other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "BodyData[" + data.length + " bytes: \"" + new String(data, StandardCharsets.ISO_8859_1) + "\"]";
    }
}
