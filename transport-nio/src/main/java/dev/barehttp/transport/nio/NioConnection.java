package dev.barehttp.transport.nio;

import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionDriver;
import dev.barehttp.spi.ConnectionDriver.Action;
import dev.barehttp.spi.TlsSettings;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;

/**
 * One connection, owned by one {@link EventLoop} for its whole life, doing what its
 * {@link ConnectionDriver} says. The driver and its codec are used by one thread at a time: the
 * selector thread, or the handler thread the connection is lent to for a DISPATCH.
 *
 * <pre>
 *   SETUP (TLS handshake) ── done ──▶ LOOP;  peer EOF, handshake failure, deadline ──▶ CLOSED
 *
 *             DISPATCH                           awaitInput / flush (the handler parks)
 *   LOOP ───────────────────────▶ HANDLER ─────────────────────────▶ AWAIT_INPUT / AWAIT_WRITE
 *    ▲  ◀─────────────────────────  │  ◀──────────────────────────────    (the selector reads or writes,
 *    │        handBack()            │      bytes fed / output written      then resumes the handler)
 *    │ LINGER                       │
 *    ▼                              ▼
 *  LINGER ─── peer EOF, deadline ──▶ CLOSED ◀── socket error, deadline, forced shutdown (any state)
 * </pre>
 *
 * A TLS connection starts in SETUP: the selector thread reads for the handshake (no read interest
 * while a handshake task runs elsewhere), with the head timeout armed; then the driver starts (LOOP).
 * In LOOP the connection carries out the driver's action: READ (read interest, the driver's
 * deadline armed), WRITE (write what the socket takes, write interest for the rest), DISPATCH (a
 * handler thread, or this thread when {@link ConnectionDriver#dispatchNonBlocking()} says the request
 * and its handler never block), LINGER and CLOSE. Only the selector thread changes interest ops, arms deadlines
 * and closes; a handler thread hands the connection back through the loop's task queue. On virtual
 * threads the handler thread of a DISPATCH stays parked for the connection's next one ({@link HandlerRun}
 * kept), until the connection closes or trims its idle buffers.
 */
final class NioConnection {
    /** Who holds the connection's driver now. */
    enum Holder { SETUP, LOOP, HANDLER, AWAIT_INPUT, AWAIT_WRITE, LINGER, CLOSED }

    /**
     * The array a gathering write fills from the codec: per thread, since the selector thread and handler
     * threads write, and its slots only point at the connection's own buffers for the length of a write.
     */
    private static final ThreadLocal<ByteBuffer[]> SEGMENTS = ThreadLocal.withInitial(() -> new ByteBuffer[16]);
    private static final VarHandle HOLDER;

