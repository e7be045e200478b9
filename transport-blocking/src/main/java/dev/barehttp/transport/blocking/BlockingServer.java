package dev.barehttp.transport.blocking;

import dev.barehttp.spi.ConnectionsPerAddress;
import dev.barehttp.spi.DriverSettings;
import dev.barehttp.spi.FailureLog;
import dev.barehttp.spi.Refusal;
import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.TlsSettings;
import dev.barehttp.spi.TransportServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;

/**
 * A running blocking server: an acceptor thread, one thread per connection, and a {@link Watchdog} that
 * enforces the read and write deadlines of every connection.
 *
 * <pre>
 *   start: bind --> acceptor thread --accept--> under the limit? --yes--> connection thread
 *                                                      |
 *                                                      no --> 503 from the codec, close
 *   close: close the server socket --> mark every connection, then close idle ones --> wait the grace period
 *          --> force-close the rest and interrupt their threads --> wait for the threads
 * </pre>
 */
final class BlockingServer implements TransportServer {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final int DEFAULT_BACKLOG = 512;
    private static final long FORCED_EXIT_WAIT_MILLIS = 5_000;
    private static final int REFUSAL_WRITE_TIMEOUT_MILLIS = 1_000;
    /** Refusals over TLS need a handshake, so a thread: at most this many at once, the rest are closed unanswered. */
    private static final int MAX_TLS_REFUSALS = 32;
    private static final long MAX_ACCEPT_PAUSE_MILLIS = 1_000;

    private final ServerSettings settings;
    /** The driver settings every connection of this server shares. */
    final DriverSettings driverSettings;
    private final ServerSocket serverSocket;
    /** The TLS parameters every connection gets, or null for plain TCP. */
    private final SSLParameters tlsParameters;
    private final InetSocketAddress address;
    private final ExecutorService threads;
    private final Set<BlockingConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean everyConnectionMarked;
    private final Thread acceptor;
    private final Watchdog watchdog;
    private final java.util.concurrent.atomic.AtomicInteger tlsRefusals = new java.util.concurrent.atomic.AtomicInteger();
    private final FailureLog failures = new FailureLog(LOG);
    private final ConnectionsPerAddress perAddress;
    private final Refusal limitRefusal;
    private final Refusal shutdownRefusal;
    private volatile boolean closing;
    private boolean closed;

    private BlockingServer(ServerSettings settings, ServerSocket serverSocket, SSLParameters tlsParameters) {
        this.settings = settings;
        this.driverSettings = DriverSettings.from(settings);
        this.serverSocket = serverSocket;
        this.tlsParameters = tlsParameters;
        this.address = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        this.threads = ConnectionThreads.create(settings.booleanOption("blocking.virtualThreads", true),
                settings.maxConnections() + MAX_TLS_REFUSALS);
        this.perAddress = ConnectionsPerAddress.of(settings);
        this.limitRefusal = Refusal.of(settings, "the server has its maximum of " + settings.maxConnections()
                + " connections open");
        this.shutdownRefusal = Refusal.of(settings, "the server is shutting down");
        this.acceptor = new Thread(this::acceptLoop, "barehttp-acceptor-" + address.getPort());
        this.watchdog = new Watchdog(connections, settings, driverSettings);
    }

    /** Binds, then starts accepting; on any failure releases what it took and throws. */
    static BlockingServer start(ServerSettings settings) throws IOException {
        // Checked before binding: a context that offers neither TLS 1.3 nor 1.2 fails the start.
        SSLParameters tlsParameters = settings.tls() == null ? null : TlsSettings.serverParameters(settings.tls());
        ServerSocket socket = bind(settings);
        BlockingServer server = null;
        try {
            server = new BlockingServer(settings, socket, tlsParameters);
            server.acceptor.start();
            server.watchdog.start();
            return server;
        } catch (RuntimeException | Error e) {
            if (server != null) {
                server.close();
            } else {
                closeQuietly(socket);
            }
            throw e;
        }
    }

