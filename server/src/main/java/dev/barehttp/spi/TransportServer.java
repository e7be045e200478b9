package dev.barehttp.spi;

import java.net.InetSocketAddress;

/** A running server, as started by a {@link Transport}. */
public interface TransportServer extends AutoCloseable {

    /** The bound address (with the real port when 0 was asked for). */
    InetSocketAddress address();

    /** The bound port. */
    default int port() {
        return address().getPort();
    }

    /** The number of connections open now. */
    int openConnections();

    /**
     * Shuts down gracefully as the {@link Transport} contract says, and returns once every
     * connection and thread is gone.
     */
    @Override
    void close();
}
