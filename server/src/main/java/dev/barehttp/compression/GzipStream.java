package dev.barehttp.compression;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip stream (RFC 1952) over a response body that the application writes to: {@link #flush()}
 * sends what was written so far as a complete deflate block (a sync flush), so a streamed answer
 * still reaches the client as it is produced; {@link #close()} only finishes the gzip member, since
 * the response ends when its writer returns.
 */
final class GzipStream extends GZIPOutputStream {
    GzipStream(OutputStream out, int level) throws IOException {
        super(out, 8192, true);
        def.setLevel(level);
    }

    /** Writes the rest of the compressed data and the gzip trailer; the body stream stays open. */
    @Override
    public void close() throws IOException {
        finish();
    }

    /** Frees the deflater's native memory; the stream is unusable afterwards. */
    void release() {
        def.end();
    }
}
