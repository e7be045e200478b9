package dev.barehttp.client;

import dev.barehttp.codec.HttpConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of an {@link HttpClient}.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>name</th><th>default</th><th>effect</th></tr>
 *   <tr><td>{@code connectTimeout}</td><td>10 s</td><td>a connection not established this long: the
 *       connect fails with {@link java.net.SocketTimeoutException}</td></tr>
 *   <tr><td>{@code readTimeout}</td><td>30 s</td><td>no byte from the server this long while a response is
 *       awaited: {@link java.net.SocketTimeoutException}, and the connection is closed</td></tr>
 *   <tr><td>{@code continueTimeout}</td><td>1 s</td><td>how long a request with {@code Expect: 100-continue}
 *       waits for the {@code 100} before sending its body anyway (RFC 9110 section 10.1.1)</td></tr>
 *   <tr><td>{@code config}</td><td>{@link HttpConfig#defaults()}</td><td>the codec's limits, applied to
 *       responses (status line, header section, body size, chunk lines)</td></tr>
 * </table>
 *
 * @param connectTimeout time allowed to establish a connection (and its TLS handshake)
 * @param readTimeout time allowed between two reads while a response is awaited
 * @param continueTimeout time a body waits for {@code 100 Continue}
 * @param config the codec's limits
 */
public record ClientOptions(Duration connectTimeout, Duration readTimeout, Duration continueTimeout, HttpConfig config) {
    private static final ClientOptions DEFAULTS = new ClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(1), HttpConfig.defaults());

    /** Checks that every setting is present and every timeout positive and at most {@code Integer.MAX_VALUE} ms. */
    public ClientOptions {
        Objects.requireNonNull(config, "config");
        checkTimeout("connectTimeout", connectTimeout);
        checkTimeout("readTimeout", readTimeout);
        checkTimeout("continueTimeout", continueTimeout);
    }

    private static void checkTimeout(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive and at most Integer.MAX_VALUE ms: " + d);
        }
    }

    /** The documented defaults. */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /** These settings with another connect timeout. */
    public ClientOptions withConnectTimeout(Duration d) {
        return new ClientOptions(d, readTimeout, continueTimeout, config);
    }

    /** These settings with another read timeout. */
    public ClientOptions withReadTimeout(Duration d) {
        return new ClientOptions(connectTimeout, d, continueTimeout, config);
    }

    /** These settings with another wait for {@code 100 Continue}. */
    public ClientOptions withContinueTimeout(Duration d) {
        return new ClientOptions(connectTimeout, readTimeout, d, config);
    }

    /** These settings with other codec limits. */
    public ClientOptions withConfig(HttpConfig c) {
        return new ClientOptions(connectTimeout, readTimeout, continueTimeout, c);
    }
}
