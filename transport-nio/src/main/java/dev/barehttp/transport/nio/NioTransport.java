package dev.barehttp.transport.nio;

import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.Transport;
import dev.barehttp.spi.TransportOption;
import dev.barehttp.spi.TransportServer;
import java.io.IOException;
import java.util.List;

/**
 * The {@code nio} transport: an acceptor thread and a few selector threads multiplexing
 * non-blocking connections; handlers run off the selector threads (virtual threads on Java 21+,
 * a bounded pool on Java 17) unless told otherwise. Priority 20, so it is chosen over
 * {@code blocking} when both are on the class path.
 *
 * <h2>Options ({@link ServerSettings#options()})</h2>
 * <table>
 *   <caption>Transport options, defaults, and effect</caption>
 *   <tr><th>name</th><th>default</th><th>effect</th></tr>
 *   <tr><td>{@code nio.selectors}</td><td>available processors</td><td>number of selector threads; each
 *       connection stays on one of them for its whole life</td></tr>
 *   <tr><td>{@code nio.handlersOnLoop}</td><td>false</td><td>when true, a request whose head and whole body
 *       are already received is answered on the selector thread, without a thread hop. Safe only for handlers
 *       that never block (no sleeping, no blocking I/O, no locks held by slow code) and whose streamed
 *       responses are small: on the selector thread a response cannot wait for a slow reader, so it is
 *       buffered whole, and a blocked handler stalls every connection of that selector. Requests with a
 *       chunked body or a body not yet fully received still run off the loop.</td></tr>
 *   <tr><td>{@code nio.virtualThreads}</td><td>true</td><td>run handlers on virtual threads when the JVM has
 *       them (Java 21+); false (or Java 17) uses a bounded pool of platform threads</td></tr>
 *   <tr><td>{@code nio.handlerThreads}</td><td>200</td><td>size of that pool; handlers beyond it wait in a
 *       queue</td></tr>
 *   <tr><td>{@code nio.readBufferSize}</td><td>65536</td><td>bytes read from a socket at once, into one
 *       buffer per selector thread (not per connection); it also bounds what a connection reads ahead of
 *       a handler that has not consumed the body yet</td></tr>
 *   <tr><td>{@code nio.backlog}</td><td>1024</td><td>listen backlog of the server socket</td></tr>
 *   <tr><td>{@code nio.lingerMillis}</td><td>1000</td><td>after a final response ({@code Connection: close},
 *       an error, a 503), how long the connection keeps discarding the peer's input before it closes, so
 *       that unread request bytes do not turn the close into a reset that loses the response</td></tr>
 * </table>
 *
 * <p>Per-connection memory is bounded by configuration: the codec's limits
 * ({@link dev.barehttp.codec.HttpConfig}) plus at most one read buffer's worth of input read ahead,
 * and output held only until the socket takes it (a handler streaming a response blocks meanwhile).
 */
public final class NioTransport implements Transport {

    /** Creates the transport; {@link java.util.ServiceLoader} calls this. */
    public NioTransport() {
    }

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public int priority() {
        return 20;
    }

    /** The {@code nio.*} options of the table above. */
    @Override
    public List<TransportOption> options() {
        return NioOptions.DECLARED;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException when TLS is asked for: this transport serves plain TCP only
     *     so far, and must not answer in clear text on a port meant for TLS
     */
    @Override
    public TransportServer start(ServerSettings settings) throws IOException {
        if (settings.tls() != null) {
            throw new UnsupportedOperationException("the nio transport does not serve TLS yet; use the blocking transport");
        }
        return NioServer.start(settings, NioOptions.from(settings));
    }
}
