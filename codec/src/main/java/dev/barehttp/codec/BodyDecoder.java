package dev.barehttp.codec;

/** Reads one message body out of the input buffer, under one framing (RFC 9112 section 6). */
interface BodyDecoder {

    /** What {@link #next} returns for body bytes read in discarding mode: the same instance every time. */
    BodyData DISCARDED = new BodyData(new byte[] {'-'});

    /**
     * The next {@link BodyData} or the {@link EndOfMessage}; null when more bytes are needed.
     *
     * @param delivery how body bytes come out: copied, as a view of {@code in}, or dropped (then
     *     {@link #DISCARDED} stands for them)
     */
    HttpEvent next(InputBuffer in, BodyDelivery delivery);

    /** The peer ended its input: throws unless the body is complete. */
    void endOfInput();

    /** Bytes of body the framing still announces and that have not yet arrived; -1 when unknown. */
    long remaining();
}
