package dev.barehttp.transport.nio;

import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ServerConnection;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * One connection, owned by one {@link EventLoop} for its whole life. Its codec is driven by one
 * thread at a time: the selector thread, or a handler thread the connection is lent to.
 *
 * <pre>
 *             dispatch(head)                     awaitInput / flush (handler parks)
 *   LOOP ───────────────────────▶ HANDLER ─────────────────────────▶ AWAIT_INPUT / AWAIT_WRITE
 *    ▲  ◀─────────────────────────  │  ◀──────────────────────────────    (selector reads or writes,
 *    │        handBack()            │      bytes fed / output written      then resumes the handler)
 *    │ final response               │
 *    ▼                              ▼
 *  LINGER ─── peer EOF, timeout ──▶ CLOSED ◀── socket error, timeout, forced shutdown (any state)
 * </pre>
 *
 * Only the selector thread changes interest ops, arms deadlines and closes; a handler thread hands
 * the connection back through the loop's task queue, so the two never run the codec at once.
 */
final class NioConnection {
    static final int LOOP = 0;
    static final int HANDLER = 1;
    static final int AWAIT_INPUT = 2;
    static final int AWAIT_WRITE = 3;
    static final int LINGER = 4;
    static final int CLOSED = 5;

    /** How long a connection stays idle before its codec buffers are released. */
    static final long TRIM_DELAY_MILLIS = 1_000;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(NioConnection.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    final SocketChannel channel;
    final Wire wire;
    final ServerConnection http;
    private final boolean admitted;
    private SelectionKey key;
    private boolean peerEnded;
    private boolean trimPending;
    private volatile int state;
    private volatile Thread waiter;
    private volatile String closeReason;
    volatile Thread handlerThread;
    /** Set by the selector thread when it stopped reading because the peer sent while a handler ran. */
    private volatile boolean readDeferred;

    /** Deadline wheel links, touched by the selector thread only. */
    long deadline = Long.MAX_VALUE;
    NioConnection wheelPrev;
    NioConnection wheelNext;

    NioConnection(EventLoop loop, SocketChannel channel, ServerConnection http, boolean admitted) {
        this.loop = loop;
        this.channel = channel;
        this.wire = new PlainWire(channel);
        this.http = http;
        this.admitted = admitted;
    }

    boolean admitted() {
        return admitted;
    }

    int state() {
        return state;
    }

    /** Selector thread: registers the channel; a connection over the limit is answered 503 at once. */
    void start() throws IOException {
        key = channel.register(loop.selector, SelectionKey.OP_READ, this);
        if (!admitted) {
            http.respondToError(HttpProtocolException.serviceUnavailable("the server has too many open connections"));
        }
        settle();
    }

    // ---------------------------------------------------------------- selector thread

    /** Selector thread: the socket is readable or writable. */
    void onReady(int readyOps) {
        try {
            if ((readyOps & SelectionKey.OP_WRITE) != 0) {
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
        int s = state;
        if (s == LINGER) {
            discardInput();
            return;
        }
        if (s != LOOP && s != AWAIT_INPUT) {
            // Read interest stays on while a handler runs, so that a plain request-response costs no
            // interest change at all; only a peer that sends meanwhile (pipelining, an early next
            // request) makes the loop stop reading until the handler hands the connection back.
            readDeferred = true;
            interest(0);
            return;
        }
        int n = readIntoCodec();
        if (n == 0) {
            return;
        }
        if (s == LOOP) {
            serve();
        } else {
            loop.wheel.cancel(this);
            resume(AWAIT_INPUT);
        }
    }

    /** Reads once through the loop's shared buffer into the codec (the one copy it keeps). */
    private int readIntoCodec() throws IOException {
        ByteBuffer buffer = loop.readBuffer;
        buffer.clear();
        int n = wire.read(buffer);
        if (n > 0) {
            buffer.flip();
            http.receive(buffer);
        } else if (n < 0) {
            peerEnded = true;
            http.receiveEndOfInput();
        }
        return n;
    }

    /** Answers every complete request buffered, then writes all their responses at once. */
    private void serve() throws IOException {
        while (true) {
            HttpEvent e;
            try {
                e = http.nextEvent();
            } catch (HttpProtocolException error) {
                http.respondToError(error);
                break;
            }
            if (!(e instanceof RequestHead)) {
                break;
            }
            RequestHead head = (RequestHead) e;
            if (loop.options.handlersOnLoop() && http.requestReceivedWhole()) {
                loop.runOnLoop(this, head);
            } else {
                dispatch(head);
                return;
            }
        }
        settle();
    }

    private void dispatch(RequestHead head) {
        state = HANDLER;
        loop.wheel.cancel(this);
        loop.server.handlers.execute(new HandlerRun(this, head, loop.server.handler));
    }

    /**
     * Selector thread, owning the codec: write what is pending, then close, linger, or wait for the
     * next request with the codec's deadline armed.
     */
    void settle() throws IOException {
        if (http.hasOutput()) {
            writeOutput();
            if (http.hasOutput()) {
                interest(SelectionKey.OP_WRITE);
                loop.wheel.schedule(this, writeDeadline());
                return;
            }
        }
        if (http.isClosed()) {
            finish();
            return;
        }
        if (loop.shuttingDown() && http.shutdown()) {
            close("the server is shutting down");
            return;
        }
        interest(SelectionKey.OP_READ);
        long deadline = http.nextDeadline();
        if (http.isIdle()) {
            // Buffers are released only if the connection stays idle a while: a busy keep-alive
            // connection would otherwise allocate them afresh for every request.
            trimPending = true;
            deadline = Math.min(deadline, loop.now() + TRIM_DELAY_MILLIS);
        }
        loop.wheel.schedule(this, deadline);
    }

    /** The codec is done: end our side, then discard input until the peer closes or the linger time passes. */
    private void finish() throws IOException {
        if (peerEnded || loop.options.lingerMillis() == 0) {
            close(null);
            return;
        }
        wire.shutdownOutput();
        state = LINGER;
        interest(SelectionKey.OP_READ);
        loop.wheel.schedule(this, loop.now() + loop.options.lingerMillis());
    }

    private void discardInput() throws IOException {
        ByteBuffer buffer = loop.readBuffer;
        for (int i = 0; i < 4; i++) {
            buffer.clear();
            int n = wire.read(buffer);
            if (n < 0) {
                close(null);
                return;
            }
            if (n == 0) {
                return;
            }
        }
    }

    private void onWritable() throws IOException {
        int s = state;
        if (s != LOOP && s != AWAIT_WRITE) {
            return;
        }
        int written = writeOutput();
        if (http.hasOutput()) {
            if (written > 0) {
                loop.wheel.schedule(this, writeDeadline());
            }
        } else if (s == LOOP) {
            settle();
        } else {
            interest(0);
            loop.wheel.cancel(this);
            resume(AWAIT_WRITE);
        }
    }

    /** Writes as much pending output as the socket takes now, straight from the codec's buffer. */
    int writeOutput() throws IOException {
        int total = 0;
        while (http.hasOutput()) {
            int n = wire.write(http.peekOutput());
            if (n <= 0) {
                break;
            }
            http.consumeOutput(n);
            total += n;
        }
        return total;
    }

    private long writeDeadline() {
        long millis = http.config().writeTimeoutMillis();
        return millis <= 0 ? Long.MAX_VALUE : loop.now() + millis;
    }

    /** Selector thread: the armed deadline passed. */
    void onDeadline(long now) {
        try {
            switch (state) {
                case LOOP -> {
                    trimIfStillIdle();
                    if (http.hasOutput()) {
                        close("the peer accepted no output in time");
                    } else if (http.expire(now)) {
                        if (http.hasOutput()) {
                            settle();
                        } else {
                            close(null);
                        }
                    } else {
                        loop.wheel.schedule(this, http.nextDeadline());
                    }
                }
                case AWAIT_INPUT -> {
                    if (http.expire(now)) {
                        failHandlerAfterTimeout();
                    } else {
                        loop.wheel.schedule(this, http.nextDeadline());
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

    private void trimIfStillIdle() {
        if (trimPending) {
            trimPending = false;
            if (http.isIdle()) {
                http.trimBuffers();
            }
        }
    }

    /**
     * The body stalled while a handler waited for it: send the codec's 408, wake the handler with an
     * error, and linger so that the unread upload does not turn the close into a reset.
     */
    private void failHandlerAfterTimeout() throws IOException {
        writeOutput();
        closeReason = "the request body stalled";
        if (STATE.compareAndSet(this, AWAIT_INPUT, LINGER)) {
            LockSupport.unpark(waiter);
            finish();
        }
    }

    /** Selector thread: a handler thread changed the state and asked the loop to act on it. */
    void onPosted() {
        try {
            switch (state) {
                case LOOP -> {
                    // settle() turns reading back on; a stale true would only cost a spare wakeup.
                    readDeferred = false;
                    settle();
                }
                case AWAIT_INPUT -> {
                    interest(SelectionKey.OP_READ);
                    loop.wheel.schedule(this, http.nextDeadline());
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

    /** Selector thread, at shutdown: raise the codec's flag so that the response in progress says close. */
    void markShutdown() {
        int s = state;
        if (s != LINGER && s != CLOSED) {
            // While a handler runs, this only raises the codec's shutdown flag, which its next
            // response head reads; nothing else of the codec is changed from this thread.
            http.shutdown();
        }
    }

    /**
     * Selector thread, at shutdown, once every loop has run {@link #markShutdown}: an idle connection
     * closes at once.
     */
    void onShutdown() {
        if (state != LOOP) {
            // A handler's connection was marked already and closes once its response is out.
            return;
        }
        if (http.shutdown() && !http.hasOutput()) {
            close("the server is shutting down");
        }
    }

    private void interest(int ops) {
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Any thread may call this only through the selector thread; closes the socket once. */
    void close(String reason) {
        closeReason = reason == null ? "the connection is closed" : reason;
        int previous = (int) STATE.getAndSet(this, CLOSED);
        if (previous == CLOSED) {
            return;
        }
        loop.wheel.cancel(this);
        if (key != null) {
            key.cancel();
        }
        try {
            wire.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
        loop.connectionClosed(this);
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    private void resume(int from) {
        if (STATE.compareAndSet(this, from, HANDLER)) {
            LockSupport.unpark(waiter);
        }
    }

    // ---------------------------------------------------------------- handler thread

    /** Handler thread: lends the codec to the selector thread until it fed input or wrote output. */
    void handOff(int waitState) throws IOException {
        waiter = Thread.currentThread();
        if (!STATE.compareAndSet(this, HANDLER, waitState)) {
            throw closed();
        }
        loop.post(this);
        boolean interrupted = false;
        while (state == waitState) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        waiter = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (state != HANDLER) {
            throw closed();
        }
    }

    /** Handler thread: a direct write attempt, so most responses leave without waking the selector. */
    void writeFromHandler() throws IOException {
        if (state != HANDLER) {
            throw closed();
        }
        writeOutput();
    }

    /**
     * Handler thread: returns the codec to the selector thread. When the answers are written, the
     * connection stays open and the loop still reads from it, the loop has nothing urgent to do
     * (re-arm the idle deadline), so it is told without a wakeup system call: it sees the task
     * at its next turn, at the latest one wheel tick or {@link EventLoop#LAZY_POLL_MILLIS} later.
     * The flag is read after the task is queued, so a loop that stops reading meanwhile either
     * finds the task before it sleeps or is woken here.
     */
    void handBack() {
        boolean urgent = http.hasOutput() || http.isClosed() || loop.shuttingDown();
        if (!STATE.compareAndSet(this, HANDLER, LOOP)) {
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

    InetSocketAddress remoteAddress() throws IOException {
        return (InetSocketAddress) channel.getRemoteAddress();
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public String toString() {
        return "NioConnection[state=" + state + ", " + http + "]";
    }
}
