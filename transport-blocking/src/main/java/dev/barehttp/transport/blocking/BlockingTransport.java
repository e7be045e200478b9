package dev.barehttp.transport.blocking;

import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.Transport;
import dev.barehttp.spi.TransportServer;
import java.io.IOException;

/**
 * The {@code "blocking"} transport: a {@link java.net.ServerSocket} (or an {@link javax.net.ssl.SSLServerSocket}
 * when TLS is configured) and one thread per connection, virtual when the JVM has them.
 *
 * <p>Options: {@code blocking.virtualThreads} ({@code true} by default; {@code false} forces the
 * bounded pool of platform threads) and {@code blocking.backlog} (the accept queue, 512 by default).
 */
public final class BlockingTransport implements Transport {

    /** Made by {@link java.util.ServiceLoader}. */
    public BlockingTransport() {
    }

    @Override
    public String name() {
        return "blocking";
    }

    /** Below the NIO transport, which scales further when both are present. */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public TransportServer start(ServerSettings settings) throws IOException {
        return BlockingServer.start(settings);
    }
}