    static {
        try {
            HOLDER = MethodHandles.lookup().findVarHandle(NioConnection.class, "holder", Holder.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    final SocketChannel channel;
    /** {@link PlainWire#INSTANCE}, shared by all plain connections, or this connection's {@link TlsWire}. */
    final Wire wire;
    final ConnectionDriver driver;
    /** False for a TLS connection over the limit, which its driver answers 503 once the handshake is done. */
    final boolean admitted;
    private SelectionKey key;
    private volatile Holder holder = Holder.LOOP;
    private volatile Thread waiter;
    private volatile String closeReason;
    volatile Thread handlerThread;
    /** Set by a handler thread that handed the connection back; the loop then asks the driver what next. */
    private volatile boolean handedBack;
    /** Set by the selector thread when it stopped reading because the peer sent while a handler ran. */
    private volatile boolean readDeferred;
    /** The handler thread kept parked between this connection's dispatches (virtual threads), or null; selector thread only. */
    private HandlerRun keeper;

    /** Deadline wheel links, touched by the selector thread only. */
    long deadline = Long.MAX_VALUE;
    NioConnection wheelPrev;
    NioConnection wheelNext;

    NioConnection(EventLoop loop, SocketChannel channel, ConnectionDriver driver) {
        this(loop, channel, driver, null, true);
    }

    /** A connection over TLS with {@code tls}, or plain TCP when it is null. */
    NioConnection(EventLoop loop, SocketChannel channel, ConnectionDriver driver, SSLContext tls, boolean admitted) {
        this.loop = loop;
        this.admitted = admitted;
        this.channel = channel;
        this.wire = tls == null ? PlainWire.INSTANCE : new TlsWire(TlsSettings.serverEngine(tls),
                loop.server.handlers::execute, () -> loop.post((Runnable) this::onWireReady), handshakeDeadline());
        this.driver = driver;
    }

    /** The codec, reached through the driver rather than held twice. */
    ServerConnection http() {
        return driver.connection();
    }

    /** The handshake counts against the head timeout, as the first request's head would. */
    private long handshakeDeadline() {
        long millis = loop.server.config.headTimeoutMillis();
        return millis <= 0 ? Long.MAX_VALUE : loop.now() + millis;
    }

    Holder holder() {
        return holder;
    }

    /**
     * Selector thread: registers the channel and starts the driver, at once or, over TLS, once the
     * handshake is done (SETUP until then, with the handshake's deadline armed).
     */
    void start() throws IOException {
        key = channel.register(loop.selector, SelectionKey.OP_READ, this);
        if (wire.isSetUp()) {
            carryOut(driver.start(admitted));
            return;
        }
        holder = Holder.SETUP;
        loop.wheel.schedule(this, wire.setupDeadline());
    }

    /** Selector thread, in SETUP: lets the wire go on with its handshake; once done, the driver starts. */
    private void setUp() throws IOException {
        ByteBuffer buffer = loop.readBuffer;
        buffer.clear();
        int n = wire.read(channel, buffer);
        if (n < 0) {
            close("the peer left during the TLS handshake");
            return;
        }
        if (!wire.isSetUp()) {
            interest(wire.inputHeld() ? 0 : SelectionKey.OP_READ);
            return;
        }
        loop.wheel.cancel(this);
        holder = Holder.LOOP;
        Action next = driver.start(admitted);
        if (n > 0 && next == Action.READ) {
            buffer.flip();
            next = driver.onInput(buffer);
        }
        carryOut(next);
    }

    // ---------------------------------------------------------------- selector thread

    /** Selector thread: the socket is readable or writable. */
    void onReady(int readyOps) {
        try {
            takeBack();
            if ((readyOps & SelectionKey.OP_WRITE) != 0 && key.isValid()) {
                onWritable();
            }
            if ((readyOps & SelectionKey.OP_READ) != 0 && key.isValid()
                    && (key.interestOps() & SelectionKey.OP_READ) != 0) {
                onReadable();
            }
        } catch (IOException | RuntimeException e) {
            close(e.toString());
        }
    }

    private void onReadable() throws IOException {
        Holder h = holder;
        if (h == Holder.SETUP) {
            setUp();
            return;
        }
        if (h == Holder.LINGER) {
            discardInput();
            return;
        }
        if (h == Holder.LOOP && driver.action() == Action.READ) {
            carryOut(readIntoDriver());
            return;
        }
        if (h == Holder.AWAIT_INPUT) {
            if (readIntoCodec() != 0) {
                loop.wheel.cancel(this);
                interest(0);
                resume(Holder.AWAIT_INPUT);
            }
            return;
        }
        // A handler runs: read interest stayed on so that a plain request-response costs no interest
        // change; a peer that sends meanwhile makes the loop stop reading until the connection is back.
        readDeferred = true;
        interest(0);
    }

    /** Reads once through the loop's shared buffer and tells the driver. */
    private Action readIntoDriver() throws IOException {
        ByteBuffer buffer = loop.readBuffer;
        buffer.clear();
        int n = wire.read(channel, buffer);
        if (n > 0) {
            buffer.flip();
            return driver.onInput(buffer);
        }
        return n < 0 ? driver.onEndOfInput() : Action.READ;
    }

    /** For a parked handler: reads once straight into the codec. */
    private int readIntoCodec() throws IOException {
        ByteBuffer buffer = loop.readBuffer;
        buffer.clear();
        int n = wire.read(channel, buffer);
        if (n > 0) {
            buffer.flip();
            http().receive(buffer);
        } else if (n < 0) {
            http().receiveEndOfInput();
        }
        return n;
    }

    private void onWritable() throws IOException {
        Holder h = holder;
        if (h == Holder.LOOP && driver.action() == Action.WRITE) {
            carryOut(writeThroughDriver());
        } else if (h == Holder.AWAIT_WRITE) {
            if (writeOutput() > 0) {
                loop.wheel.schedule(this, writeDeadline());
            }
            if (!http().hasOutput()) {
                interest(0);
                loop.wheel.cancel(this);
                resume(Holder.AWAIT_WRITE);
            }
        }
    }

    /**
     * Selector thread: does what the driver says until it has to wait for the socket, a handler or a
     * deadline. The single place where the loop turns a driver action into I/O.
     */
    void carryOut(Action first) throws IOException {
        Action action = first;
        while (true) {
            switch (action) {
                case READ -> {
                    interest(SelectionKey.OP_READ);
                    loop.wheel.schedule(this, driver.deadline());
                    return;
                }
                case WRITE -> {
                    Action next = writeThroughDriver();
                    if (next == Action.WRITE) {
                        interest(SelectionKey.OP_WRITE);
                        loop.wheel.schedule(this, driver.deadline());
                        return;
                    }
                    action = next;
                }
                case DISPATCH -> {
                    if (driver.dispatchNonBlocking()) {
                        action = runOnLoop();
                    } else {
                        dispatch();
                        return;
                    }
                }
                case LINGER -> {
                    linger();
                    return;
                }
                default -> {
                    close(null);
                    return;
                }
            }
        }
    }

    /** Writes what the socket takes now, one gathering write at a time, and tells the driver. */
    private Action writeThroughDriver() throws IOException {
        ByteBuffer[] segments = SEGMENTS.get();
        while (true) {
            int n = writeSegments(segments, driver.output(segments));
            Action next = driver.onOutputWritten(Math.max(0, n));
            if (n <= 0 || next != Action.WRITE) {
                return next;
            }
        }
    }

    /**
     * Lends the connection to a handler thread: the one kept parked for it since its last dispatch when
     * there is one (no thread start), else a new one, kept on virtual threads (one parked virtual thread
     * per busy connection costs little; a platform pool reuses its threads anyway).
     */
    private void dispatch() {
        holder = Holder.HANDLER;
        loop.wheel.cancel(this);
        if (key.interestOps() == SelectionKey.OP_WRITE) {
            interest(0);
        }
        if (keeper != null && keeper.give()) {
            return;
        }
        HandlerRun run = new HandlerRun(this, loop.server.handlers.virtual());
        keeper = run.kept() ? run : null;
        loop.server.handlers.execute(run);
    }

    /** Selector thread: the kept handler thread, if any, ends. */
    private void releaseKeeper() {
        if (keeper != null) {
            keeper.release();
            keeper = null;
        }
    }

    /** The driver said the request and its handler never block: answers on this thread, with a ConnectionIO that never blocks. */
    private Action runOnLoop() {
        driver.dispatch(loop.loopIO(this));
        return driver.afterDispatch();
    }

    /** The driver is done: end our side, then discard input until the peer closes or the deadline. */
    private void linger() throws IOException {
        wire.shutdownOutput(channel);
        holder = Holder.LINGER;
        interest(SelectionKey.OP_READ);
        loop.wheel.schedule(this, driver.deadline());
    }

    private void discardInput() throws IOException {
        ByteBuffer buffer = loop.readBuffer;
        for (int i = 0; i < 4; i++) {
            buffer.clear();
            int n = wire.read(channel, buffer);
            if (n < 0) {
                close(null);
                return;
            }
            if (n == 0) {
                return;
            }
        }
    }

    /** Writes as much pending output as the socket takes now, straight from the codec's buffers. */
    int writeOutput() throws IOException {
        ServerConnection http = http();
        ByteBuffer[] segments = SEGMENTS.get();
        int total = 0;
        while (http.hasOutput()) {
            int n = writeSegments(segments, http.gatherOutput(segments));
            if (n <= 0) {
                break;
            }
            http.consumeOutput(n);
            total += n;
        }
        return total;
    }

    /** Sends up to {@code count} bytes of {@code file} from {@code position} as the wire allows: see {@link Wire#transferFrom}. */
    long transferFrom(FileChannel file, long position, long count) throws IOException {
        return wire.transferFrom(channel, file, position, count);
    }

    /** One gathering write; the slots are cleared after it, so that no thread keeps a sent body alive. */
    private int writeSegments(ByteBuffer[] segments, int count) throws IOException {
        try {
            return (int) wire.write(channel, segments, count);
        } finally {
            java.util.Arrays.fill(segments, 0, count, null);
        }
    }

    private long writeDeadline() {
        long millis = http().config().writeTimeoutMillis();
        return millis <= 0 ? Long.MAX_VALUE : loop.now() + millis;
    }

    /** Selector thread: the armed deadline passed. */
    void onDeadline(long now) {
        try {
            takeBack();
            switch (holder) {
                case SETUP -> close("the TLS handshake did not finish in time");
                case LOOP -> {
                    carryOut(driver.onDeadline(now));
                    if (driver.buffersTrimmed()) {
                        releaseKeeper(); // idle long enough: its thread is not worth keeping either
                    }
                }
                case AWAIT_INPUT -> {
                    if (driver.bodyTimedOut(now)) {
                        failHandlerAfterTimeout();
                    } else {
                        loop.wheel.schedule(this, driver.deadline());
                    }
                }
                case AWAIT_WRITE -> close("the peer accepted no output in time");
                case LINGER -> close(null);
                default -> { }
            }
        } catch (IOException | RuntimeException e) {
            close(e.toString());
        }
    }

    /**
     * The body stalled while a handler waited for it: write the codec's 408, wake the handler with an
     * error, and linger so that the unread upload does not turn the close into a reset.
     */
    private void failHandlerAfterTimeout() throws IOException {
        writeOutput();
        closeReason = "the request body stalled";
        if (HOLDER.compareAndSet(this, Holder.AWAIT_INPUT, Holder.LINGER)) {
            LockSupport.unpark(waiter);
            linger();
        }
    }

    /** Selector thread: the wire can take input again (a TLS handshake task ran); go on with the handshake. */
    private void onWireReady() {
        try {
            if (holder == Holder.SETUP) {
                setUp();
            }
        } catch (IOException | RuntimeException e) {
            close(e.toString());
        }
    }

    /** Selector thread: a handler thread changed the holder and asked the loop to act on it. */
    void onPosted() {
        try {
            takeBack();
            switch (holder) {
                case AWAIT_INPUT -> {
                    interest(SelectionKey.OP_READ);
                    loop.wheel.schedule(this, driver.deadline());
                }
                case AWAIT_WRITE -> {
                    interest(SelectionKey.OP_WRITE);
                    loop.wheel.schedule(this, writeDeadline());
                }
                default -> { }
            }
        } catch (IOException | RuntimeException e) {
            close(e.toString());
        }
    }

    /** Selector thread: if a handler handed the connection back, ask the driver what comes next. */
    private void takeBack() throws IOException {
        if (handedBack && holder == Holder.LOOP) {
            handedBack = false;
            readDeferred = false;
            carryOut(driver.afterDispatch());
        }
    }

    /** Selector thread, at shutdown, once every connection is marked: an idle connection closes at once. */
    void onShutdown() {
        if (holder == Holder.SETUP) {
            close("the server is shutting down");
            return;
        }
        try {
            takeBack();
            if (holder == Holder.LOOP && driver.onShutdown() == Action.CLOSE) {
                close("the server is shutting down");
            }
        } catch (IOException | RuntimeException e) {
            close(e.toString());
        }
    }

    private void interest(int ops) {
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Selector thread only; closes the socket once. */
    void close(String reason) {
        closeReason = reason == null ? "the connection is closed" : reason;
        Holder previous = (Holder) HOLDER.getAndSet(this, Holder.CLOSED);
        if (previous == Holder.CLOSED) {
            return;
        }
        loop.wheel.cancel(this);
        releaseKeeper();
        if (key != null) {
            key.cancel();
        }
        try {
            wire.close(channel);
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
        loop.connectionClosed(this);
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    private void resume(Holder from) {
        if (HOLDER.compareAndSet(this, from, Holder.HANDLER)) {
            LockSupport.unpark(waiter);
        }
    }

    // ---------------------------------------------------------------- handler thread

    /** Handler thread: lends the codec to the selector thread until it fed input or wrote output. */
    void handOff(Holder waitFor) throws IOException {
        waiter = Thread.currentThread();
        if (!HOLDER.compareAndSet(this, Holder.HANDLER, waitFor)) {
            throw closed();
        }
        loop.post(this);
        boolean interrupted = false;
        while (holder == waitFor) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        waiter = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (holder != Holder.HANDLER) {
            throw closed();
        }
    }

    /** Handler thread: a direct write attempt, so most responses leave without waking the selector. */
    void writeFromHandler() throws IOException {
        if (holder != Holder.HANDLER) {
            throw closed();
        }
        writeOutput();
    }

    /**
     * Handler thread: returns the driver to the selector thread. When the answers are written, the
     * loop still reads from the connection and nothing else is urgent, the loop is told without a
     * wakeup system call: it takes the connection back on its next turn (a readable socket, a tick,
     * or at the latest {@link EventLoop#LAZY_POLL_MILLIS}). Otherwise it is woken now.
     */
    void handBack() {
        handedBack = true;
        ServerConnection http = http();
        boolean urgent = http.hasOutput() || http.isClosed() || readDeferred || loop.shuttingDown()
                || key.interestOps() != SelectionKey.OP_READ;
        if (!HOLDER.compareAndSet(this, Holder.HANDLER, Holder.LOOP)) {
            return;
        }
        if (urgent) {
            loop.post(this);
            return;
        }
        loop.postLazily(this);
        if (readDeferred) {
            loop.wake();
        }
    }

    private IOException closed() {
        String reason = closeReason;
        return new IOException(reason == null ? "the connection is closed" : reason);
    }

    @Override
    public String toString() {
        return "NioConnection[" + holder + ", " + driver + "]";
    }
}
