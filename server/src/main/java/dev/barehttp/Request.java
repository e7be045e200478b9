package dev.barehttp;

import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A request as the application sees it: the codec's {@link RequestHead}, the decoded path and
 * query, the router's path parameters, the connection's addresses, and the body as a stream that
 * reads from the connection as bytes arrive.
 */
public final class Request {
    private final RequestHead head;
    private final InputStream body;
    private final Supplier<Headers> trailers;
    private final InetSocketAddress remoteAddress;
    private final InetSocketAddress localAddress;
    private final boolean secure;
    private final RequestPath path;
    private final String rawQuery;
    private final Map<String, String> pathParameters;
    private final Map<AttributeKey<?>, Object> attributes;
    private final Interim interim;
    private Map<String, List<String>> queryParameters;
    private List<Cookie> cookies;

    /**
     * A request over a connection.
     *
     * @throws HttpProtocolException (400) when the target's path does not percent-decode to UTF-8, holds
     *     a NUL, or climbs above the root with {@code ..} (see {@link #path()})
     */
    public Request(RequestHead head, InputStream body, Supplier<Headers> trailers,
                   InetSocketAddress remoteAddress, InetSocketAddress localAddress, boolean secure) {
        this(head, body, trailers, remoteAddress, localAddress, secure, NO_INTERIM);
    }

    /**
     * A request over a connection that can send interim responses ({@link #sendInterim}).
     *
     * @throws HttpProtocolException as the other constructor
     */
    public Request(RequestHead head, InputStream body, Supplier<Headers> trailers,
                   InetSocketAddress remoteAddress, InetSocketAddress localAddress, boolean secure, Interim interim) {
        this(head, body, trailers, remoteAddress, localAddress, secure,
                RequestPath.parse(TargetParts.rawPath(head.target())), TargetParts.rawQuery(head.target()),
                Map.of(), Map.of(), interim);
    }

    /** Sends an interim (1xx) response on the request's connection; see {@link Request#sendInterim}. */
    @FunctionalInterface
    public interface Interim {
        /** Sends it now; false when it cannot be sent (HTTP/1.0, or the final response has begun). */
        boolean send(int status, Headers fields) throws IOException;
    }

    private static final Interim NO_INTERIM = (status, fields) -> false;

    private Request(RequestHead head, InputStream body, Supplier<Headers> trailers, InetSocketAddress remoteAddress,
                    InetSocketAddress localAddress, boolean secure, RequestPath path, String rawQuery,
                    Map<String, String> pathParameters, Map<AttributeKey<?>, Object> attributes, Interim interim) {
        this.interim = Objects.requireNonNull(interim, "interim");
        this.head = Objects.requireNonNull(head, "head");
        this.body = Objects.requireNonNull(body, "body");
        this.trailers = Objects.requireNonNull(trailers, "trailers");
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.secure = secure;
        this.path = path;
        this.rawQuery = rawQuery;
        this.pathParameters = Map.copyOf(pathParameters);
        this.attributes = attributes;
    }

    /** The same request with the given path parameters (the router calls this). */
    public Request withPathParameters(Map<String, String> parameters) {
        return new Request(head, body, trailers, remoteAddress, localAddress, secure, path, rawQuery, parameters,
                attributes, interim);
    }

