/**
 * barehttp's NIO transport: a few selector threads multiplexing non-blocking connections.
 */
module dev.barehttp.transport.nio {
    requires transitive dev.barehttp.server;

    provides dev.barehttp.spi.Transport with dev.barehttp.transport.nio.NioTransport;
}
