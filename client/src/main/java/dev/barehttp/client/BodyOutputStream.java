package dev.barehttp.client;

import dev.barehttp.codec.RequestWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a {@link RequestBody} writes to: bytes go through the codec's {@link RequestWriter}
 * (which frames them) and reach the socket whenever a few kilobytes are pending, on
 * {@link #flush()}, and at the end.
 */
final class BodyOutputStream extends OutputStream {
    private static final int FLUSH_ABOVE = 16 * 1024;

    private final ClientSocket socket;
    private final RequestWriter writer;
    private boolean closed;

    BodyOutputStream(ClientSocket socket) {
        this.socket = socket;
        this.writer = socket.codec().request();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the request body has ended");
        }
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        try {
            writer.write(b, off, len);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (socket.codec().pendingOutput() > FLUSH_ABOVE) {
            socket.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        socket.flush();
    }

    /** Ends the body (the last chunk, for chunked framing) and sends what is pending. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                writer.end();
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            }
            socket.flush();
        }
    }
}
