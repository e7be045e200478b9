package dev.barehttp.spi;

import dev.barehttp.Handler;

/**
 * What every connection driver of one server shares, made once per server: the application, and what the
 * codec's {@link dev.barehttp.codec.HttpConfig} does not cover because it concerns sockets rather than the
 * protocol.
 *
 * @param handler the application
 * @param secure whether the server's connections are over TLS ({@link dev.barehttp.Request#isSecure()})
 * @param writeTimeoutMillis a peer that accepts no output byte for this long is closed (inactivity, not
 *     total time); zero or less disables it
 * @param lingerMillis after a final response, how long input is read and discarded before the close, so
 *     that unread request bytes do not turn the close into a reset that destroys the response
 * @param trimDelayMillis how long a connection stays idle before its buffers are released
 * @param errorAnswers the application's part in answers to protocol errors
 */
public record DriverSettings(Handler handler, boolean secure, long writeTimeoutMillis, long lingerMillis,
                             long trimDelayMillis, ErrorAnswers errorAnswers) {
    /** The linger time when no {@code lingerMillis} option is given. */
    public static final long DEFAULT_LINGER_MILLIS = 1_000;
    /** The options every transport takes because the driver (or the SPI's shared parts) reads them. */
    public static final java.util.List<TransportOption> OPTIONS = java.util.List.of(
            new TransportOption("lingerMillis", TransportOption.Kind.NON_NEGATIVE_INT,
                    "milliseconds a closing connection discards input before the close (default 1000)"),
            new TransportOption(ConnectionsPerAddress.OPTION, TransportOption.Kind.NON_NEGATIVE_INT,
                    "most connections open at once from one client address, 0 for no cap (default 0)"));
    /** The idle time before buffers are released. */
    public static final long DEFAULT_TRIM_DELAY_MILLIS = 1_000;

    /** Checks the values. */
    public DriverSettings {
        java.util.Objects.requireNonNull(handler, "handler");
        errorAnswers = errorAnswers == null ? ErrorAnswers.STANDARD : errorAnswers;
        if (lingerMillis < 0 || trimDelayMillis < 0) {
            throw new IllegalArgumentException("lingerMillis and trimDelayMillis must not be negative");
        }
    }

    /**
     * The settings of a server: its handler, whether it has a TLS context, the codec's write timeout and
     * the {@code lingerMillis} option.
     */
    public static DriverSettings from(ServerSettings settings) {
        return new DriverSettings(settings.handler(), settings.tls() != null, settings.config().writeTimeoutMillis(),
                settings.intOption("lingerMillis", (int) DEFAULT_LINGER_MILLIS), DEFAULT_TRIM_DELAY_MILLIS,
                settings.errorAnswers());
    }
}
