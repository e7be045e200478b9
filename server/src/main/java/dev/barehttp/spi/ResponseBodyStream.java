package dev.barehttp.spi;

import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.ResponseWriter;
import dev.barehttp.codec.ServerConnection;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@link OutputStream} a {@link dev.barehttp.BodyWriter} fills. The response head is written
 * with the first byte or flush, so a writer that fails before writing anything still gets a 500.
 * Output is pushed to the socket on {@link #flush()} and whenever a threshold has accumulated.
 */
final class ResponseBodyStream extends OutputStream {
    static final int FLUSH_THRESHOLD = 32 * 1024;

    private final ServerConnection connection;
    private final ConnectionIO io;
    private final Response response;
    private boolean started;
    private boolean finished;

    ResponseBodyStream(ServerConnection connection, ConnectionIO io, Response response) {
        this.connection = connection;
        this.io = io;
        this.response = response;
    }

    boolean started() {
        return started;
    }

    private ResponseWriter writer() throws IOException {
        if (finished) {
            throw new IOException("the response body is already complete");
        }
        ResponseWriter w = connection.response();
        if (!started) {
            started = true;
            w.status(response.status(), response.reason()).headers(response.headers());
        }
        return w;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        writer().write(b, off, len);
        if (connection.pendingOutput() >= FLUSH_THRESHOLD) {
            io.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        if (finished) {
            return;
        }
        writer().commit();
        io.flush();
    }

    /** Pushes what was written; the response itself ends when the {@link dev.barehttp.BodyWriter} returns. */
    @Override
    public void close() throws IOException {
        flush();
    }

    void finish(Headers trailers) throws IOException {
        if (finished) {
            return;
        }
        ResponseWriter w = writer();
        finished = true;
        w.end(trailers == null ? Headers.EMPTY : trailers);
    }
}
