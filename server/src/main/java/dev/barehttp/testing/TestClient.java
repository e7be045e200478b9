package dev.barehttp.testing;

import dev.barehttp.Handler;
import dev.barehttp.HttpServer;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.RequestWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Sends requests to a {@link Handler} (a {@link dev.barehttp.Router} is one) with no socket and no
 * thread, along the path a request takes on a server: the client codec encodes it, the server's
 * {@link dev.barehttp.spi.ConnectionDriver} decodes it and runs the handler on the calling thread, and
 * the client codec decodes the answer. What a handler can do on a server works here too: streamed
 * bodies, trailers, {@code Expect: 100-continue}, reading the request body as a stream; an exception
 * it throws becomes the same 500 (or the {@link dev.barehttp.HttpException}'s response).
 *
 * <pre>{@code
 * TestClient client = TestClient.of(router);
 * TestResponse response = client.post("/users", "{\"name\": \"ada\"}");
 * assertEquals(201, response.status());
 * }</pre>
 *
 * <ul>
 *   <li>A request body is given whole when the request is sent: with no other thread, nothing can
 *       be written while the handler runs, so a handler that reads past it sees the body end there
 *       (for a hand-written request, a body cut short: 400).</li>
 *   <li>Requests without a {@code Host} field get {@code Host: localhost}; a body gets
 *       {@code Content-Length}, or chunked framing when trailers are given.</li>
 *   <li>One connection serves the calls one after another (keep-alive); after a response that closes
 *       it, the next call opens a new one, which the handler sees from another remote port.</li>
 *   <li>The handler sees loopback addresses: the server's port is {@value #SERVER_PORT}.</li>
 * </ul>
 *
 * <p>Not thread-safe: one test drives a client at a time.
 */
public final class TestClient {
    /** The local port the handler sees in {@link dev.barehttp.Request#localAddress()}. */
    public static final int SERVER_PORT = 8080;
    private static final int FIRST_REMOTE_PORT = 50_000;
    private static final byte[] NO_BODY = new byte[0];

    private final Handler handler;
    private final HttpConfig config;
    private BackToBackConnection connection;
    private int connectionsOpened;

    private TestClient(Handler handler, HttpConfig config) {
        this.handler = HttpServer.served(Objects.requireNonNull(handler, "handler"));
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A client for {@code handler} under the codec's default limits ({@link HttpConfig#defaults()}). */
    public static TestClient of(Handler handler) {
        return of(handler, HttpConfig.defaults());
    }

    /** A client for {@code handler} whose server side enforces {@code config}. */
    public static TestClient of(Handler handler, HttpConfig config) {
        return new TestClient(handler, config);
    }

    /** {@code GET target}. */
    public TestResponse get(String target) {
        return send("GET", target, Headers.EMPTY, NO_BODY);
    }

    /** {@code HEAD target}: the answer has the headers of a GET and no body. */
    public TestResponse head(String target) {
        return send("HEAD", target, Headers.EMPTY, NO_BODY);
    }

    /** {@code DELETE target}. */
    public TestResponse delete(String target) {
        return send("DELETE", target, Headers.EMPTY, NO_BODY);
    }

    /** {@code POST target} with {@code body} encoded as UTF-8. */
    public TestResponse post(String target, String body) {
        return post(target, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST target} with {@code body}. */
    public TestResponse post(String target, byte[] body) {
        return send("POST", target, Headers.EMPTY, body);
    }

    /** {@code PUT target} with {@code body} encoded as UTF-8. */
    public TestResponse put(String target, String body) {
        return put(target, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code PUT target} with {@code body}. */
    public TestResponse put(String target, byte[] body) {
        return send("PUT", target, Headers.EMPTY, body);
    }

    /**
     * Any request: {@code method target HTTP/1.1} with {@code headers} and {@code body} (Content-Length
     * framing). With {@code Expect: 100-continue} among the headers the body is held back until the
     * server answers 100, and not sent when a final answer comes first.
     *
     * @throws IllegalArgumentException for a method, target or header the client codec refuses to
     *     write (a framing field like {@code Transfer-Encoding}, a control character)
     * @throws IllegalStateException when the server ended the connection without a complete answer, or
     *     wrote one that cannot be read (a body cut short when the handler failed after part of it left)
     */
    public TestResponse send(String method, String target, Headers headers, byte[] body) {
        return send(method, target, headers, body, Headers.EMPTY);
    }

    /**
     * Any request, its body sent with chunked framing when {@code trailers} is not empty, the trailers
     * after its last chunk (RFC 9112 section 7.1.2).
     *
     * @throws IllegalArgumentException for a method, target or header the client codec refuses to write
     * @throws IllegalStateException when the server ended the connection without a complete answer
     */
    public TestResponse send(String method, String target, Headers headers, byte[] body, Headers trailers) {
        BackToBackConnection c = openConnection();
        writeRequest(c.client().request(), method, target, headers, body, trailers);
        List<TestResponse> answers = c.exchange();
        if (c.closed()) {
            connection = null;
        }
        if (answers.size() != 1) {
            throw new IllegalStateException("expected one answer to " + method + " " + target + ", got "
                    + answers.size() + (c.closed() ? "; the connection closed" : ""));
        }
        return answers.get(0);
    }

    private static void writeRequest(RequestWriter w, String method, String target, Headers headers, byte[] body,
                                     Headers trailers) {
        w.start(method, target);
        if (!headers.contains("host")) {
            w.header("Host", "localhost");
        }
        w.headers(headers);
        if (trailers.isEmpty() && body.length > 0 && !headers.contains("content-length")) {
            w.contentLength(body.length);
        }
        if (body.length > 0) {
            w.write(body);
        }
        w.end(trailers);
    }

    /**
     * Sends bytes written by hand, on a connection of their own, then ends the input as a peer that
     * closes would; returns every response the server wrote, in order, decoded by the client codec.
     * For malformed requests: the answer to a protocol error (400, 413, 431, 501...) is among them.
     */
    public List<TestResponse> sendRaw(byte[] bytes) {
        BackToBackConnection raw = new BackToBackConnection(handler, config, nextRemotePort(), true);
        raw.sendRaw(bytes);
        raw.endClientOutput();
        return raw.exchange();
    }

    /** {@link #sendRaw(byte[])} of {@code request}'s ISO-8859-1 bytes, e.g. {@code "GET / HTTP/1.1\r\n..."}. */
    public List<TestResponse> sendRaw(String request) {
        return sendRaw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private BackToBackConnection openConnection() {
        if (connection == null || connection.closed()) {
            connection = new BackToBackConnection(handler, config, nextRemotePort(), false);
        }
        return connection;
    }

    private int nextRemotePort() {
        return FIRST_REMOTE_PORT + connectionsOpened++;
    }
}
