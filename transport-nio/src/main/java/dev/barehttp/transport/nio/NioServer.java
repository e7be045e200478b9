package dev.barehttp.transport.nio;

import dev.barehttp.Handler;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.spi.ConnectionsPerAddress;
import dev.barehttp.spi.DriverSettings;
import dev.barehttp.spi.FailureLog;
import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.TransportServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running NIO server: the listening socket, its {@link Acceptor}, the {@link EventLoop}s and the
 * {@link HandlerThreads}. Implements the shutdown contract of {@link dev.barehttp.spi.Transport}.
 */
final class NioServer implements TransportServer {
    private static final long HANDLER_EXIT_MILLIS = 5_000;
    /** Refusals over TLS need a handshake first: at most this many at once, the rest are closed unanswered. */
    static final int MAX_TLS_REFUSALS = 32;

    private static final System.Logger LOG = System.getLogger("dev.barehttp");

    final Handler handler;
    final HttpConfig config;
    final HandlerThreads handlers;
    final ServerSettings settings;
    /** The driver settings every connection of this server shares. */
    final DriverSettings driverSettings;
    final FailureLog failures = new FailureLog(LOG);
    private final ConnectionsPerAddress perAddress;
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final List<EventLoop> loops = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    /** TLS connections over the limit that are being told so (a handshake, then the 503). */
    private final AtomicInteger tlsRefusals = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Object closed = new Object();
    private boolean done;
    private Acceptor acceptor;

    private NioServer(ServerSettings settings, NioOptions options, ServerSocketChannel listener) throws IOException {
        this.settings = settings;
        this.driverSettings = DriverSettings.from(settings);
        this.handler = settings.handler();
        this.config = settings.config();
        this.listener = listener;
        this.perAddress = ConnectionsPerAddress.of(settings);
        this.address = (InetSocketAddress) listener.getLocalAddress();
        this.handlers = HandlerThreads.create(options.virtualThreads(), options.handlerThreads());
        for (int i = 0; i < options.selectors(); i++) {
            loops.add(new EventLoop(this, options, i));
        }
    }

    /** Binds, starts the threads, and returns; on failure releases everything and throws. */
    static NioServer start(ServerSettings settings, NioOptions options) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        NioServer server = null;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(settings.host(), settings.port()), options.backlog());
            server = new NioServer(settings, options, listener);
            server.loops.forEach(EventLoop::start);
            server.acceptor = new Acceptor(server, listener, server.loops);
            server.acceptor.start();
            return server;
        } catch (IOException | RuntimeException | Error e) {
            if (server != null) {
                server.close();
            } else {
                listener.close();
            }
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int openConnections() {
        return open.get();
    }

    /** Counts a new connection from {@code peer} in, unless a limit (all, or per address) is reached. */
    boolean admit(InetSocketAddress peer) {
        if (open.incrementAndGet() <= settings.maxConnections()) {
            if (perAddress.tryOpen(peer)) {
                return true;
            }
        }
        open.decrementAndGet();
        return false;
    }

    /**
     * Counts in a TLS connection over the limit, to be answered 503 after its handshake, unless
     * {@link #MAX_TLS_REFUSALS} are being answered already (then it is closed unanswered).
     */
    boolean admitTlsRefusal() {
        if (tlsRefusals.incrementAndGet() <= MAX_TLS_REFUSALS) {
            return true;
        }
        tlsRefusals.decrementAndGet();
        return false;
    }

    /** A registered connection (admitted and counted already, or a counted TLS refusal). */
    void opened(NioConnection c) {
        // A loop's connections are marked by that loop when shutdown begins; one registered later marks itself.
        if (closing.get()) {
            c.driver.markShutdown();
        }
    }

    /** A registered connection closed. */
    void released(NioConnection c) {
        uncounted(c.admitted, c.driver.remoteAddress());
    }

    /** A counted connection from {@code peer} is gone: admitted ({@code true}) or a TLS refusal. */
    void uncounted(boolean admitted, InetSocketAddress peer) {
        if (admitted) {
            perAddress.closed(peer);
            open.decrementAndGet();
        } else {
            tlsRefusals.decrementAndGet();
        }
    }

    /** A selector thread cannot go on: the whole server stops, on a thread of its own. */
    void stopAfterFailure() {
        Thread stop = new Thread(this::close, "barehttp-nio-stop");
        stop.setDaemon(true);
        stop.start();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        boolean interrupted = false;
        try {
            interrupted = shutDown();
        } finally {
            synchronized (closed) {
                done = true;
                closed.notifyAll();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean shutDown() {
        boolean interrupted = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // the acceptor stops either way
        }
        long graceDeadline = System.nanoTime() / 1_000_000 + settings.shutdownGrace().toMillis();
        try {
            // The acceptor must be gone first: a connection it hands over later would find no loop.
            if (acceptor != null) {
                acceptor.join();
            }
            // Two steps: every loop marks its connections, and only once all have does any loop close
            // an idle one, so a peer that sees its idle connection close finds every response still in
            // flight on any loop saying Connection: close. (A loop that is gone marks nothing: waiting
            // for it ends at the grace deadline.)
            CountDownLatch marked = new CountDownLatch(loops.size());
            for (EventLoop loop : loops) {
                loop.post((Runnable) () -> {
                    loop.markShutdown();
                    marked.countDown();
                });
            }
            marked.await(Math.max(0, graceDeadline - System.nanoTime() / 1_000_000), TimeUnit.MILLISECONDS);
            for (EventLoop loop : loops) {
                loop.post((Runnable) () -> {
                    loop.beginShutdown(graceDeadline);
                    loop.closeIdle();
                });
            }
            for (EventLoop loop : loops) {
                loop.join();
            }
            handlers.awaitIdle(HANDLER_EXIT_MILLIS);
            handlers.shutdown();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        return interrupted;
    }

    private void awaitClosed() {
        synchronized (closed) {
            boolean interrupted = false;
            while (!done) {
                try {
                    closed.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "NioServer[" + address + ", " + loops.size() + " selectors, open=" + open.get() + "]";
    }
}