    /** A plain listening socket, over TLS too: each connection's thread layers TLS over what it accepted. */
    private static ServerSocket bind(ServerSettings settings) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.host(), settings.port()),
                    settings.intOption("blocking.backlog", DEFAULT_BACKLOG));
            return socket;
        } catch (BindException e) {
            closeQuietly(socket);
            BindException named = new BindException("cannot bind " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage());
            named.initCause(e);
            throw named;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int openConnections() {
        return connections.size();
    }

    /**
     * Accepts until the server closes. Every failure is caught: running out of file descriptors (or
     * memory) pauses accepting, longer each time it repeats, and accepting resumes once it clears.
     */
    private void acceptLoop() {
        long pause = 10;
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
                pause = 10;
            } catch (Throwable e) {
                if (closing) {
                    return;
                }
                if (serverSocket.isClosed()) {
                    failures.log("the listening socket on " + address + " closed unexpectedly; stopping the server", e);
                    new Thread(this::close, "barehttp-stop").start();
                    return;
                }
                failures.log("accept failed on " + address + "; pausing " + pause + " ms", e);
                sleep(pause);
                pause = Math.min(MAX_ACCEPT_PAUSE_MILLIS, pause * 2);
                continue;
            }
            try {
                admit(socket);
            } catch (Throwable e) {
                failures.log("cannot serve a connection from " + socket.getRemoteSocketAddress(), e);
                closeQuietly(socket);
            }
        }
    }

    /** Serves the socket on a thread of its own, or answers 503 when the limit is reached. */
    private void admit(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        if (closing || connections.size() >= settings.maxConnections()) {
            refuse(socket);
            return;
        }
        if (!perAddress.tryOpen(peer)) {
            refuse(socket);
            return;
        }
        BlockingConnection connection = new BlockingConnection(this, socket, settings, true);
        connections.add(connection);
        try {
            threads.execute(connection);
        } catch (RejectedExecutionException | OutOfMemoryError e) {
            // No thread could be made for it (OutOfMemoryError is how that is reported): this
            // connection is lost, but the acceptor must live on for the others.
            connections.remove(connection);
            perAddress.closed(peer);
            closeQuietly(socket);
            failures.log("no thread for a connection from " + socket.getRemoteSocketAddress(), e);
        }
    }

    /**
     * Answers 503 and closes. In plain TCP the small answer fits an empty socket buffer, so the
     * acceptor writes it itself; over TLS it needs a handshake, which runs on a thread of its own
     * (never the acceptor), a bounded number at once.
     */
    private void refuse(Socket socket) {
        if (settings.tls() != null) {
            if (tlsRefusals.incrementAndGet() > MAX_TLS_REFUSALS) {
                tlsRefusals.decrementAndGet();
                closeQuietly(socket);
                return;
            }
            try {
                threads.execute(new BlockingConnection(this, socket, settings, false));
            } catch (RejectedExecutionException | OutOfMemoryError e) {
                tlsRefusals.decrementAndGet();
                closeQuietly(socket);
            }
            return;
        }
        Refusal refusal = closing ? shutdownRefusal : limitRefusal;
        try {
            socket.setSoTimeout(REFUSAL_WRITE_TIMEOUT_MILLIS);
            socket.getOutputStream().write(refusal.bytes());
            refusal.reportTo(settings, (java.net.InetSocketAddress) socket.getRemoteSocketAddress());
            socket.shutdownOutput();
            discardReceived(socket.getInputStream());
        } catch (IOException e) {
            // The peer is gone already.
        } finally {
            closeQuietly(socket);
        }
    }

    /** Reads what already arrived, so that closing does not reset the connection before the 503 is read. */
    private static void discardReceived(InputStream in) throws IOException {
        int available = in.available();
        if (available > 0) {
            in.skip(available);
        }
    }

    /** The TLS parameters of every connection (TLS 1.3 and 1.2, ALPN http/1.1), or null for plain TCP. */
    SSLParameters tlsParameters() {
        return tlsParameters;
    }

    boolean shuttingDown() {
        return closing;
    }

    /**
     * True once close() has marked every connection: only then may a connection close itself for being
     * idle, so that no peer sees an idle connection close while a response in flight elsewhere has yet to
     * learn that it must say {@code Connection: close}.
     */
    boolean everyConnectionMarked() {
        return everyConnectionMarked;
    }

    /** Logs a failure of a server thread once, without letting the logging itself take the thread down. */
    void logFailure(String what, Throwable e) {
        failures.log(what, e);
    }

    void connectionEnded(BlockingConnection connection, boolean admitted, InetSocketAddress peer) {
        if (admitted) {
            // The address's place first: once the count falls, a new connection from it must be admitted.
            perAddress.closed(peer);
            connections.remove(connection);
        } else {
            tlsRefusals.decrementAndGet();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        closeQuietly(serverSocket);
        boolean interrupted = joinUninterruptibly(acceptor);
        // Every connection is marked before any idle one is closed: a client that sees its idle
        // connection close may rely on every response still in flight saying Connection: close.
        for (BlockingConnection c : connections) {
            c.markShutdown();
        }
        everyConnectionMarked = true;
        for (BlockingConnection c : connections) {
            c.closeIfIdle();
        }
        threads.shutdown();
        if (!awaitThreads(settings.shutdownGrace().toMillis())) {
            for (BlockingConnection c : connections) {
                c.forceClose();
            }
            // Connections still queued for a pool thread never ran: nobody else will drop them.
            for (Runnable neverRan : threads.shutdownNow()) {
                connections.remove(neverRan);
            }
            if (!awaitThreads(FORCED_EXIT_WAIT_MILLIS)) {
                LOG.log(System.Logger.Level.WARNING, connections.size()
                        + " handler threads ignored the interrupt and are still running after close");
            }
        }
        watchdog.stop();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the connection threads; false when they outlived {@code millis} or the wait was interrupted. */
    private boolean awaitThreads(long millis) {
        try {
            return threads.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean joinUninterruptibly(Thread thread) {
        boolean interrupted = Thread.interrupted();
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
