package dev.barehttp;

import dev.barehttp.codec.Headers;
import java.util.Objects;

/**
 * An answer thrown instead of returned: application code anywhere below a handler throws it, and
 * the server sends its {@link #toResponse() response}, e.g.
 *
 * <pre>{@code
 * throw new HttpException(Status.CONFLICT, "the name is taken");
 * throw HttpException.unauthorized("Basic realm=\"admin\", charset=\"UTF-8\"");
 * throw new HttpException(Status.FORBIDDEN, "read only").withHeader("Cache-Control", "no-store");
 * }</pre>
 *
 * The response is {@code text/plain} with the message and a line end as its body, plus the header
 * fields given. It is the application's decision, not a failure: the server does not log it, and
 * it carries no stack trace. An {@link ExceptionMapper} may still map it to another response.
 */
public final class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Headers headers;

    /** {@code status} (300-599) with the status's reason phrase as message. */
    public HttpException(int status) {
        this(status, Status.reasonPhrase(status));
    }

    /**
     * {@code status} (300-599) with {@code message} as the body.
     *
     * @throws IllegalArgumentException for a status outside 300-599
     */
    public HttpException(int status, String message) {
        this(status, message, Headers.EMPTY);
    }

    private HttpException(int status, String message, Headers headers) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("an HttpException answers 300-599: " + status);
        }
        this.status = status;
        this.headers = headers;
    }

    /** 401 with {@code WWW-Authenticate: challenge} (RFC 9110 section 11.6.1 requires one). */
    public static HttpException unauthorized(String challenge) {
        return new HttpException(Status.UNAUTHORIZED).withHeader("WWW-Authenticate", challenge);
    }

    /** 403 with {@code message}. */
    public static HttpException forbidden(String message) {
        return new HttpException(Status.FORBIDDEN, message);
    }

    /** 404 with {@code message}. */
    public static HttpException notFound(String message) {
        return new HttpException(Status.NOT_FOUND, message);
    }

    /** 409 with {@code message}. */
    public static HttpException conflict(String message) {
        return new HttpException(Status.CONFLICT, message);
    }

    /**
     * The same exception with one more header field on its response.
     *
     * @throws IllegalArgumentException for an invalid name or value, as {@link Response#withHeader}
     */
    public HttpException withHeader(String name, String value) {
        toResponse().withHeader(name, value);
        return new HttpException(status, getMessage(), Headers.builder().addAll(headers).add(name, value).build());
    }

    /** The status the response has. */
    public int status() {
        return status;
    }

    /** The header fields added with {@link #withHeader}. */
    public Headers headers() {
        return headers;
    }

    /** The response the server sends for this exception. */
    public Response toResponse() {
        Response response = Response.text(status, getMessage() + "\n");
        for (int i = 0; i < headers.size(); i++) {
            response = response.withHeader(headers.nameAsWritten(i), headers.value(i));
        }
        return response;
    }
}
