package dev.barehttp;

import dev.barehttp.codec.Headers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An immutable response: a status (with an optional reason phrase), header fields, and a body
 * that is bytes (sent with Content-Length), a stream the application writes (chunked to HTTP/1.1
 * clients), or a file (Content-Length, sent by the transport's most efficient means).
 *
 * <pre>{@code
 * Response.text(200, "hello").withHeader("Cache-Control", "no-store")
 * Response.of(204)
 * Response.stream(200, out -> out.write(...)).withHeader("Content-Type", "text/plain")
 * Response.file(Path.of("index.html")).withHeader("Content-Type", "text/html")
 * Response.file(Path.of("video.mp4"), 1000, 500).withStatus(206)    // bytes 1000-1499
 * }</pre>
 *
 * Framing fields ({@code Content-Length}, {@code Transfer-Encoding}) are set by the server from
 * the body; {@code Transfer-Encoding} may not be set by hand.
 */
public final class Response {
    /** The body of a response: bytes, a stream, a file, or the connection itself after a protocol switch. */
    public sealed interface Body permits BytesBody, StreamBody, FileBody, SwitchBody {
    }

    /**
     * No HTTP body: the connection switches protocols ({@code 101} after an {@code Upgrade} request) or
     * becomes a tunnel (a 2xx to {@code CONNECT}), and {@code handler} serves its raw bytes.
     *
     * @param protocol the protocol switched to, as named in the request's {@code Upgrade} field; null for a tunnel
     * @param handler serves the connection from then on
     */
    public record SwitchBody(String protocol, UpgradeHandler handler) implements Body {
        /** Checks the handler is present. */
        public SwitchBody {
            Objects.requireNonNull(handler, "handler");
        }
    }

    /**
     * A body held in memory. The server sends the array itself, without a copy, and may write it to the
     * socket after the handler returned: the array must not be modified once it is in a response.
     *
     * @param bytes the body
     */
    public record BytesBody(byte[] bytes) implements Body {
        /** Checks the array is present. */
        public BytesBody {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * A body written by the application as it is sent.
     *
     * @param writer fills the body
     * @param trailers the trailer fields, asked for after the writer returns (null for none)
     */
    public record StreamBody(BodyWriter writer, Supplier<Headers> trailers) implements Body {
        /** Checks the writer is present. */
        public StreamBody {
            Objects.requireNonNull(writer, "writer");
        }
    }

    /**
     * A file, or a region of one, sent with Content-Length.
     *
     * @param path the file
     * @param offset the first byte sent
     * @param length how many bytes are sent, or {@link #TO_END} for the rest of the file as it is when sent
     */
    public record FileBody(Path path, long offset, long length) implements Body {
        /** The {@code length} of a body that runs to the end of the file. */
        public static final long TO_END = -1;

        /**
         * Checks the path is present and the region is not negative.
         *
         * @throws IllegalArgumentException for a negative offset, or a length below {@link #TO_END}
         */
        public FileBody {
            Objects.requireNonNull(path, "path");
            if (offset < 0 || length < TO_END) {
                throw new IllegalArgumentException("a file region starts at 0 or later and has a length: "
                        + offset + ", " + length);
            }
        }

        /** The whole file. */
        public FileBody(Path path) {
            this(path, 0, TO_END);
        }
    }

    private static final BytesBody EMPTY = new BytesBody(new byte[0]);

    private final int status;
    private final String reason;
    private final Headers headers;
    private final Body body;

    private Response(int status, String reason, Headers headers, Body body) {
        if ((status < 200 || status > 599) && !(status == 101 && body instanceof SwitchBody)) {
            throw new IllegalArgumentException("status must be 200-599 (101 only through upgrade): " + status);
        }
        if (body instanceof SwitchBody && status != 101 && (status < 200 || status > 299)) {
            throw new IllegalArgumentException("a tunnel opens with a 2xx status: " + status);
        }
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
    }

    /** A response with {@code status} and no body. */
    public static Response of(int status) {
        return new Response(status, null, Headers.EMPTY, EMPTY);
    }

    /** 200 with a UTF-8 {@code text/plain} body. */
    public static Response ok(String text) {
        return text(200, text);
    }

    /** {@code status} with a UTF-8 {@code text/plain} body. */
    public static Response text(int status, String text) {
        return of(status).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code status} with a body of the given content type. The array is sent by reference (not copied),
     * so it must not be modified afterwards; one array may serve any number of responses.
     */
    public static Response bytes(int status, String contentType, byte[] body) {
        return of(status).withHeader("Content-Type", contentType).withBody(body);
    }

    /** {@code status} with a body written by {@code writer} as it is sent. */
    public static Response stream(int status, BodyWriter writer) {
        return new Response(status, null, Headers.EMPTY, new StreamBody(writer, null));
    }

    /** 200 with the file at {@code path} as body. */
    public static Response file(Path path) {
        return new Response(200, null, Headers.EMPTY, new FileBody(path));
    }

    /**
     * 200 with {@code length} bytes of the file at {@code path} from {@code offset} as body, e.g. for
     * a {@code 206} answer to a {@code Range} request (set the status with {@link #withStatus}).
     *
     * @throws IllegalArgumentException for a negative offset or length
     */
    public static Response file(Path path, long offset, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("a file region has a length of 0 or more: " + length);
        }
        return new Response(200, null, Headers.EMPTY, new FileBody(path, offset, length));
    }

    /**
     * A redirect to {@code location} with no body: 301, 302, 303, 307 or 308 (RFC 9110 section 15.4).
     * 303 makes the client follow with a GET; 307 and 308 keep the method and body.
     *
     * @throws IllegalArgumentException for another status, or a location that is empty or holds a
     *     character a URI reference may not (space, controls, non-ASCII): it is a field value sent as is
     */
    public static Response redirect(int status, String location) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("a redirect is 301, 302, 303, 307 or 308: " + status);
        }
        if (location.isEmpty() || !location.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("Location must be a URI reference in printable US-ASCII: " + location);
        }
        return of(status).withHeader("Location", location);
    }

    /**
     * A copy with one more {@code Set-Cookie} field (each cookie gets its own field line).
     *
     * @throws IllegalStateException as {@link SetCookie#toHeaderValue()}
     */
    public Response withCookie(SetCookie cookie) {
        return withHeader("Set-Cookie", cookie.toHeaderValue());
    }

    /**
     * {@code 101 Switching Protocols} to {@code protocol} (RFC 9110 section 7.8), for a request whose
     * {@code Upgrade} field offers it; {@code handler} then owns the connection. Headers added with
     * {@link #withHeader} go into the 101 (a WebSocket's {@code Sec-WebSocket-Accept}, say). A request
     * that did not offer the protocol gets a logged 500 instead.
     */
    public static Response upgrade(String protocol, UpgradeHandler handler) {
        Objects.requireNonNull(protocol, "protocol");
        return new Response(101, null, Headers.EMPTY, new SwitchBody(protocol, handler));
    }

    /**
     * A {@code 200} to a {@code CONNECT} request that opens a tunnel (RFC 9110 section 9.3.6):
     * {@code handler} then relays the connection's bytes. Any other request gets a logged 500.
     */
    public static Response tunnel(UpgradeHandler handler) {
        return new Response(200, null, Headers.EMPTY, new SwitchBody(null, handler));
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The custom reason phrase, or null for the standard one. */
    public String reason() {
        return reason;
    }

    /** The header fields set by the application. */
    public Headers headers() {
        return headers;
    }

    /** The body. */
    public Body body() {
        return body;
    }

    /** A copy with another status. */
    public Response withStatus(int newStatus) {
        return new Response(newStatus, reason, headers, body);
    }

    /** A copy with a custom reason phrase (validated: no CR, LF or controls). */
    public Response withReason(String newReason) {
        if (newReason != null) {
            Headers.of("reason", newReason);
        }
        return new Response(status, newReason, headers, body);
    }

    /**
     * A copy with one more header field.
     *
     * @throws IllegalArgumentException for an invalid name or value (no CR or LF: no response
     *     splitting), or for {@code Transfer-Encoding}, which the server chooses
     */
    public Response withHeader(String name, String value) {
        if (name.equalsIgnoreCase("transfer-encoding")) {
            throw new IllegalArgumentException("Transfer-Encoding is chosen by the server");
        }
        return new Response(status, reason, Headers.builder().addAll(headers).add(name, value).build(), body);
    }

    /** A copy where {@code name} has exactly the one value {@code value}. */
    public Response withHeaderSet(String name, String value) {
        if (name.equalsIgnoreCase("transfer-encoding")) {
            throw new IllegalArgumentException("Transfer-Encoding is chosen by the server");
        }
        return new Response(status, reason, Headers.builder().addAll(headers).set(name, value).build(), body);
    }

    /** A copy with a body of bytes. */
    public Response withBody(byte[] bytes) {
        return new Response(status, reason, headers, new BytesBody(bytes));
    }

    /** A copy with a UTF-8 text body (the Content-Type is left as it is). */
    public Response withBody(String text) {
        return withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with a streamed body. */
    public Response withStream(BodyWriter writer) {
        return new Response(status, reason, headers, new StreamBody(writer, null));
    }

    /** A copy with a streamed body followed by trailer fields (sent when the body is chunked). */
    public Response withStream(BodyWriter writer, Supplier<Headers> trailers) {
        return new Response(status, reason, headers, new StreamBody(writer, trailers));
    }

    /** A copy with a file body. */
    public Response withFile(Path path) {
        return new Response(status, reason, headers, new FileBody(path));
    }

    /** A copy with a body of {@code length} bytes of the file at {@code path} from {@code offset}. */
    public Response withFile(Path path, long offset, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("a file region has a length of 0 or more: " + length);
        }
        return new Response(status, reason, headers, new FileBody(path, offset, length));
    }

    /** A copy without any field named {@code name}. */
    public Response withoutHeader(String name) {
        return new Response(status, reason, Headers.builder().addAll(headers).remove(name).build(), body);
    }

    @Override
    public String toString() {
        return "Response[" + status + (reason != null ? " " + reason : "") + ", " + headers + ", "
                + body.getClass().getSimpleName() + "]";
    }
}
