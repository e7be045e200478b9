package dev.barehttp.codec;

import java.util.Objects;

/**
 * The end of a message, with the trailer fields of a chunked body (empty otherwise).
 *
 * @param trailers the trailer section (RFC 9112 section 7.1.2), names in lower case
 */
public record EndOfMessage(Headers trailers) implements HttpEvent {

    /** The end of a message without trailers. */
    public static final EndOfMessage NO_TRAILERS = new EndOfMessage(Headers.EMPTY);

    /** Checks that trailers are present (possibly empty). */
    public EndOfMessage {
        Objects.requireNonNull(trailers, "trailers");
    }
}
