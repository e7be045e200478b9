package dev.barehttp.codec;

/**
 * What {@link ServerConnection#nextEvent()} and {@link ClientConnection#nextEvent()} hand out: a
 * part of a message, or a {@link Signal} that says why there is none yet.
 *
 * <p>A request comes out as one {@link RequestHead}, zero or more {@link BodyData}, then one
 * {@link EndOfMessage}; a response likewise, with a {@link ResponseHead} first, possibly after
 * interim (1xx) heads of its own.
 */
public sealed interface HttpEvent permits RequestHead, ResponseHead, BodyData, EndOfMessage, Signal {
}
