package dev.barehttp.tck.memory;

import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.Transport;
import dev.barehttp.spi.TransportServer;
import dev.barehttp.tck.RawClient;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A third transport, written against the SPI alone: connections are pairs of in-memory pipes, each
 * served by a thread that carries out its {@link dev.barehttp.spi.ConnectionDriver}'s actions. It
 * runs the transport kit beside the real transports, which proves the SPI is enough for a
 * transport nobody here wrote the driver for. Found by {@link java.util.ServiceLoader} in the
 * kit's own tests only.
 */
public final class MemoryTransport implements Transport {
    private static final AtomicInteger PORTS = new AtomicInteger(40_000);
    private static final Map<Integer, MemoryServer> SERVERS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public TransportServer start(ServerSettings settings) throws IOException {
        int port = settings.port() != 0 ? settings.port() : PORTS.incrementAndGet();
        MemoryServer server = new MemoryServer(settings, port, () -> SERVERS.remove(port));
        if (SERVERS.putIfAbsent(port, server) != null) {
            throw new java.net.BindException("in-memory port " + port + " is taken");
        }
        return server;
    }

    /** A client of the in-memory server on {@code port}, as the kit's raw client. */
    public static RawClient connect(int port, int receiveBufferSize) throws IOException {
        MemoryServer server = SERVERS.get(port);
        if (server == null) {
            throw new ConnectException("no in-memory server on port " + port);
        }
        return server.connect(receiveBufferSize);
    }
}
