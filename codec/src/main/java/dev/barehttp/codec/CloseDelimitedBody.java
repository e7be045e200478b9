package dev.barehttp.codec;

/**
 * A response body without Content-Length or chunked framing: it runs until the server closes the
 * connection (RFC 9112 section 6.3, last rule), so the end of input is its end, never an error.
 * Only a response can be framed this way.
 */
final class CloseDelimitedBody implements BodyDecoder {
    private final long maxBodySize;
    private long total;
    private boolean inputEnded;
    private boolean ended;

    CloseDelimitedBody(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** Starts the next body. */
    CloseDelimitedBody reset() {
        total = 0;
        inputEnded = false;
        ended = false;
        return this;
    }

    @Override
    public HttpEvent next(InputBuffer in, BodyDelivery delivery) {
        int n = in.size();
        if (n > 0) {
            if (n > maxBodySize - total) {
                throw HttpProtocolException.contentTooLarge("the body is over the limit of " + maxBodySize + " bytes");
            }
            total += n;
            return in.takeBody(n, delivery);
        }
        if (inputEnded && !ended) {
            ended = true;
            return EndOfMessage.NO_TRAILERS;
        }
        if (ended) {
            throw new IllegalStateException("the body already ended");
        }
        return null;
    }

    @Override
    public void endOfInput() {
        inputEnded = true;
    }

    @Override
    public long remaining() {
        return -1;
    }
}
