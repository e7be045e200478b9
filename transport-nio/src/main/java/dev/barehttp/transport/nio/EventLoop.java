package dev.barehttp.transport.nio;

import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.Exchange;
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
    private boolean shuttingDown;
    private long graceDeadline;

    EventLoop(NioServer server, NioOptions options, int index) throws IOException {
        this.server = server;
        this.options = options;
        this.selector = Selector.open();
        // Direct, so reads land without the JDK's intermediate copy; one per loop, not per connection.
        this.readBuffer = ByteBuffer.allocateDirect(options.readBufferSize());
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

    @Override
    public void run() {
        try {
            while (true) {
                selectOnce();
                runPosted();
                long now = now();
                wheel.expire(now, c -> c.onDeadline(now));
                if (shuttingDown && shutdownComplete(now)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a selector thread failed", e);
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
        ((NioConnection) key.attachment()).onReady(key.readyOps());
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

    /** Selector thread: takes a freshly accepted channel ({@code admitted} false: answer 503 and close). */
    void register(SocketChannel channel, boolean admitted) {
        if (shuttingDown) {
            closeQuietly(channel);
            if (admitted) {
                server.released();
            }
            return;
        }
        NioConnection c = new NioConnection(this, channel, new ServerConnection(server.config), admitted);
        connections++;
        try {
            c.start();
        } catch (IOException | RuntimeException e) {
            c.close(e.toString());
        }
    }

    /** Selector thread: bookkeeping once a connection closed. */
    void connectionClosed(NioConnection c) {
        connections--;
        if (c.admitted()) {
            server.released();
        }
    }

    /** Selector thread: answers a request received whole, on this thread ({@code nio.handlersOnLoop}). */
    void runOnLoop(NioConnection c, RequestHead head) throws IOException {
        loopIO.attach(c);
        try {
            Exchange.run(c.http, head, loopIO, server.handler, c.remoteAddress(), c.localAddress(), false);
        } finally {
            loopIO.attach(null);
        }
    }

    /**
     * Selector thread, first step of graceful shutdown: every connection's next response will say
     * {@code Connection: close}. Nothing is closed yet, so that no peer can see a close before every
     * loop has marked its connections.
     */
    void markShutdown(long graceDeadline) {
        this.shuttingDown = true;
        this.graceDeadline = graceDeadline;
        for (NioConnection c : registered()) {
            c.markShutdown();
        }
    }

    /** Selector thread, second step: idle connections close now, busy ones after their response. */
    void closeIdle() {
        for (NioConnection c : registered()) {
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
