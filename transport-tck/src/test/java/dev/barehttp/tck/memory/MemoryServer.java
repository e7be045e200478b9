package dev.barehttp.tck.memory;

import dev.barehttp.spi.ConnectionsPerAddress;
import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.TransportServer;
import dev.barehttp.tck.RawClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A running in-memory server: a thread per connection, the shutdown contract of the SPI. */
final class MemoryServer implements TransportServer {
    private static final int PIPE_CAPACITY = 64 * 1024;
    private static final AtomicInteger CLIENT_PORTS = new AtomicInteger(50_000);

    private final ServerSettings settings;
    private final InetSocketAddress address;
    private final Runnable deregister;
    private final Set<MemoryConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final ConnectionsPerAddress perAddress;
    private volatile boolean closing;
    private boolean closed;

    MemoryServer(ServerSettings settings, int port, Runnable deregister) {
        this.settings = settings;
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.deregister = deregister;
        this.perAddress = ConnectionsPerAddress.of(settings);
    }

    /** Opens a connection as a client would, and starts serving its server side. */
    RawClient connect(int receiveBufferSize) throws IOException {
        if (closing) {
            throw new ConnectException("the in-memory server on port " + address.getPort() + " is closed");
        }
        BytePipe toServer = new BytePipe(PIPE_CAPACITY);
        BytePipe toClient = new BytePipe(receiveBufferSize > 0 ? receiveBufferSize : PIPE_CAPACITY);
        InetSocketAddress client = new InetSocketAddress(InetAddress.getLoopbackAddress(), CLIENT_PORTS.incrementAndGet());
        boolean admitted = connections.size() < settings.maxConnections() && perAddress.tryOpen(client);
        MemoryConnection connection = new MemoryConnection(this, settings, toServer, toClient, client, address,
                admitted);
        if (admitted) {
            connections.add(connection);
        }
        Thread thread = new Thread(() -> {
            try {
                connection.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, "barehttp-memory-" + client.getPort());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return new RawClient(clientInput(toClient), clientOutput(toServer), new RawClient.Ends() {
            @Override
            public void shutdownOutput() {
                toServer.closeWrite();
            }

            @Override
            public void close() {
                toServer.reset();
                toClient.reset();
            }
        });
    }

    private static InputStream clientInput(BytePipe pipe) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : pipe.read(b, off, len, RawClient.READ_TIMEOUT_MILLIS);
            }
        };
    }

    private static OutputStream clientOutput(BytePipe pipe) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                pipe.write(b, off, len, 30_000);
            }
        };
    }

    boolean shuttingDown() {
        return closing;
    }

    void ended(MemoryConnection connection) {
        if (connections.contains(connection)) {
            // The address's place first, as the real transports do: once the count falls, a new
            // connection from it must be admitted.
            perAddress.closed(connection.peer());
            connections.remove(connection);
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        deregister.run();
        for (MemoryConnection c : connections) {
            c.markShutdown();
        }
        for (MemoryConnection c : connections) {
            c.closeIfIdle();
        }
        if (!awaitThreads(settings.shutdownGrace().toMillis())) {
            for (MemoryConnection c : connections) {
                c.forceClose();
            }
            for (Thread t : threads) {
                t.interrupt();
            }
            awaitThreads(5_000);
        }
    }

    private boolean awaitThreads(long millis) {
        long end = System.currentTimeMillis() + millis;
        for (Thread t : threads) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return threads.isEmpty();
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return threads.isEmpty();
    }
}
