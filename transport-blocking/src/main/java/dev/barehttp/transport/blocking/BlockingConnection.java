package dev.barehttp.transport.blocking;

import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionDriver;
import dev.barehttp.spi.ConnectionDriver.Action;
import dev.barehttp.spi.ConnectionIO;
import dev.barehttp.spi.ServerSettings;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLSocket;

/**
 * One accepted socket served by one thread, doing what its {@link ConnectionDriver} says.
 *
 * <pre>
 *   accept --> (TLS handshake, within the head timeout) --> loop:
 *       READ     read once, SO_TIMEOUT = the driver's deadline     --> onInput / onEndOfInput / onDeadline
 *       WRITE    write a slice of the output's segments, one flush
 *                (a watchdog enforces the write inactivity timeout) --> onOutputWritten
 *       DISPATCH run the handlers on this thread                   --> afterDispatch
 *       LINGER   shut down output, discard input until EOF or the deadline, close
 *       CLOSE    close
 * </pre>
 *
 * The socket is touched by this connection's thread alone, except that {@link #closeIfIdle()} and
 * {@link #forceClose()} may close it from another.
 */
final class BlockingConnection implements Runnable, ConnectionIO {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final int READ_BUFFER_SIZE = 16 * 1024;
    /** Writes go out in slices, so that the write timeout measures inactivity and JDK buffers stay small. */
    private static final int WRITE_SLICE = 64 * 1024;
    /**
     * What the socket stream buffers: the head and framing segments gather here and go out with the
     * body in one flush; a segment at least this long (a body written by reference) skips the copy.
     */
    private static final int WRITE_BUFFER_SIZE = 8 * 1024;
    /** How many segments of the codec's output one slice takes at most. */
    private static final int SEGMENTS = 16;

    private final BlockingServer server;
    private final Socket socket;
    private final ServerSettings settings;
    private final boolean admitted;
    private volatile ConnectionDriver driver;
    private ServerConnection http;
    private byte[] buffer;
    private InputStream in;
    private OutputStream out;
    private final ByteBuffer[] segments = new ByteBuffer[SEGMENTS];

    private volatile boolean idle;
    private volatile long writeDeadline = Long.MAX_VALUE;

    BlockingConnection(BlockingServer server, Socket socket, ServerSettings settings, boolean admitted) {
        this.server = server;
        this.socket = socket;
        this.settings = settings;
        this.admitted = admitted;
    }

