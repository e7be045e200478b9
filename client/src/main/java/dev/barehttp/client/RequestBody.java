package dev.barehttp.client;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A request body written as it is produced, for {@link HttpClient#send(String, String,
 * dev.barehttp.codec.Headers, RequestBody)}: sent chunked, unless the request's headers declare a
 * {@code Content-Length} (then exactly that many bytes must be written). {@code flush()} sends what
 * was written so far; the stream is ended by the client after {@link #writeTo} returns.
 */
@FunctionalInterface
public interface RequestBody {
    /** Writes the body to {@code out}; need not close it. */
    void writeTo(OutputStream out) throws IOException;
}
