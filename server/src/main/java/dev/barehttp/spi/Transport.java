package dev.barehttp.spi;

import java.io.IOException;
import java.util.List;

/**
 * Moves bytes between sockets and the codec, and runs handlers: the pluggable part of a server.
 * Implementations are found with {@link java.util.ServiceLoader} (a {@code META-INF/services}
 * entry and a {@code provides} clause in {@code module-info.java}).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #name()} must be a short lower-case constant, unique among transports; {@link #priority()}
 *       decides which transport is used when none is named (the highest wins).</li>
 *   <li>{@link #start} must bind before returning, so that {@link TransportServer#port()} is the bound
 *       port. If it cannot start (the port is taken, say), it must release everything it acquired
 *       (sockets, threads) and throw; it must not leave a half-started server behind.</li>
 *   <li>It must leave every HTTP decision to the {@link ConnectionDriver}: each connection has one, made
 *       with {@link ConnectionDriver#create}, and the transport carries out the actions it returns (read,
 *       write, dispatch, linger, close), as its class comment says.</li>
 *   <li>It must set {@code TCP_NODELAY} on every connection, and write the responses produced from
 *       one read of pipelined requests together, before waiting for more input.</li>
 *   <li>Timeouts: it must arm a timer for {@link ConnectionDriver#deadline()} whatever the action, and
 *       report it with {@link ConnectionDriver#onDeadline} (or, while a handler waits for body bytes,
 *       {@link ConnectionDriver#bodyTimedOut}); the driver decides what a passed deadline means.</li>
 *   <li>Limits: above {@link ServerSettings#maxConnections()} open connections, it must answer a new
 *       connection with {@code 503} and close it, without disturbing the others.</li>
 *   <li>{@link TransportServer#close()} must stop accepting at once, let requests in flight finish
 *       (their responses say {@code Connection: close}, through
 *       {@link ConnectionDriver#markShutdown()}), close idle connections at once, force-close
 *       what remains after {@link ServerSettings#shutdownGrace()}, and return only when every connection
 *       and thread it started is gone. Closing twice must be harmless.</li>
 *   <li>A handler's failure must never take the server down: it costs at most its own connection.</li>
 *   <li>{@link #options()} must list every option the transport reads: the server rejects any other name,
 *       and any value its {@link TransportOption.Kind} does not accept, before {@link #start} is called.</li>
 * </ul>
 */
public interface Transport {

    /** The name a user selects this transport by, e.g. {@code "blocking"} or {@code "nio"}. */
    String name();

    /** The rank among available transports when none is named: the highest wins. */
    int priority();

    /** The options this transport reads, checked before {@link #start} (none by default). */
    default List<TransportOption> options() {
        return List.of();
    }

    /** Binds and starts serving; see the contract above. */
    TransportServer start(ServerSettings settings) throws IOException;
}
