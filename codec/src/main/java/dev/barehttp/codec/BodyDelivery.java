package dev.barehttp.codec;

/** How a body decoder hands out the body bytes it reads. */
enum BodyDelivery {
    /** A {@link BodyData} that owns a copy of the bytes. */
    COPY,
    /** The connection's reused view {@link BodyData}, pointing into the input buffer: no copy, no allocation. */
    VIEW,
    /** Dropped without a copy; {@link BodyDecoder#DISCARDED} stands for them. */
    DISCARD
}
