package dev.barehttp.transport.blocking;

import dev.barehttp.Handler;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.codec.Signal;
import dev.barehttp.spi.ConnectionIO;
import dev.barehttp.spi.Exchange;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One accepted socket served by one thread: it reads bytes into a {@link ServerConnection},
 * answers each request through {@link Exchange}, and writes what the codec produced.
 *
 * <pre>
 *             +-------------- persistent response ended ---------------+
 *             v                                                        |
 *   accept -> AWAITING HEAD --request head--> EXCHANGE ----------------+
 *             |   flush, then read with          the handler reads the body
 *             |   SO_TIMEOUT = next deadline     (awaitInput), writes the response
 *             |                                         |
 *             |                                         | response says close, stream failed,
 *             | deadline passed (408 or quiet),         | socket error, write stall
 *             | bad bytes (4xx/5xx), end of input,      |
 *             | shutdown while idle                     v
 *             +------------------------------------> CLOSED (flush, close the socket)
 * </pre>
 *
 * <p>Output is written only when the codec needs more input or the connection ends, so the
 * answers to pipelined requests leave in one write. The socket is touched by this connection's
 * thread alone, except that {@link #closeIfWaitingForRequest()} and {@link #forceClose()} may close it from another.
 */
final class BlockingConnection implements Runnable, ConnectionIO {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final int READ_BUFFER_SIZE = 16 * 1024;
    private static final long QUIET_MILLIS = 1_000;

    private final BlockingServer server;
    private final Socket socket;
    private final ServerConnection connection;
    private final Handler handler;
    private final boolean secure;
    private final long writeTimeoutMillis;
    private byte[] buffer;
    private InputStream in;
    private ServerConnection.OutputSink out;
    private boolean inputEnded;

    private volatile boolean waitingForRequest;
    private volatile boolean shutdownAsked;
    private volatile long writeDeadline = Long.MAX_VALUE;

    BlockingConnection(BlockingServer server, Socket socket, ServerConnection connection, Handler handler,
                       boolean secure) {
        this.server = server;
        this.socket = socket;
        this.connection = connection;
        this.handler = handler;
        this.secure = secure;
        this.writeTimeoutMillis = connection.config().writeTimeoutMillis();
    }

    /** Serves the connection until it ends, then closes the socket whatever happened. */
    @Override
    public void run() {
        try {
            in = socket.getInputStream();
            out = socket.getOutputStream()::write;
            serve();
        } catch (IOException e) {
            // The peer left, a deadline passed, or the server closed the socket: nobody to answer.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "connection from " + socket.getRemoteSocketAddress() + " failed", e);
        } finally {
            closeSocket();
            server.connectionEnded(this);
        }
    }

    /** {@code while (open) { head; body; respond }}: one request after another until the codec says closed. */
    private void serve() throws IOException {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
        while (true) {
            HttpEvent event;
            try {
                event = connection.nextEvent();
            } catch (HttpProtocolException e) {
                connection.respondToError(e);
                flush();
                return;
            }
            if (event instanceof RequestHead head) {
                Exchange.run(connection, head, this, handler, remote, local, secure);
            } else if (event == Signal.NEED_DATA) {
                flush();
                if (!awaitNextBytes()) {
                    return;
                }
            } else {
                // CLOSED; or PAUSED, which after Exchange.run means a response left unfinished: it cannot go on.
                flush();
                return;
            }
        }
    }

    /** Waits for bytes between events; false when the connection must close (deadline passed, shutdown). */
    private boolean awaitNextBytes() throws IOException {
        if (!connection.isIdle()) {
            return fill(false);
        }
        waitingForRequest = true;
        try {
            // Checked after announcing the wait, so a shutdown either sees the wait or is seen here.
            return !shutdownAsked && fill(true);
        } finally {
            waitingForRequest = false;
        }
    }

    @Override
    public void awaitInput() throws IOException {
        flush();
        if (!fill(false)) {
            throw new SocketTimeoutException("the request body stalled past its deadline");
        }
    }

    /**
     * Reads once into the connection, with the socket timeout set to the codec's next deadline.
     *
     * @param idle the connection waits for its next request: after a quiet second its buffers are
     *     released, so that thousands of idle keep-alive connections hold little memory
     * @return false when the deadline passed: what {@link ServerConnection#expire} queued was written
     */
    private boolean fill(boolean idle) throws IOException {
        if (inputEnded) {
            throw new EOFException("the peer ended its input and the codec wants more");
        }
        long quietUntil = idle ? now() + QUIET_MILLIS : Long.MAX_VALUE;
        while (true) {
            long deadline = connection.nextDeadline();
            long now = now();
            if (now >= deadline && connection.expire(now)) {
                flush();
                return false;
            }
            if (now >= quietUntil) {
                connection.trimBuffers();
                buffer = null;
                quietUntil = Long.MAX_VALUE;
            }
            long wakeUp = Math.min(deadline, quietUntil);
            socket.setSoTimeout(wakeUp == Long.MAX_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE,
                    Math.max(1, wakeUp - now)));
            try {
                readOnce();
                return true;
            } catch (SocketTimeoutException e) {
                // Go round: the clock decides whether a deadline passed or the connection just went quiet.
            }
        }
    }

    private void readOnce() throws IOException {
        if (buffer == null) {
            buffer = new byte[READ_BUFFER_SIZE];
        }
        int n = in.read(buffer);
        if (n < 0) {
            inputEnded = true;
            connection.receiveEndOfInput();
        } else {
            connection.receive(buffer, 0, n);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!connection.hasOutput()) {
            return;
        }
        if (writeTimeoutMillis > 0) {
            writeDeadline = now() + writeTimeoutMillis;
        }
        try {
            connection.writeOutputTo(out);
        } finally {
            writeDeadline = Long.MAX_VALUE;
        }
    }

    /** True when a write has been blocked past the write timeout (the peer takes no output). */
    boolean writeStalled(long nowMillis) {
        return nowMillis >= writeDeadline;
    }

    /**
     * Graceful shutdown, first step, from another thread: no new request starts, and a response in
     * progress says {@code Connection: close}.
     */
    void markShutdown() {
        shutdownAsked = true;
        connection.shutdown();
    }

    /** Graceful shutdown, second step, once every connection is marked: one waiting for its next request closes now. */
    void closeIfWaitingForRequest() {
        if (waitingForRequest) {
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
