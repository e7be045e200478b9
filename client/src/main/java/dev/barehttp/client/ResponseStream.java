package dev.barehttp.client;

import dev.barehttp.codec.BodyData;
import dev.barehttp.codec.EndOfMessage;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.ResponseHead;
import dev.barehttp.codec.Signal;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response whose head has arrived and whose body is read as it comes, from {@link #body()}.
 * Close it when done: the rest of the body (up to 64 KiB) is read and dropped so the connection can
 * carry the next request; a longer rest closes the connection instead. The client sends nothing
 * else until it is closed.
 */
public final class ResponseStream implements Closeable {
    private static final long DISCARD_AT_MOST = 64 * 1024;

    private final HttpClient owner;
    private final ClientSocket socket;
    private final ResponseHead head;
    private final InputStream body = new Body();
    private byte[] piece = new byte[0];
    private int position;
    private Headers trailers;
    private boolean closed;

    ResponseStream(HttpClient owner, ClientSocket socket, ResponseHead head) {
        this.owner = owner;
        this.socket = socket;
        this.head = head;
    }

    /** The final status code. */
    public int status() {
        return head.status();
    }

    /** The reason phrase as received. */
    public String reason() {
        return head.reason();
    }

    /** The version of the status line. */
    public HttpVersion version() {
        return head.version();
    }

    /** The header fields, names in lower case. */
    public Headers headers() {
        return head.headers();
    }

    /** The value of header {@code name} (repeated fields joined with ", "), or null. */
    public String header(String name) {
        return head.headers().get(name);
    }

    /**
     * The decoded body, read from the connection as it arrives; {@code -1} at its end. An invalid
     * response surfaces as an {@link IOException} whose cause is the {@link HttpProtocolException}.
     */
    public InputStream body() {
        return body;
    }

    /** True once the body has been read to its end. */
    public boolean ended() {
        return trailers != null;
    }

    /**
     * The trailer fields (empty unless the body was chunked and carried some).
     *
     * @throws IllegalStateException before the body has been read to its end
     */
    public Headers trailers() {
        if (trailers == null) {
            throw new IllegalStateException("trailers come after the body: read it to the end first");
        }
        return trailers;
    }

    /** Drops the rest of the body (or the connection, when much is left) and hands the connection back. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (trailers == null) {
                body.skip(DISCARD_AT_MOST);
                if (trailers == null) {
                    socket.close();
                }
            }
        } catch (IOException e) {
            socket.close();
            throw e;
        } finally {
            closed = true;
            owner.exchangeEnded(socket);
        }
    }

    /** Reads the next body piece; false at the end of the body. */
    private boolean nextPiece() throws IOException {
        if (closed) {
            throw new IOException("the response stream is closed");
        }
        while (trailers == null) {
            HttpEvent e;
            try {
                e = socket.next();
            } catch (HttpProtocolException invalid) {
                socket.close();
                throw new IOException("invalid response: " + invalid.getMessage(), invalid);
            } catch (IOException failed) {
                socket.close();
                throw failed;
            }
            if (e instanceof BodyData data) {
                piece = data.data();
                position = 0;
                return true;
            }
            if (e instanceof EndOfMessage end) {
                trailers = end.trailers();
            } else if (e == Signal.CLOSED || e == Signal.SWITCHED) {
                throw new IOException("the connection ended inside the response body");
            }
        }
        return false;
    }

    /** The body as a stream over the connection. */
    private final class Body extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (position == piece.length && !nextPiece()) {
                return -1;
            }
            int n = Math.min(len, piece.length - position);
            System.arraycopy(piece, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n) {
                if (position == piece.length && !nextPiece()) {
                    break;
                }
                int step = (int) Math.min(n - skipped, piece.length - position);
                position += step;
                skipped += step;
            }
            return skipped;
        }

        @Override
        public int available() {
            return piece.length - position;
        }

        @Override
        public void close() throws IOException {
            ResponseStream.this.close();
        }
    }
}
