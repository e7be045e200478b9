package dev.barehttp.spi;

import dev.barehttp.codec.BodyData;
import dev.barehttp.codec.EndOfMessage;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.codec.Signal;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as an {@link InputStream} that pulls body events from the connection and asks
 * the transport for more bytes when it runs dry. The first read sends {@code 100 Continue} when
 * the client waits for it.
 *
 * <p>Body pieces are views of the connection's input ({@link ServerConnection#nextEventAsView()}), so
 * a read copies each byte once, from the input buffer into the caller's array. A view stays valid while
 * this stream reads it: the connection receives more bytes only through {@link ConnectionIO#awaitInput()},
 * which this stream calls once the piece is used up; what is left of a piece when the exchange ends is
 * copied ({@link #detach()}), for a handler that reads on after it.
 */
final class RequestBodyStream extends InputStream {
    private final ServerConnection connection;
    private ConnectionIO io;
    private BodyData current;
    private int position;
    private boolean started;
    private boolean ended;
    private volatile boolean detached;
    private Headers trailers = Headers.EMPTY;

    RequestBodyStream(ServerConnection connection, ConnectionIO io, boolean hasBody) {
        this.connection = connection;
        this.io = io;
        this.ended = !hasBody;
        if (!hasBody) {
            consumeEmptyBody();
        }
    }

    private void consumeEmptyBody() {
        HttpEvent e = connection.nextEvent();
        if (!(e instanceof EndOfMessage)) {
            throw new IllegalStateException("a request without body gave " + e);
        }
    }

    Headers trailers() {
        return trailers;
    }

    /** The transport I/O the stream reads through now. */
    ConnectionIO io() {
        return io;
    }

    /** Reads through {@code io} from now on: the exchange moved to another thread (see {@link Exchange.Unsent}). */
    void moveTo(ConnectionIO io) {
        this.io = io;
    }

    /** After the exchange, the stream must not read the next request's bytes. */
    void detach() {
        if (current != null && current.isView() && position < current.length()) {
            current = current.copy();
        }
        detached = true;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (current == null || position == current.length()) {
            if (ended || detached) {
                return -1;
            }
            pull();
        }
        int n = current.copyTo(position, b, off, len);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length() - position;
    }

    private void pull() throws IOException {
        if (!started) {
            started = true;
            if (connection.bodyRequested()) {
                io.flush();
            }
        }
        while (true) {
            HttpEvent e;
            try {
                e = connection.nextEventAsView();
            } catch (HttpProtocolException error) {
                throw new IOException("bad request body: " + error.getMessage(), error);
            }
            if (e instanceof BodyData data) {
                current = data;
                position = 0;
                return;
            }
            current = null;
            if (e instanceof EndOfMessage end) {
                trailers = end.trailers();
                ended = true;
                return;
            }
            if (e == Signal.NEED_DATA) {
                io.awaitInput();
                continue;
            }
            ended = true;
            return;
        }
    }
}
