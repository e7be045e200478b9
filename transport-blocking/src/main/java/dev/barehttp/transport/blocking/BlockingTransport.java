package dev.barehttp.transport.blocking;

import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.Transport;
import dev.barehttp.spi.TransportOption;
import dev.barehttp.spi.TransportServer;
import java.io.IOException;
import java.util.List;

/**
 * The {@code "blocking"} transport: a {@link java.net.ServerSocket} and one thread per connection,
 * virtual when the JVM has them; with TLS configured, that thread layers an
 * {@link javax.net.ssl.SSLSocket} over its socket and runs the handshake.
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

    /** {@code blocking.virtualThreads} and {@code blocking.backlog}. */
    @Override
    public List<TransportOption> options() {
        return List.of(
                new TransportOption("blocking.virtualThreads", TransportOption.Kind.BOOLEAN,
                        "one virtual thread per connection when the JVM has them (default true)"),
                new TransportOption("blocking.backlog", TransportOption.Kind.POSITIVE_INT,
                        "the accept queue of the server socket (default 512)"));
    }

    @Override
    public TransportServer start(ServerSettings settings) throws IOException {
        return BlockingServer.start(settings);
    }
}
