package dev.barehttp;

import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.spi.ErrorAnswers;
import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.Transport;
import dev.barehttp.spi.TransportServer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * A running HTTP/1.1 server: a {@link Handler} served by a {@link Transport}.
 *
 * <pre>{@code
 * try (HttpServer server = HttpServer.builder()
 *         .port(8080)
 *         .handler(request -> Response.ok("hello"))
 *         .start()) {
 *     ...
 * }
 * }</pre>
 *
 * The transport is found with {@link java.util.ServiceLoader}: the one named with
 * {@link Builder#transport(String)}, or else the available one with the highest priority
 * ({@code nio} before {@code blocking}). {@link #close()} shuts down gracefully.
 */
public final class HttpServer implements AutoCloseable {
    private final TransportServer server;
    private final String transportName;

    private HttpServer(TransportServer server, String transportName) {
        this.server = server;
        this.transportName = transportName;
    }

    /** A builder with the defaults: 127.0.0.1, port 8080, {@link HttpConfig#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The application's part in answers below its handler: a custom protocol error response, the access log. */
    private static ErrorAnswers errorAnswers(Function<HttpProtocolException, Response> response, AccessLog log) {
        if (response == null && log == null) {
            return ErrorAnswers.STANDARD;
        }
        return new ErrorAnswers() {
            @Override
            public Response responseTo(HttpProtocolException error) {
                return response == null ? null : response.apply(error);
            }

            @Override
            public void sent(InetSocketAddress peer, int status, long bodyBytes) {
                if (log != null) {
                    log.logRefusal(peer, status, bodyBytes);
                }
            }
        };
    }

    /**
     * The handler a server runs for {@code application}: with the innermost filter that turns an
     * {@link HttpException} into its response. {@link dev.barehttp.testing.TestClient} runs the same.
     */
    public static Handler served(Handler application) {
        return application.with(StatusExceptionFilter.INSTANCE);
    }

    /** The names of the transports on the class path, highest priority first. */
    public static java.util.List<String> availableTransports() {
        return TransportRegistry.available().stream().map(Transport::name).toList();
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        return server.port();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The name of the transport serving. */
    public String transport() {
        return transportName;
    }

    /** The number of connections open now. */
    public int openConnections() {
        return server.openConnections();
    }

    /**
     * Graceful shutdown: stop accepting, let requests in flight finish (their responses say
     * {@code Connection: close}), close idle connections at once, force-close what remains after
     * the grace period. Returns when everything is closed.
     */
    @Override
    public void close() {
        server.close();
    }

    /** Collects the settings of a server. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Handler handler;
        private HttpConfig config = HttpConfig.defaults();
        private int maxConnections = 10_000;
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private String transport;
        private SSLContext tls;
        private final Map<String, String> options = new LinkedHashMap<>();
        private AccessLog accessLog;
        private Function<HttpProtocolException, Response> protocolErrorResponse;

        private Builder() {
        }

        /** The address to bind (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The port to bind (default 8080; 0 picks a free one, see {@link HttpServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The application (required). */
        public Builder handler(Handler handler) {
            this.handler = Objects.requireNonNull(handler);
            return this;
        }

        /** Limits and timeouts (default {@link HttpConfig#defaults()}). */
        public Builder config(HttpConfig config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        /** Most connections open at once (default 10,000); more are answered 503 and closed. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** How long {@link HttpServer#close()} lets requests in flight finish (default 10 s). */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = Objects.requireNonNull(grace);
            return this;
        }

        /** The transport by name ({@code "blocking"}, {@code "nio"}); default: the highest priority available. */
        public Builder transport(String name) {
            this.transport = name;
            return this;
        }

        /**
         * Serve TLS with this context (default: plain TCP). Whatever the context enables, the server
         * offers TLS 1.3 and 1.2 only, and {@code http/1.1} as its one ALPN protocol
         * ({@link dev.barehttp.spi.TlsSettings}).
         */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        /**
         * Serve TLS with the key and certificate chain in a PKCS#12 keystore (made with
         * {@code keytool -genkeypair -storetype PKCS12}, or {@code openssl pkcs12 -export}). The file is
         * read now, and again when its modification time changes (looked at, at most once a second, when
         * a new connection's handshake picks its key): new connections then get the new certificate,
         * open ones go on with theirs. A new file that does not load is logged once and the previous keys
         * stay in use.
         *
         * @throws IOException when the file cannot be read
         * @throws GeneralSecurityException when it is not a PKCS#12 keystore with this password, or holds
         *     no key
         */
        public Builder tls(Path keystore, char[] password) throws IOException, GeneralSecurityException {
            ReloadingKeyManager keys = ReloadingKeyManager.open(keystore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keys}, null, null);
            return tls(context);
        }

        /**
         * Logs every request, one line in {@code format} per request, to standard output; see
         * {@link AccessLog} for what a line holds.
         */
        public Builder accessLog(AccessLog.Format format) {
            return accessLog(format, System.out::println);
        }

        /**
         * Logs every request, one line in {@code format} per request, to {@code sink}, which is called
         * concurrently from the serving threads (see {@link AccessLog#to}).
         */
        public Builder accessLog(AccessLog.Format format, Consumer<String> sink) {
            this.accessLog = AccessLog.to(format, sink);
            return this;
        }

        /**
         * The response to a malformed request the codec refused (its status is {@code error.status()}:
         * 400, 408, 413, 414, 431, 501, 505), instead of the standard one-line text; null from the
         * function keeps the standard one. Only a 4xx or 5xx with a bytes body is used, and the connection
         * closes after it whatever it says, since the request's framing can no longer be trusted.
         */
        public Builder protocolErrorResponse(Function<HttpProtocolException, Response> response) {
            this.protocolErrorResponse = response;
            return this;
        }

        /**
         * A transport-specific option, e.g. {@code option("nio.selectors", "2")}; checked by
         * {@link #start()} against the options the chosen transport declares.
         */
        public Builder option(String name, String value) {
            options.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalStateException when no transport is available or the named one is not
         * @throws IllegalArgumentException for an option the transport does not know or a value it does
         *     not take; the message lists the valid options
         * @throws IOException when the address cannot be bound
         */
        public HttpServer start() throws IOException {
            if (handler == null) {
                throw new IllegalStateException("no handler: call handler(...) before start()");
            }
            Transport chosen = TransportRegistry.choose(transport);
            TransportRegistry.checkOptions(chosen, options);
            Handler served = served(handler);
            if (accessLog != null) {
                served = served.with(accessLog);
            }
            ServerSettings settings = new ServerSettings(host, port, served, config, maxConnections, shutdownGrace,
                    tls, options, errorAnswers(protocolErrorResponse, accessLog));
            return new HttpServer(chosen.start(settings), chosen.name());
        }
    }
}
