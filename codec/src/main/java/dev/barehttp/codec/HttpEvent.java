package dev.barehttp.codec;

/**
 * What {@link ServerConnection#nextEvent()} hands out: a part of a message, or a {@link Signal}
 * that says why there is none yet.
 *
 * <p>A request comes out as one {@link RequestHead}, zero or more {@link BodyData}, then one
 * {@link EndOfMessage}.
 */
public sealed interface HttpEvent permits RequestHead, BodyData, EndOfMessage, Signal {
}
