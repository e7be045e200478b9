package dev.barehttp.codec;

/**
 * A body of exactly Content-Length bytes (RFC 9112 section 6.2); the bytes after it belong to the
 * next request. A body cut short by the end of input is an error.
 */
final class ContentLengthBody implements BodyDecoder {
    private long remaining;
    private boolean ended;

    ContentLengthBody(long length) {
        this.remaining = length;
    }

    /** Starts the next body, of {@code length} bytes. */
    ContentLengthBody reset(long length) {
        remaining = length;
        ended = false;
        return this;
    }

    @Override
    public HttpEvent next(InputBuffer in, BodyDelivery delivery) {
        if (remaining == 0) {
            if (ended) {
                throw new IllegalStateException("the body already ended");
            }
            ended = true;
            return EndOfMessage.NO_TRAILERS;
        }
        int n = (int) Math.min(in.size(), remaining);
        if (n == 0) {
            return null;
        }
        remaining -= n;
        return in.takeBody(n, delivery);
    }

    @Override
    public void endOfInput() {
        if (remaining > 0) {
            throw HttpProtocolException.badRequest("the connection ended " + remaining
                    + " bytes before the end of the body");
        }
    }

    @Override
    public long remaining() {
        return remaining;
    }
}
