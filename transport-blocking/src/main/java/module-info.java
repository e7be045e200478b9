/**
 * barehttp's blocking transport: a {@link java.net.ServerSocket} and one thread per connection.
 */
module dev.barehttp.transport.blocking {
    requires transitive dev.barehttp.server;

    provides dev.barehttp.spi.Transport with dev.barehttp.transport.blocking.BlockingTransport;
}