    /**
     * The same request with attribute {@code key} set to {@code value} (or removed, for null): a
     * {@link Filter} passes it on to the handler it wraps.
     */
    public <T> Request withAttribute(AttributeKey<T> key, T value) {
        Map<AttributeKey<?>, Object> changed = new HashMap<>(attributes);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, key.cast(value));
        }
        return new Request(head, body, trailers, remoteAddress, localAddress, secure, path, rawQuery, pathParameters,
                Map.copyOf(changed), interim);
    }

    /** The value of attribute {@code key}, or null when no filter set it. */
    public <T> T attribute(AttributeKey<T> key) {
        return key.cast(attributes.get(key));
    }

    /**
     * Sends an interim response before the final one, e.g. {@code 103 Early Hints} (RFC 8297) or a 1xx
     * a proxy forwards: a status from 100 to 199 but 101 (see {@link Response#upgrade}), with
     * {@code fields}. Never to an HTTP/1.0 client (RFC 9110 section 15.2) and never once the final
     * response has begun: then nothing is sent and the answer is false.
     *
     * @throws IllegalArgumentException for another status, or a field that is not a valid name and value
     * @throws IOException when the connection failed
     */
    public boolean sendInterim(int status, Headers fields) throws IOException {
        return interim.send(status, fields);
    }

    /** {@code 103 Early Hints} with {@code links} (e.g. {@code Link: </app.css>; rel=preload; as=style}). */
    public boolean sendEarlyHints(Headers links) throws IOException {
        return sendInterim(103, links);
    }

    /** The codec's view of the request line and headers. */
    public RequestHead head() {
        return head;
    }

    /** The method, e.g. {@code GET}. */
    public String method() {
        return head.method();
    }

    /** The request-target exactly as received, e.g. {@code /users/7?x=1}. */
    public String target() {
        return head.target();
    }

    /**
     * The percent-decoded path with dot segments removed, e.g. {@code /users/7} for
     * {@code /users/./7}; {@code *} for an asterisk-form target. Each segment is decoded on its own,
     * so a {@code %2F} shows here as {@code /} although it separates nothing: look files and keys up
     * by {@link #pathSegments()}, never by splitting this string.
     */
    public String path() {
        return path.decoded();
    }

    /**
     * The path's segments, each percent-decoded on its own, after dot segments were removed
     * (RFC 3986 section 5.2.4; {@code %2e%2e} counts as {@code ..}): {@code /a/b%2Fc} is
     * {@code ["a", "b/c"]}, {@code /} is {@code [""]}, a trailing slash ends with {@code ""}. Never
     * holds {@code .}, {@code ..} or NUL. Empty for a target that is not a path ({@code *}).
     */
    public List<String> pathSegments() {
        return path.segments();
    }

    /** The path as received, still percent-encoded, e.g. {@code /a%20b} (for {@code Location} values). */
    public String rawPath() {
        return TargetParts.rawPath(head.target());
    }

    /** The parsed path, for the router. */
    RequestPath requestPath() {
        return path;
    }

    /**
     * The authority the request is for (RFC 9110 section 7.2), e.g. {@code example.com:8080}: the
     * request-target's own when it names one (absolute-form, or CONNECT's authority-form; the Host field
     * is then ignored, RFC 9112 section 3.2.2), else the Host field's value (checked by the codec:
     * {@code uri-host [ ":" port ]}); empty when neither names one (HTTP/1.0 without Host). As the
     * client sent it: not lower-cased, the port kept only when given.
     */
    public String authority() {
        String own = head.targetAuthority();
        if (own != null) {
            return own;
        }
        String host = head.headers().get("host");
        return host == null ? "" : host;
    }

    /** The raw query after '?', or null when the target has none. */
    public String query() {
        return rawQuery;
    }

    /** Decoded query parameters in order; a repeated key keeps every value. */
    public Map<String, List<String>> queryParameters() {
        if (queryParameters == null) {
            queryParameters = TargetParts.queryParameters(rawQuery);
        }
        return queryParameters;
    }

    /** The first value of query parameter {@code name}, or null. */
    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null ? null : values.get(0);
    }

    /** Path parameters bound by the {@link Router}, e.g. {@code id} for {@code /users/{id}}. */
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    /** The path parameter {@code name}, or null. */
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The header fields (names in lower case, repeated fields joined by {@link Headers#get}). */
    public Headers headers() {
        return head.headers();
    }

    /** The value of header {@code name} (comma-folded when repeated), or null. */
    public String header(String name) {
        return head.headers().get(name);
    }

    /**
     * Every value of header {@code name}, one element per field line, in the order received (empty
     * when there is none); for a field whose values are not a comma list, such as {@code Cookie}.
     */
    public List<String> headers(String name) {
        return head.headers().all(name);
    }

    /**
     * The cookies of the {@code Cookie} field lines, in the order sent (RFC 6265 section 5.4: the most
     * specific path first). Parsing is lenient: a pair that is malformed, has a name that is not a
     * token, or a value with control or non-ASCII characters is skipped, never an error.
     */
    public List<Cookie> cookies() {
        if (cookies == null) {
            cookies = Cookie.parse(headers("cookie"));
        }
        return cookies;
    }

    /** The value of the first cookie named {@code name} (names are case-sensitive), or null. */
    public String cookie(String name) {
        for (Cookie c : cookies()) {
            if (c.name().equals(name)) {
                return c.value();
            }
        }
        return null;
    }

    /** The trailer fields of a chunked body: empty until the body has been read to its end. */
    public Headers trailers() {
        return trailers.get();
    }

    /** HTTP/1.0 or HTTP/1.1. */
    public HttpVersion version() {
        return head.version();
    }

    /** The peer's address. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The server's address on this connection. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** True when the connection is TLS. */
    public boolean isSecure() {
        return secure;
    }

    /**
     * The body, read from the connection as bytes arrive (never buffered whole). Reading it first
     * sends {@code 100 Continue} when the client asked for it. Empty when there is no body.
     */
    public InputStream body() {
        return body;
    }

    /**
     * The whole body, at most {@code limit} bytes.
     *
     * @throws HttpProtocolException 413 when the body is longer than {@code limit}
     */
    public byte[] bodyBytes(long limit) throws IOException {
        if (head.bodyLength() > limit) {
            throw HttpProtocolException.contentTooLarge("the body is over the limit of " + limit + " bytes");
        }
        byte[] bytes = body.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        if (bytes.length == limit && body.read() >= 0) {
            throw HttpProtocolException.contentTooLarge("the body is over the limit of " + limit + " bytes");
        }
        return bytes;
    }

    /** The whole body as UTF-8 text, at most {@code limit} bytes (413 past it). */
    public String bodyString(long limit) throws IOException {
        return new String(bodyBytes(limit), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return head.method() + " " + head.target() + " " + head.version();
    }
}
