package dev.barehttp.transport.blocking;

import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ServerSettings;
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
import javax.net.ssl.SSLSocket;

/**
 * A running blocking server: an acceptor thread, one thread per connection, and a write watchdog.
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
    private static final int REFUSAL_HANDSHAKE_TIMEOUT_MILLIS = 1_000;

    private final ServerSettings settings;
    private final ServerSocket serverSocket;
    private final InetSocketAddress address;
    private final ExecutorService threads;
    private final Set<BlockingConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final WriteWatchdog watchdog;
    private volatile boolean closing;
    private boolean closed;

    private BlockingServer(ServerSettings settings, ServerSocket serverSocket) {
        this.settings = settings;
        this.serverSocket = serverSocket;
        this.address = (InetSocketAddress) serverSocket.getLocalSocketAddress();
        this.threads = ConnectionThreads.create(settings.booleanOption("blocking.virtualThreads", true),
                settings.maxConnections());
        this.acceptor = new Thread(this::acceptLoop, "barehttp-acceptor-" + address.getPort());
        this.watchdog = settings.config().writeTimeoutMillis() > 0
                ? new WriteWatchdog(connections, settings.config().writeTimeoutMillis()) : null;
    }

    /** Binds, then starts accepting; on any failure releases what it took and throws. */
    static BlockingServer start(ServerSettings settings) throws IOException {
        ServerSocket socket = bind(settings);
        BlockingServer server = null;
        try {
            server = new BlockingServer(settings, socket);
            server.acceptor.start();
            if (server.watchdog != null) {
                server.watchdog.start();
            }
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

    private static ServerSocket bind(ServerSettings settings) throws IOException {
        ServerSocket socket = settings.tls() == null ? new ServerSocket()
                : settings.tls().getServerSocketFactory().createServerSocket();
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

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closing) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed on " + address, e);
                    pauseAfterAcceptFailure();
                }
                continue;
            }
            admit(socket);
        }
    }

    /** Serves the socket on a thread of its own, or answers 503 when the limit is reached. */
    private void admit(Socket socket) {
        BlockingConnection connection = null;
        try {
            socket.setTcpNoDelay(true);
            if (closing || connections.size() >= settings.maxConnections()) {
                refuse(socket);
                return;
            }
            connection = new BlockingConnection(this, socket, new ServerConnection(settings.config()),
                    settings.handler(), settings.tls() != null);
            connections.add(connection);
            threads.execute(connection);
        } catch (IOException | RejectedExecutionException e) {
            drop(connection, socket);
        } catch (RuntimeException | OutOfMemoryError e) {
            // No thread could be made for it (OutOfMemoryError is how that is reported): this
            // connection is lost, but the acceptor must live on for the others.
            LOG.log(System.Logger.Level.WARNING, "cannot serve a connection from " + socket.getRemoteSocketAddress(), e);
            drop(connection, socket);
        }
    }

    private void drop(BlockingConnection connection, Socket socket) {
        if (connection != null) {
            connections.remove(connection);
        }
        closeQuietly(socket);
    }

    /**
     * Writes a 503 encoded by the codec and closes. The write is small enough for an empty socket
     * buffer, so it does not block the acceptor (a TLS handshake gets a short timeout).
     */
    private void refuse(Socket socket) {
        ServerConnection refusal = new ServerConnection(settings.config());
        refusal.respondToError(HttpProtocolException.serviceUnavailable(closing ? "the server is shutting down"
                : "the server has its maximum of " + settings.maxConnections() + " connections open"));
        try {
            socket.setSoTimeout(REFUSAL_HANDSHAKE_TIMEOUT_MILLIS);
            refusal.writeOutputTo(socket.getOutputStream()::write);
            if (!(socket instanceof SSLSocket)) {
                socket.shutdownOutput();
                discardReceived(socket.getInputStream());
            }
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

    void connectionEnded(BlockingConnection connection) {
        connections.remove(connection);
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
        for (BlockingConnection c : connections) {
            c.closeIfWaitingForRequest();
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
        if (watchdog != null) {
            watchdog.stop();
        }
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

    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(10);
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
