package dev.barehttp.codec;

/** Reads one message body out of the input buffer, under one framing (RFC 9112 section 6). */
interface BodyDecoder {

    /** The next {@link BodyData} or the {@link EndOfMessage}; null when more bytes are needed. */
    HttpEvent next(InputBuffer in);

    /** The peer ended its input: throws unless the body is complete. */
    void endOfInput();

    /** Bytes of body the framing still announces and that have not yet arrived; -1 when unknown. */
    long remaining();
}