    /** Serves the connection until it ends, then closes the socket whatever happened. */
    @Override
    public void run() {
        try {
            handshake();
            driver = ConnectionDriver.create(settings, new ConnectionDriver.Peer(
                    (InetSocketAddress) socket.getRemoteSocketAddress(),
                    (InetSocketAddress) socket.getLocalSocketAddress(), socket instanceof SSLSocket));
            http = driver.connection();
            // Read after the driver is published: either this thread sees the shutdown, or the closer sees the driver.
            if (server.shuttingDown()) {
                driver.markShutdown();
            }
            in = socket.getInputStream();
            out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER_SIZE);
            serve(driver.start(admitted));
        } catch (IOException e) {
            // The peer left, a deadline passed, or the server closed the socket: nobody to answer.
        } catch (RuntimeException | Error e) {
            server.logFailure("connection from " + socket.getRemoteSocketAddress() + " failed", e);
        } finally {
            closeSocket();
            server.connectionEnded(this, admitted, (InetSocketAddress) socket.getRemoteSocketAddress());
        }
    }

    /** A TLS handshake counts against the head timeout: a client that never finishes it is dropped on time. */
    private void handshake() throws IOException {
        if (socket instanceof SSLSocket tls) {
            long timeout = settings.config().headTimeoutMillis();
            socket.setSoTimeout(timeout > 0 ? (int) Math.min(Integer.MAX_VALUE, timeout) : 0);
            tls.startHandshake();
        }
    }

    /** Carries out the driver's actions until it says LINGER or CLOSE. */
    private void serve(Action first) throws IOException {
        Action action = first;
        while (true) {
            switch (action) {
                case READ -> action = read();
                case WRITE -> action = write();
                case DISPATCH -> {
                    driver.dispatch(this);
                    action = driver.afterDispatch();
                }
                case LINGER -> {
                    linger();
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private Action read() throws IOException {
        idle = driver.idle();
        try {
            if (idle && server.shuttingDown()) {
                driver.markShutdown();
                return driver.onShutdown();
            }
            if (driver.buffersTrimmed()) {
                buffer = null;
            }
            long now = now();
            long deadline = driver.deadline();
            if (now >= deadline) {
                return driver.onDeadline(now);
            }
            socket.setSoTimeout(timeoutUntil(deadline, now));
            if (buffer == null) {
                buffer = new byte[READ_BUFFER_SIZE];
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return driver.onDeadline(now());
            }
            return n < 0 ? driver.onEndOfInput() : driver.onInput(buffer, 0, n);
        } finally {
            idle = false;
        }
    }

    private Action write() throws IOException {
        return driver.onOutputWritten(writeSlice(driver.output(segments), driver.deadline()));
    }

    /**
     * Writes one slice (at most {@link #WRITE_SLICE} bytes) of the {@code count} gathered segments, in
     * turn and with one flush, with the watchdog armed for {@code deadline}; returns the count.
     */
    private int writeSlice(int count, long deadline) throws IOException {
        int n = 0;
        writeDeadline = deadline;
        try {
            for (int i = 0; i < count && n < WRITE_SLICE; i++) {
                n += writeSegment(segments[i], WRITE_SLICE - n);
            }
            out.flush();
        } finally {
            writeDeadline = Long.MAX_VALUE;
            java.util.Arrays.fill(segments, 0, count, null);
        }
        return n;
    }

    /** Writes up to {@code max} bytes of {@code segment}; one without an accessible array goes through a copy. */
    private int writeSegment(ByteBuffer segment, int max) throws IOException {
        int n = Math.min(segment.remaining(), max);
        if (segment.hasArray()) {
            out.write(segment.array(), segment.arrayOffset() + segment.position(), n);
            return n;
        }
        byte[] chunk = new byte[Math.min(n, WRITE_BUFFER_SIZE)];
        for (int done = 0; done < n; done += chunk.length) {
            int len = Math.min(chunk.length, n - done);
            segment.get(segment.position() + done, chunk, 0, len);
            out.write(chunk, 0, len);
        }
        return n;
    }

    /** Ends our side, then reads and drops what the peer still sends, until it closes or the deadline. */
    private void linger() throws IOException {
        if (!(socket instanceof SSLSocket)) {
            socket.shutdownOutput();
        }
        byte[] sink = buffer != null ? buffer : new byte[4096];
        while (true) {
            long now = now();
            long deadline = driver.deadline();
            if (now >= deadline) {
                return;
            }
            socket.setSoTimeout(timeoutUntil(deadline, now));
            try {
                if (in.read(sink) < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                return;
            }
        }
    }

    private static int timeoutUntil(long deadline, long now) {
        return deadline == Long.MAX_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, deadline - now));
    }

    // ---------------------------------------------------------------- ConnectionIO, for the handler on this thread

    @Override
    public void awaitInput() throws IOException {
        flush();
        if (http.inputEnded()) {
            throw new EOFException("the peer ended its input and the request wants more");
        }
        while (true) {
            long now = now();
            long deadline = http.nextDeadline();
            if (now >= deadline && http.expire(now)) {
                flush();
                throw new SocketTimeoutException("the request body stalled past its deadline");
            }
            socket.setSoTimeout(timeoutUntil(deadline, now));
            if (buffer == null) {
                buffer = new byte[READ_BUFFER_SIZE];
            }
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    http.receiveEndOfInput();
                } else {
                    http.receive(buffer, 0, n);
                }
                return;
            } catch (SocketTimeoutException e) {
                // Go round: the clock decides whether the deadline passed.
            }
        }
    }

    @Override
    public void flush() throws IOException {
        long timeout = settings.config().writeTimeoutMillis();
        while (http.hasOutput()) {
            int count = http.gatherOutput(segments);
            http.consumeOutput(writeSlice(count, timeout > 0 ? now() + timeout : Long.MAX_VALUE));
        }
    }

    // ---------------------------------------------------------------- other threads

    /** True when a write has been blocked past the write timeout (the peer takes no output). */
    boolean writeStalled(long nowMillis) {
        return nowMillis >= writeDeadline;
    }

    /** Graceful shutdown, first step, from another thread: no new request starts, the next head says close. */
    void markShutdown() {
        ConnectionDriver d = driver;
        if (d != null) {
            d.markShutdown();
        }
    }

    /** Graceful shutdown, second step: a connection waiting for its next request with nothing buffered closes now. */
    void closeIfIdle() {
        if (idle) {
            closeSocket();
        }
    }

    /** Closes the socket from another thread; the connection's thread then fails out of its read or write. */
    void forceClose() {
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** The codec's clock: monotonic milliseconds. */
    static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
