package dev.barehttp.spi;

import dev.barehttp.Handler;
import dev.barehttp.codec.HttpConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Everything a {@link Transport} needs to start a server.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port to bind; 0 picks a free one
 * @param handler the application
 * @param config the codec's limits and timeouts
 * @param maxConnections most connections open at once; more get 503 and are closed
 * @param shutdownGrace how long {@link TransportServer#close()} lets requests in flight finish
 * @param tls the TLS context, or null for plain TCP
 * @param options transport-specific settings by name (e.g. {@code nio.selectors}); checked by the server
 *     against {@link Transport#options()} before a transport starts
 * @param errorAnswers the application's part in answers given below the handler (never null)
 */
public record ServerSettings(String host, int port, Handler handler, HttpConfig config, int maxConnections,
                             Duration shutdownGrace, SSLContext tls, Map<String, String> options,
                             ErrorAnswers errorAnswers) {

    /** Checks the values. */
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        options = Map.copyOf(options);
        errorAnswers = errorAnswers == null ? ErrorAnswers.STANDARD : errorAnswers;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
    }

    /** Settings with the standard error answers. */
    public ServerSettings(String host, int port, Handler handler, HttpConfig config, int maxConnections,
                          Duration shutdownGrace, SSLContext tls, Map<String, String> options) {
        this(host, port, handler, config, maxConnections, shutdownGrace, tls, options, ErrorAnswers.STANDARD);
    }

    /** The option {@code name} as an int, or {@code fallback}. */
    public int intOption(String name, int fallback) {
        String v = options.get(name);
        return v == null ? fallback : Integer.parseInt(v.strip());
    }

    /** The option {@code name} as a boolean, or {@code fallback}. */
    public boolean booleanOption(String name, boolean fallback) {
        String v = options.get(name);
        return v == null ? fallback : Boolean.parseBoolean(v.strip());
    }
}
