package dev.barehttp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Produces a streamed response body. The stream is chunked to HTTP/1.1 clients (or
 * close-delimited to HTTP/1.0 ones); {@link OutputStream#flush()} pushes what was written so
 * far to the socket. Closing the stream is optional: the response ends when this method returns.
 */
@FunctionalInterface
public interface BodyWriter {
    /** Writes the body to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
}
