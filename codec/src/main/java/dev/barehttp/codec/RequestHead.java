package dev.barehttp.codec;

import java.util.Objects;

/**
 * The request line and header section of a request (RFC 9112 sections 3 and 5).
 *
 * @param method the method token, exactly as received (methods are case-sensitive)
 * @param target the request-target, exactly as received
 * @param version the protocol version
 * @param headers the header fields, names in lower case, in the order received
 * @param bodyLength the body length from Content-Length, 0 when there is no body, or
 *     {@link #CHUNKED} when the body is chunked and its length unknown
 */
public record RequestHead(String method, String target, HttpVersion version, Headers headers, long bodyLength)
        implements HttpEvent {

    /** The {@code bodyLength} of a chunked body. */
    public static final long CHUNKED = -1;

    /** Checks the fields: a token method, a non-empty target without whitespace, a known body length. */
    public RequestHead {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        if (method == null || !ByteClass.isToken(method)) {
            throw new IllegalArgumentException("method is not a token: " + method);
        }
        if (target == null || target.isEmpty() || target.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad request-target: " + target);
        }
        if (bodyLength < CHUNKED) {
            throw new IllegalArgumentException("bad body length: " + bodyLength);
        }
    }

    /** True when the request carries a body (a Content-Length above zero, or chunked). */
    public boolean hasBody() {
        return bodyLength != 0;
    }

    /** True when the client waits for {@code 100 Continue} before sending its body (RFC 9110 section 10.1.1). */
    public boolean expectsContinue() {
        return version == HttpVersion.HTTP_1_1 && hasBody() && headers.containsToken("expect", "100-continue");
    }

    /**
     * The authority the request-target names itself, e.g. {@code example.com:8080} for
     * {@code http://example.com:8080/p}: an absolute-form target's (which a server uses instead of Host,
     * RFC 9112 section 3.2.2) or CONNECT's authority-form target; null for origin- and asterisk-form.
     */
    public String targetAuthority() {
        return RequestTargets.authorityOf(method, target);
    }

    /** True for HEAD, whose response carries no body. */
    public boolean isHead() {
        return method.equals("HEAD");
    }
}
