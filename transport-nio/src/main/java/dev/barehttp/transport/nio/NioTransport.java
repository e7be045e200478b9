package dev.barehttp.transport.nio;

import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.Transport;
import dev.barehttp.spi.TransportOption;
import dev.barehttp.spi.TransportServer;
import java.io.IOException;
import java.util.List;

/**
 * The {@code nio} transport: an acceptor thread and a few selector threads multiplexing
 * non-blocking connections. Handlers run off the selector threads (virtual threads on Java 21+, a
 * bounded pool on Java 17), except those declared {@link dev.barehttp.InvocationType#NON_BLOCKING}
 * ({@link dev.barehttp.Handler#nonBlocking}, with every filter around them declared too): a request whose
 * head and whole body have arrived is answered on the selector thread, without a thread hop, when the
 * connection driver says so ({@link dev.barehttp.spi.ConnectionDriver#dispatchNonBlocking()}). A streamed,
 * file or switched response from such a handler is written from a handler thread. On virtual threads
 * a connection keeps its handler thread parked between its requests while it is busy (until it closes
 * or stays idle long enough to release its buffers), so a handler that may block costs no thread start
 * per request. Priority 20, so it is chosen over
 * {@code blocking} when both are on the class path.
 *
 * <h2>Options ({@link ServerSettings#options()})</h2>
 * <table>
 *   <caption>Transport options, defaults, and effect</caption>
 *   <tr><th>name</th><th>default</th><th>effect</th></tr>
 *   <tr><td>{@code nio.selectors}</td><td>available processors</td><td>number of selector threads; each
 *       connection stays on one of them for its whole life</td></tr>
 *   <tr><td>{@code nio.virtualThreads}</td><td>true</td><td>run handlers on virtual threads when the JVM has
 *       them (Java 21+); false (or Java 17) uses a bounded pool of platform threads</td></tr>
 *   <tr><td>{@code nio.handlerThreads}</td><td>{@code maxConnections}</td><td>the most platform threads of
 *       that pool; it starts a thread only when every thread is busy, and idle ones end after 30 s. A
 *       connection runs at most one handler at a time, so by default no request ever waits for a thread;
 *       a smaller value queues handlers beyond it</td></tr>
 *   <tr><td>{@code nio.readBufferSize}</td><td>65536</td><td>bytes read from a socket at once, into one
 *       buffer per selector thread (not per connection); it also bounds what a connection reads ahead of
 *       a handler that has not consumed the body yet; over TLS at least 32768, room for a whole record</td></tr>
 *   <tr><td>{@code nio.backlog}</td><td>1024</td><td>listen backlog of the server socket</td></tr>
 * </table>
 *
 * <p>The connection's life (when to read, write, answer, linger, close) is decided by the shared
 * {@link dev.barehttp.spi.ConnectionDriver}; the generic option {@code lingerMillis} (default 1000) is
 * read there. Per-connection memory is bounded by the codec's limits
 * ({@link dev.barehttp.codec.HttpConfig}: buffered input, pending output, head sections), plus at most
 * one read buffer's worth of input read ahead of a handler.
 *
 * <h2>TLS</h2>
 * With {@link ServerSettings#tls()} every connection runs through a server-mode
 * {@link javax.net.ssl.SSLEngine} with the parameters of {@link dev.barehttp.spi.TlsSettings}. The
 * handshake is driven by the selector thread and must finish within the head timeout
 * ({@link dev.barehttp.codec.HttpConfig#headTimeoutMillis()}); the engine's delegated tasks (key
 * exchange, signatures) run on the handler threads. A TLS connection holds two packet-size buffers
 * (about 17 KiB each) while bytes are in flight, none while it waits idle. Files are encrypted like any
 * body (no {@code transferTo}). TLS 1.2 renegotiation closes the connection. The driver starts once
 * the handshake is done. Over the connection limit a TLS connection gets its 503 after a handshake,
 * on a selector thread like any connection, at most 32 at once; beyond that it is closed unanswered.
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

    /** {@inheritDoc} Over TLS each connection gets an {@link javax.net.ssl.SSLEngine} ({@link TlsWire}). */
    @Override
    public TransportServer start(ServerSettings settings) throws IOException {
        return NioServer.start(settings, NioOptions.from(settings));
    }
}
