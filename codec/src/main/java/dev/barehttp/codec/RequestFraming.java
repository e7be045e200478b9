package dev.barehttp.codec;

/**
 * How a request body is delimited on the wire (RFC 9112 section 6), decided in one place from the
 * method and what is known of the body when the head is committed.
 */
public enum RequestFraming {
    /** No body and no framing field: a request whose method gives content no meaning, sent without any. */
    NONE,
    /** Exactly Content-Length bytes (also {@code Content-Length: 0} for an empty POST, PUT or PATCH). */
    CONTENT_LENGTH,
    /** Chunked transfer coding, with trailers, for a body of unknown length. */
    CHUNKED;

    /**
     * The framing for a request.
     *
     * @param method the request method
     * @param contentLength the body length when known (declared, or 0 for a request ended before any
     *     body byte), or -1
     * @param declared whether the application declared the length itself with {@code Content-Length}
     */
    public static RequestFraming choose(String method, long contentLength, boolean declared) {
        if (method.equals(Methods.CONNECT)) {
            return NONE;
        }
        if (declared || contentLength > 0) {
            return CONTENT_LENGTH;
        }
        if (contentLength == 0) {
            return anticipatesContent(method) ? CONTENT_LENGTH : NONE;
        }
        return CHUNKED;
    }

    /**
     * True for the methods that define a meaning for content, to which a user agent sends
     * {@code Content-Length} even when the content is empty (RFC 9110 section 8.6).
     */
    static boolean anticipatesContent(String method) {
        return method.equals(Methods.POST) || method.equals(Methods.PUT) || method.equals(Methods.PATCH);
    }
}
