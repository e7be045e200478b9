package dev.barehttp.spi;

import dev.barehttp.Response;
import dev.barehttp.codec.HttpProtocolException;
import java.net.InetSocketAddress;

/**
 * How the application takes part in the answers a connection gives below its handler: to a
 * malformed request the codec refused (400, 408, 413, 414, 431, 501, 505) and to a connection over the
 * limit (503). The connection driver and the transports call it; both methods may run on any
 * connection's thread at once.
 */
public interface ErrorAnswers {
    /** The standard answers: the codec's one-line text, nothing reported. */
    ErrorAnswers STANDARD = new ErrorAnswers() { };

    /**
     * The response to a protocol error, or null for the standard one. Only its status, headers and a
     * bytes body are used; the connection closes after it whatever it says.
     */
    default Response responseTo(HttpProtocolException error) {
        return null;
    }

    /** An answer was sent without a handler: a protocol error's or a refusal's status and body bytes. */
    default void sent(InetSocketAddress peer, int status, long bodyBytes) {
    }
}
