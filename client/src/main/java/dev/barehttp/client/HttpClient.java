package dev.barehttp.client;

import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.RequestWriter;
import dev.barehttp.codec.ResponseHead;
import dev.barehttp.codec.Signal;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small blocking HTTP/1.1 client for one server: requests go out one at a time over one
 * kept-alive connection, which is opened again when the server (or a response) ends it.
 *
 * <pre>{@code
 * try (HttpClient client = HttpClient.connect("127.0.0.1", 8080)) {
 *     HttpResponse r = client.send("GET", "/hello");
 *     System.out.println(r.status() + " " + r.bodyText());
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Framing, persistence, {@code Expect: 100-continue} and every check of the server's bytes are
 *       the codec's ({@link dev.barehttp.codec.ClientConnection}); this class only moves bytes.</li>
 *   <li>{@code Host} is added (the host and port connected to) unless the headers carry one.</li>
 *   <li>A request on a reused connection that the server closed before answering is sent once more
 *       on a new connection when its method is idempotent and its body is bytes (RFC 9112 section
 *       9.3.1): a server may close an idle connection just as a request goes out.</li>
 *   <li>An invalid response throws {@link HttpProtocolException} (status 502) and closes the
 *       connection; a read that waits longer than the read timeout throws
 *       {@link SocketTimeoutException} and closes it too.</li>
 *   <li>A protocol switch (a {@code 101}, or a 2xx to CONNECT) is not carried: its response is
 *       returned and the connection closed.</li>
 * </ul>
 *
 * <p>Not thread-safe: one thread at a time sends requests.
 */
public final class HttpClient implements Closeable {
    /** Methods whose requests may be repeated without a different effect (RFC 9110 section 9.2.2). */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    private final String host;
    private final int port;
    private final SSLSocketFactory tls;
    private final ClientOptions options;
    private final String authority;
    private ClientSocket socket;
    private ResponseStream open;
    private int connectionsOpened;
    private boolean closed;

    private HttpClient(String host, int port, SSLSocketFactory tls, ClientOptions options) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.tls = tls;
        this.options = Objects.requireNonNull(options, "options");
        boolean defaultPort = port == (tls == null ? 80 : 443);
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        this.authority = defaultPort ? h : h + ":" + port;
    }

    /** Connects to {@code host:port} in plain text, with the default options. */
    public static HttpClient connect(String host, int port) throws IOException {
        return connect(host, port, null, ClientOptions.defaults());
    }

    /** Connects to {@code host:port} in plain text. */
    public static HttpClient connect(String host, int port, ClientOptions options) throws IOException {
        return connect(host, port, null, options);
    }

    /**
     * Connects to {@code host:port} through TLS, with the default options. The server's certificate
     * must match {@code host} (HTTPS endpoint identification).
     *
     * @param tls the factory of TLS sockets, e.g. {@code sslContext.getSocketFactory()}
     */
    public static HttpClient connect(String host, int port, SSLSocketFactory tls) throws IOException {
        return connect(host, port, Objects.requireNonNull(tls, "tls"), ClientOptions.defaults());
    }

    /**
     * Connects to {@code host:port}, through TLS when {@code tls} is not null.
     *
     * @throws IOException when the connection (or the TLS handshake) fails or times out
     */
    public static HttpClient connect(String host, int port, SSLSocketFactory tls, ClientOptions options)
            throws IOException {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        HttpClient client = new HttpClient(host, port, tls, options);
        client.connection();
        return client;
    }

    /** Sends a request without extra headers or body and reads the whole response. */
    public HttpResponse send(String method, String target) throws IOException {
        return send(method, target, Headers.EMPTY, (byte[]) null);
    }

    /**
     * Sends a request and reads the whole response.
     *
     * @param headers extra header fields (Content-Length may be among them; Transfer-Encoding may not)
     * @param body the body, framed with Content-Length; null for a request without one
     * @throws HttpProtocolException (status 502) when the response is invalid
     * @throws IllegalArgumentException for a method, target or header the codec refuses
     * @throws IllegalStateException while a {@link ResponseStream} is still open
     */
    public HttpResponse send(String method, String target, Headers headers, byte[] body) throws IOException {
        return readWhole(open(method, target, headers, body));
    }

    /**
     * Sends a request whose body is written as it is produced (chunked, unless {@code headers}
     * declare a Content-Length) and reads the whole response. With {@code Expect: 100-continue} in
     * {@code headers}, the body is written only after the {@code 100} arrives (or the continue timeout
     * passes), and not at all when a final response comes first. Such a request is never repeated.
     */
    public HttpResponse send(String method, String target, Headers headers, RequestBody body) throws IOException {
        Objects.requireNonNull(body, "body");
        return readWhole(exchange(method, target, headers, s -> writeStreamed(s, body), false));
    }

    /**
     * Sends a request and returns as soon as the response head has arrived; the body is read from
     * {@link ResponseStream#body()}. Close the stream before the next request.
     */
    public ResponseStream open(String method, String target, Headers headers, byte[] body) throws IOException {
        return exchange(method, target, headers, s -> writeBytes(s, headers, body), IDEMPOTENT.contains(method));
    }

    /** True when a connection is open for the next request. */
    public boolean isConnected() {
        return socket != null && socket.reusable();
    }

    /** How many connections this client has opened: 1 as long as keep-alive held. */
    public int connectionsOpened() {
        return connectionsOpened;
    }

    /** Closes the connection; the client sends nothing more. */
    @Override
    public void close() throws IOException {
        closed = true;
        discard();
    }

    // ---------------------------------------------------------------- one exchange

    /** Writes a request body (or none) and says which final response, if any, came before it was done. */
    @FunctionalInterface
    private interface BodyStep {
        ResponseHead write(ClientSocket s) throws IOException;
    }

    private ResponseStream exchange(String method, String target, Headers headers, BodyStep body, boolean retryable)
            throws IOException {
        Objects.requireNonNull(headers, "headers");
        if (open != null) {
            throw new IllegalStateException("the previous response stream is still open: close it first");
        }
        for (int attempt = 0; ; attempt++) {
            ClientSocket s = connection();
            boolean mayRepeat = retryable && attempt == 0 && s.reused();
            ResponseHead head;
            try {
                startRequest(s, method, target, headers);
                s.requestSent();
                ResponseHead early = body.write(s);
                head = early != null ? early : readFinalHead(s);
            } catch (SocketTimeoutException e) {
                discard();
                throw e;
            } catch (IOException e) {
                discard();
                if (mayRepeat) {
                    continue;
                }
                throw e;
            } catch (RuntimeException e) {
                discard();
                throw e;
            }
            if (head == null) {
                discard();
                if (mayRepeat) {
                    continue;
                }
                throw new IOException("the server closed the connection without answering " + method + " " + target);
            }
            open = new ResponseStream(this, s, head);
            return open;
        }
    }

    private void startRequest(ClientSocket s, String method, String target, Headers headers) {
        RequestWriter w = s.codec().request().start(method, target);
        if (!headers.contains("host")) {
            w.header("Host", authority);
        }
        w.headers(headers);
    }

    private static ResponseHead writeBytes(ClientSocket s, Headers headers, byte[] body) throws IOException {
        RequestWriter w = s.codec().request();
        if (body != null) {
            if (!headers.contains("content-length")) {
                w.contentLength(body.length);
            }
            w.write(body);
        }
        w.end();
        s.flush();
        return null;
    }

    private static ResponseHead writeStreamed(ClientSocket s, RequestBody body) throws IOException {
        RequestWriter w = s.codec().request().commit();
        s.flush();
        ResponseHead early = null;
        while (w.awaitingContinue() && early == null) {
            HttpEvent e = s.next();
            if (e instanceof ResponseHead h && !h.isInterim()) {
                early = h;
            } else if (e == Signal.CLOSED) {
                break;
            }
        }
        if (w.bodyRefused()) {
            w.end();
            return early;
        }
        try (BodyOutputStream out = new BodyOutputStream(s)) {
            body.writeTo(out);
        }
        return early;
    }

    /** The final response head, after any interim ones; null when the server closed without answering. */
    private static ResponseHead readFinalHead(ClientSocket s) throws IOException {
        while (true) {
            HttpEvent e = s.next();
            if (e instanceof ResponseHead h && !h.isInterim()) {
                return h;
            }
            if (e == Signal.CLOSED) {
                return null;
            }
        }
    }

    private static HttpResponse readWhole(ResponseStream r) throws IOException {
        try (r) {
            byte[] body;
            try {
                body = r.body().readAllBytes();
            } catch (IOException e) {
                if (e.getCause() instanceof HttpProtocolException invalid) {
                    throw invalid;
                }
                throw e;
            }
            return new HttpResponse(r.status(), r.reason(), r.version(), r.headers(), body, r.trailers());
        }
    }

    // ---------------------------------------------------------------- the connection

    /** The open connection, or a new one when there is none that may carry a request. */
    private ClientSocket connection() throws IOException {
        if (closed) {
            throw new IOException("the client is closed");
        }
        if (socket != null && socket.reusable()) {
            return socket;
        }
        discard();
        socket = ClientSocket.open(host, port, tls, options);
        connectionsOpened++;
        return socket;
    }

    /** Called by a {@link ResponseStream} when it is closed. */
    void exchangeEnded(ClientSocket s) throws IOException {
        open = null;
        if (s == socket && !s.reusable()) {
            discard();
        }
    }

    private void discard() throws IOException {
        open = null;
        ClientSocket s = socket;
        socket = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return "HttpClient[" + authority + (tls != null ? ", TLS" : "") + ", connections opened: " + connectionsOpened
                + "]";
    }
}
