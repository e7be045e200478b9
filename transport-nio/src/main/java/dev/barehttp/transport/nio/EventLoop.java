package dev.barehttp.transport.nio;

import dev.barehttp.spi.ConnectionDriver;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread and the connections it owns. Other threads talk to it only through
 * {@link #post}: a task queue plus {@link Selector#wakeup()}, skipped when the loop is awake anyway.
 *
 * <pre>
 *   while (running) {
 *       select (until a socket is ready, a task is posted, or the next deadline tick);
 *       handle ready sockets; run posted tasks; fire due deadlines;
 *   }
 * </pre>
 */
final class EventLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final long SHUTDOWN_POLL_MILLIS = 20;
    /** The longest a loop with no deadline armed sleeps, so that tasks queued without a wakeup are seen. */
    static final long LAZY_POLL_MILLIS = 200;

    final NioServer server;
    final NioOptions options;
    final Selector selector;
    final ByteBuffer readBuffer;
    final DeadlineWheel wheel;
    private final LoopIO loopIO = new LoopIO();
    private final ConcurrentLinkedQueue<Object> posted = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final Thread thread;
    private int connections;
    private volatile boolean shuttingDown;
    private long graceDeadline;

    EventLoop(NioServer server, NioOptions options, int index) throws IOException {
        this.server = server;
        this.options = options;
        this.selector = Selector.open();
        // Direct, so reads land without the JDK's intermediate copy; one per loop, not per connection.
        this.readBuffer = ByteBuffer.allocateDirect(server.settings.tls() == null ? options.readBufferSize()
                : Math.max(options.readBufferSize(), TlsWire.MIN_READ_BUFFER));
        this.wheel = new DeadlineWheel(now());
        this.thread = new Thread(this, "barehttp-nio-selector-" + index);
    }

    void start() {
        thread.start();
    }

    void join() throws InterruptedException {
        thread.join();
    }

    /** The monotonic clock of the codec's default: milliseconds from {@code System.nanoTime()}. */
    long now() {
        return System.nanoTime() / 1_000_000;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    /** Any thread: queue a {@link NioConnection} to act on its state, or a {@link Runnable}. */
    void post(Object task) {
        posted.offer(task);
        wake();
    }

    /** Any thread: queue a task that can wait for the loop's next turn (no wakeup system call). */
    void postLazily(Object task) {
        posted.offer(task);
    }

    /** Any thread: wakes the loop if it sleeps in {@code select}. */
    void wake() {
        if (Thread.currentThread() != thread && sleeping.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    /**
     * Runs until shutdown completes. A failure in one connection's work (an {@link Error} included) is
     * logged and costs that turn only; a selector that cannot select any more stops the whole server,
     * which says why, rather than leave it half alive.
     */
    @Override
    public void run() {
        try {
            while (true) {
                try {
                    selectOnce();
                } catch (IOException | ClosedSelectorException e) {
                    server.failures.log("a selector failed; stopping the server", e);
                    server.stopAfterFailure();
                    return;
                }
                try {
                    runPosted();
                    long now = now();
                    wheel.expire(now, c -> c.onDeadline(now));
                    if (shuttingDown && shutdownComplete(now)) {
                        return;
                    }
                } catch (Throwable e) {
                    server.failures.log("a selector thread's turn failed; it goes on", e);
                }
            }
        } finally {
            closeAll("the server stopped");
            try {
                selector.close();
            } catch (IOException ignored) {
                // the loop is over either way
            }
        }
    }

    private void selectOnce() throws IOException {
        long timeout = wheel.millisToNextTick(now());
        if (timeout == 0) {
            timeout = LAZY_POLL_MILLIS;
        }
        if (shuttingDown) {
            timeout = timeout == 0 ? SHUTDOWN_POLL_MILLIS : Math.min(timeout, SHUTDOWN_POLL_MILLIS);
        }
        sleeping.set(true);
        if (posted.isEmpty()) {
            selector.select(this::onSelected, timeout);
        } else {
            selector.selectNow(this::onSelected);
        }
        sleeping.set(false);
    }

    private void onSelected(SelectionKey key) {
        try {
            ((NioConnection) key.attachment()).onReady(key.readyOps());
        } catch (Throwable e) {
            // An Error from a handler on this thread, say: it costs the connection, not the loop.
            server.failures.log("a connection failed on its selector thread", e);
            ((NioConnection) key.attachment()).close(e.toString());
        }
    }

    private void runPosted() {
        Object task;
        while ((task = posted.poll()) != null) {
            if (task instanceof NioConnection) {
                ((NioConnection) task).onPosted();
            } else {
                ((Runnable) task).run();
            }
        }
    }

    /**
     * Selector thread: takes a freshly accepted channel from {@code peer}, admitted (counted against the
     * limits) or a TLS refusal (to be answered 503 after its handshake).
     */
    void register(SocketChannel channel, InetSocketAddress peer, boolean admitted) {
        if (shuttingDown) {
            closeQuietly(channel);
            server.uncounted(admitted, peer);
            return;
        }
        NioConnection c;
        try {
            ConnectionDriver driver = ConnectionDriver.create(server.settings, server.driverSettings,
                    peer, (InetSocketAddress) channel.getLocalAddress());
            c = new NioConnection(this, channel, driver, server.settings.tls(), admitted);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            server.uncounted(admitted, peer);
            return;
        }
        connections++;
        server.opened(c);
        try {
            c.start();
        } catch (IOException | RuntimeException e) {
            c.close(e.toString());
        }
    }

    /** Selector thread: bookkeeping once a connection closed. */
    void connectionClosed(NioConnection c) {
        connections--;
        server.released(c);
    }

    /** The non-blocking I/O a handler declared non-blocking gets on this selector thread. */
    LoopIO loopIO(NioConnection c) {
        return loopIO.attach(c);
    }

    /**
     * Selector thread, after every connection of every loop has been marked (by the closing thread,
     * through its driver): no more registrations, and the grace period starts.
     */
    void beginShutdown(long graceDeadline) {
        this.shuttingDown = true;
        this.graceDeadline = graceDeadline;
    }

    /** Selector thread, second step: idle connections close now, busy ones after their response. */
    void closeIdle() {
        for (NioConnection c : registered()) {
            if (c.holder() == NioConnection.Holder.CLOSED) {
                continue;
            }
            c.onShutdown();
        }
    }

    private boolean shutdownComplete(long now) {
        if (connections == 0) {
            return true;
        }
        if (now - graceDeadline >= 0) {
            closeAll("the shutdown grace period ended");
            return true;
        }
        return false;
    }

    private void closeAll(String reason) {
        for (NioConnection c : registered()) {
            Thread handler = c.handlerThread;
            c.close(reason);
            if (handler != null) {
                handler.interrupt();
            }
        }
    }

    /** Selector thread, shutdown's first step: no connection of this loop starts another request. */
    void markShutdown() {
        for (NioConnection c : registered()) {
            c.driver.markShutdown();
        }
    }

    private List<NioConnection> registered() {
        List<NioConnection> all = new ArrayList<>();
        if (!selector.isOpen()) {
            return all;
        }
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof NioConnection) {
                all.add((NioConnection) key.attachment());
            }
        }
        return all;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was served on it
        }
    }
}
