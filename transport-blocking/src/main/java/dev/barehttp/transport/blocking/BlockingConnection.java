package dev.barehttp.transport.blocking;

import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionDriver;
import dev.barehttp.spi.ConnectionDriver.Action;
import dev.barehttp.spi.ConnectionIO;
import dev.barehttp.spi.ServerSettings;
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
 *       READ     read once; the watchdog reports the driver's       --> onInput / onEndOfInput / onDeadline
 *                deadline meanwhile and ends the read if it must
 *       WRITE    write a slice of the output (short output joined in one write)
 *                (a watchdog enforces the write inactivity timeout) --> onOutputWritten
 *       DISPATCH run the handlers on this thread                   --> afterDispatch
 *       LINGER   shut down output, discard input until EOF or the deadline, close
 *       CLOSE    close
 * </pre>
 *
 * Over TLS the thread layers an {@link SSLSocket} over the accepted socket itself and runs the handshake
 * (the acceptor only accepts), reading through a {@link TlsRecordWatch} that bounds the handshake by the
 * head timeout and refuses any later one.
 *
 * <h2>Reads without a timer</h2>
 * A plain TCP read has no socket timeout: a timed read on a virtual thread arms and cancels a JDK timer
 * each time it waits, which is most reads of a keep-alive connection. Instead the thread publishes the
 * driver's deadline in {@link #watchedRead} before it blocks, and claims it back when the read returns.
 * When the deadline passes first, the {@link Watchdog} claims it instead: while the thread waits in the
 * read (it touches no driver state there), the watchdog reports the deadline to the driver, as a timer
 * would. If the driver still wants input (a buffer trim, a deadline that moved on) the watchdog publishes
 * the next deadline and the read goes on; otherwise it marks the read ended and shuts the socket's input
 * down, which makes the read return, and the thread carries out the driver's decision (a 408 to write, a
 * close). Bytes that such a read returns arrived after the deadline was applied, and are dropped, as a
 * timed read that timed out would never have read them. A read that returns first keeps its bytes: the
 * watchdog's claim then fails. The cost of ending a read this way is that input is gone: a linger that
 * follows (after a 408) discards nothing and closes at once.
 *
 * <pre>
 *   thread:   NOT_READING --publish deadline--> deadline --read returns, claim--> NOT_READING
 *   watchdog:             deadline passed --claim--> BORROWED --driver wants input--> next deadline
 *                                                       |
 *                                                       +--driver is done reading--> ENDED, input shut down
 *   thread:   ENDED --> NOT_READING, carry on with the driver's action (the read's bytes are dropped)
 * </pre>
 *
 * Over TLS reads keep a socket timeout: shutting the TCP input down under an {@link SSLSocket} ends the
 * TLS session on its side (an unexpected end of input is a fatal TLS error), so the 408 could no longer
 * be written.
 *
 * <p>The socket is touched by this connection's thread alone, except that {@link #closeIfIdle()} and
 * {@link #forceClose()} may close it from another, and the watchdog may shut its input down. A forced
 * close closes the TCP socket under the TLS one: {@code SSLSocket.close()} first sends close_notify under
 * the lock that a write blocked on a peer that reads nothing holds, so it would wait for that write;
 * closing the TCP socket fails the write.
 */
final class BlockingConnection implements Runnable, ConnectionIO {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final int READ_BUFFER_SIZE = 16 * 1024;
    /** Writes go out in slices, so that the write timeout measures inactivity and JDK buffers stay small. */
    private static final int WRITE_SLICE = 64 * 1024;
    /**
     * Output up to this long goes out in one write, its segments joined in the codec's own output
     * buffer (a head and a short body); longer output is written segment by segment, each from its own
     * array, so a large body written by reference is never copied.
     */
    private static final int JOIN_BELOW = 16 * 1024;
    /** The chunk a segment without an accessible array (a direct buffer) is copied through. */
    private static final int COPY_CHUNK = 8 * 1024;
    /** How many segments of the codec's output one slice takes at most. */
    private static final int SEGMENTS = 16;

    private final BlockingServer server;
    /** The accepted TCP socket. */
    private final Socket raw;
    /** {@link #raw}, or the TLS socket layered over it once this connection's thread has made it. */
    private volatile Socket socket;
    private final ServerSettings settings;
    private final boolean admitted;
    private volatile ConnectionDriver driver;
    private ServerConnection http;
    private byte[] buffer;
    private InputStream in;
    private OutputStream out;
    private final ByteBuffer[] segments = new ByteBuffer[SEGMENTS];
    /** Whether reads are watched (plain TCP) rather than timed by the socket (TLS); see the class comment. */
    private final boolean watched;

    private volatile boolean idle;
    /** The read timeout last set on the socket, so that it is set only when it must change. */
    private int soTimeout = -1;
    private volatile long writeDeadline = Long.MAX_VALUE;

    /**
     * The deadline of the read this connection's thread is in (a time on the codec's clock), or one of
     * {@link #NOT_READING}, {@link #BORROWED}, {@link #ENDED}: see the class comment. Changed only by
     * compare-and-set, except by the side that holds the claim.
     */
    private volatile long watchedRead = NOT_READING;
    /** No watched read in progress, or one without a deadline: the watchdog leaves it alone. */
    private static final long NOT_READING = Long.MAX_VALUE;
    /** The watchdog reports the passed deadline to the driver; the thread waits before it claims the read. */
    private static final long BORROWED = Long.MIN_VALUE;
    /** The watchdog ended the read: the driver wants no more input. */
    private static final long ENDED = Long.MIN_VALUE + 1;
    private static final java.lang.invoke.VarHandle WATCHED_READ;
    /** What the watched read in progress is for, so that the watchdog reports its deadline to the right method. */
    private Purpose purpose = Purpose.REQUEST;

    /** What a read is for: each reports a passed deadline to its own driver method. */
    private enum Purpose { REQUEST, BODY, LINGER }

    /** {@link #receive} answers: the socket timed out (timed reads only); the watchdog ended the read. */
    private static final int TIMED_OUT = -2;
    private static final int READ_ENDED = -3;

    static {
        try {
            WATCHED_READ = java.lang.invoke.MethodHandles.lookup()
                    .findVarHandle(BlockingConnection.class, "watchedRead", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    BlockingConnection(BlockingServer server, Socket raw, ServerSettings settings, boolean admitted) {
        this.server = server;
        this.raw = raw;
        this.socket = raw;
        this.settings = settings;
        this.admitted = admitted;
        this.watched = settings.tls() == null;
    }

    /** Serves the connection until it ends, then closes the socket whatever happened. */
    @Override
    public void run() {
        try {
            if (settings.tls() != null) {
                socket = handshake();
            }
            driver = ConnectionDriver.create(settings, server.driverSettings,
                    (InetSocketAddress) raw.getRemoteSocketAddress(), (InetSocketAddress) raw.getLocalSocketAddress());
            http = driver.connection();
            // Read after the driver is published: either this thread sees the shutdown, or the closer sees the driver.
            if (server.shuttingDown()) {
                driver.markShutdown();
            }
            in = socket.getInputStream();
            out = socket.getOutputStream();
            serve(driver.start(admitted));
        } catch (IOException e) {
            // The peer left, a deadline passed, or the server closed the socket: nobody to answer.
        } catch (RuntimeException | Error e) {
            server.logFailure("connection from " + raw.getRemoteSocketAddress() + " failed", e);
        } finally {
            closeSocket();
            server.connectionEnded(this, admitted, (InetSocketAddress) raw.getRemoteSocketAddress());
        }
    }

    /**
     * Layers TLS over the accepted socket and runs the handshake, on this thread. The handshake counts
     * against the head timeout in total: a client that never finishes it is dropped on time.
     */
    private SSLSocket handshake() throws IOException {
        TlsRecordWatch tlsWatch = new TlsRecordWatch(raw, settings.config().headTimeoutMillis());
        SSLSocket tls = (SSLSocket) settings.tls().getSocketFactory().createSocket(raw, tlsWatch, true);
        tls.setSSLParameters(server.tlsParameters());
        tls.startHandshake();
        tlsWatch.handshakeDone();
        return tls;
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
            if (idle && server.everyConnectionMarked()) {
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
            if (buffer == null) {
                buffer = new byte[READ_BUFFER_SIZE];
            }
            int n = receive(buffer, deadline, now, Purpose.REQUEST);
            return switch (n) {
                case TIMED_OUT -> driver.onDeadline(now());
                case READ_ENDED -> driver.action();
                case -1 -> driver.onEndOfInput();
                default -> driver.onInput(buffer, 0, n);
            };
        } finally {
            idle = false;
        }
    }

    private Action write() throws IOException {
        return driver.onOutputWritten(writeSlice(driver.deadline()));
    }

    /**
     * Writes one slice (at most {@link #WRITE_SLICE} bytes) of the codec's output, with the watchdog
     * armed for {@code deadline}; returns the count. Short output goes out in one write (joined by the
     * codec), longer output segment by segment.
     */
    private int writeSlice(long deadline) throws IOException {
        int n = 0;
        writeDeadline = deadline;
        int count = 0;
        try {
            if (http.pendingOutput() < JOIN_BELOW) {
                n = writeSegment(http.peekOutput(), WRITE_SLICE);
            } else {
                count = http.gatherOutput(segments);
                for (int i = 0; i < count && n < WRITE_SLICE; i++) {
                    n += writeSegment(segments[i], WRITE_SLICE - n);
                }
            }
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
        byte[] chunk = new byte[Math.min(n, COPY_CHUNK)];
        for (int done = 0; done < n; done += chunk.length) {
            int len = Math.min(chunk.length, n - done);
            segment.get(segment.position() + done, chunk, 0, len);
            out.write(chunk, 0, len);
        }
        return n;
    }

    /** Ends our side, then reads and drops what the peer still sends, until it closes or the deadline. */
    private void linger() throws IOException {
        // Over TLS this sends close_notify first (RFC 8446 section 6.1), then ends the TCP output.
        socket.shutdownOutput();
        byte[] sink = buffer != null ? buffer : new byte[4096];
        while (true) {
            long now = now();
            long deadline = driver.deadline();
            if (now >= deadline) {
                return;
            }
            int n = receive(sink, deadline, now, Purpose.LINGER);
            if (n == -1 || n == READ_ENDED) {
                return;
            }
            // Else go round (bytes dropped, or a timeout): the clock decides whether the linger time is over.
        }
    }

    /**
     * Reads once into {@code into} with {@code deadline} enforced: the bytes read, -1 at the end of
     * input, {@link #TIMED_OUT} when a socket timeout passed (TLS; report it and go round), or
     * {@link #READ_ENDED} when the watchdog reported the passed deadline and the driver wants no more
     * input (plain TCP; its decision stands, carry it out).
     */
    private int receive(byte[] into, long deadline, long now, Purpose why) throws IOException {
        if (!watched) {
            readTimeout(timeoutUntil(deadline, now));
            try {
                return in.read(into);
            } catch (SocketTimeoutException e) {
                return TIMED_OUT;
            }
        }
        purpose = why;
        watchedRead = deadline;
        int n;
        try {
            n = in.read(into);
        } catch (IOException e) {
            if (claimRead()) {
                throw e;
            }
            return READ_ENDED;
        }
        return claimRead() ? n : READ_ENDED;
    }

    /**
     * After a watched read returned: takes the read back from the watchdog, waiting while it reports the
     * deadline to the driver. False when the watchdog ended the read.
     */
    private boolean claimRead() {
        while (true) {
            long state = watchedRead;
            if (state == ENDED) {
                watchedRead = NOT_READING;
                return false;
            }
            if (state != BORROWED && WATCHED_READ.compareAndSet(this, state, NOT_READING)) {
                return true;
            }
            // The watchdog is inside the driver for a few microseconds: let it finish.
            Thread.yield();
        }
    }

    /**
     * Sets the socket's read timeout to about {@code millis} (0: none). A timeout already set that is
     * not longer, and at most an eighth shorter, is kept: waking a little early only costs one more turn
     * (the driver ignores an early deadline), and most reads of a busy connection then set nothing.
     */
    private void readTimeout(int millis) throws IOException {
        int current = soTimeout;
        boolean close = millis == 0 ? current == 0
                : current > 0 && current <= millis && current >= millis - Math.max(10, millis / 8);
        if (!close) {
            socket.setSoTimeout(millis);
            soTimeout = millis;
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
            long deadline = driver.deadline();
            if (now >= deadline && driver.bodyTimedOut(now)) {
                flush();
                throw new SocketTimeoutException("the request body stalled past its deadline");
            }
            if (buffer == null) {
                buffer = new byte[READ_BUFFER_SIZE];
            }
            int n = receive(buffer, deadline, now, Purpose.BODY);
            if (n == READ_ENDED) {
                flush();
                throw new SocketTimeoutException("the request body stalled past its deadline");
            }
            if (n == -1) {
                http.receiveEndOfInput();
                return;
            }
            if (n >= 0) {
                http.receive(buffer, 0, n);
                return;
            }
            // Timed out: go round, the clock decides whether the deadline passed.
        }
    }

    @Override
    public void flush() throws IOException {
        long timeout = settings.config().writeTimeoutMillis();
        while (http.hasOutput()) {
            http.consumeOutput(writeSlice(timeout > 0 ? now() + timeout : Long.MAX_VALUE));
        }
    }

    // ---------------------------------------------------------------- other threads

    /** True when a write has been blocked past the write timeout (the peer takes no output). */
    boolean writeStalled(long nowMillis) {
        return nowMillis >= writeDeadline;
    }

    /**
     * Watchdog thread: when this connection's thread is blocked in a watched read whose deadline has
     * passed, reports the deadline to the driver on its behalf, then lets the read go on or ends it (see
     * the class comment). Never throws.
     */
    void readDeadlinePassed(long nowMillis) {
        long deadline = watchedRead;
        if (deadline == NOT_READING || deadline == BORROWED || deadline == ENDED || nowMillis < deadline
                || !WATCHED_READ.compareAndSet(this, deadline, BORROWED)) {
            return;
        }
        long next;
        try {
            next = reportDeadline(nowMillis);
        } catch (RuntimeException | Error e) {
            server.logFailure("the deadline of a connection from " + raw.getRemoteSocketAddress() + " failed", e);
            watchedRead = ENDED;
            forceClose();
            return;
        }
        if (next != ENDED) {
            watchedRead = next;
            return;
        }
        watchedRead = ENDED;
        try {
            raw.shutdownInput();
        } catch (IOException e) {
            // Closed meanwhile: the read has failed out already.
        }
    }

    /** Reports the passed deadline to the driver: the next deadline while it still wants input, else {@link #ENDED}. */
    private long reportDeadline(long now) {
        boolean reading = switch (purpose) {
            case REQUEST -> driver.onDeadline(now) == Action.READ;
            case LINGER -> driver.onDeadline(now) == Action.LINGER;
            case BODY -> !driver.bodyTimedOut(now);
        };
        if (!reading) {
            return ENDED;
        }
        long next = driver.deadline();
        // Not a marker: a deadline at the very bottom of the clock is passed anyway.
        return next <= ENDED ? ENDED + 1 : next;
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

    /**
     * Closes the socket from another thread; the connection's thread then fails out of its read or
     * write. Over TLS the TCP socket is closed, never waiting for a write in progress (see the class comment).
     */
    void forceClose() {
        try {
            raw.close();
        } catch (IOException e) {
            // Already gone.
        }
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
