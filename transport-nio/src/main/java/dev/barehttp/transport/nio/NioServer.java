package dev.barehttp.transport.nio;

import dev.barehttp.Handler;
import dev.barehttp.codec.HttpConfig;
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
    private static final long MARK_MILLIS = 2_000;

    final Handler handler;
    final HttpConfig config;
    final HandlerThreads handlers;
    private final ServerSettings settings;
    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final List<EventLoop> loops = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Object closed = new Object();
    private boolean done;
    private Acceptor acceptor;

    private NioServer(ServerSettings settings, NioOptions options, ServerSocketChannel listener) throws IOException {
        this.settings = settings;
        this.handler = settings.handler();
        this.config = settings.config();
        this.listener = listener;
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

    /** Counts a new connection in, unless the limit is reached. */
    boolean admit() {
        if (open.incrementAndGet() <= settings.maxConnections()) {
            return true;
        }
        open.decrementAndGet();
        return false;
    }

    /** An admitted connection closed. */
    void released() {
        open.decrementAndGet();
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
            // Two steps across all loops: a peer whose idle connection was closed by one loop must find
            // every in-flight response on the other loops already marked Connection: close.
            CountDownLatch marked = new CountDownLatch(loops.size());
            for (EventLoop loop : loops) {
                loop.post((Runnable) () -> {
                    loop.markShutdown(graceDeadline);
                    marked.countDown();
                });
            }
            marked.await(MARK_MILLIS, TimeUnit.MILLISECONDS);
            for (EventLoop loop : loops) {
                loop.post((Runnable) loop::closeIdle);
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
