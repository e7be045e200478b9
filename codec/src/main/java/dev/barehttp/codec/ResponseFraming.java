package dev.barehttp.codec;

/**
 * How a response body is delimited on the wire (RFC 9112 section 6.3), decided in one place
 * from the request and the response's status and declared length.
 */
public enum ResponseFraming {
    /** No body bytes at all: a response to HEAD, or a 1xx, 204 or 304 (RFC 9110 sections 6.4.1, 9.3.2). */
    NONE,
    /** Exactly Content-Length bytes. */
    CONTENT_LENGTH,
    /** Chunked transfer coding, for a body of unknown length to an HTTP/1.1 client. */
    CHUNKED,
    /** The body ends when the connection closes: unknown length to an HTTP/1.0 client. */
    CLOSE_DELIMITED;

    /**
     * The framing for a response.
     *
     * @param request the request answered
     * @param status the response status
     * @param contentLength the body length when known, or -1
     */
    public static ResponseFraming choose(RequestHead request, int status, long contentLength) {
        if (request.isHead() || status < 200 || status == 204 || status == 304) {
            return NONE;
        }
        if (contentLength >= 0) {
            return CONTENT_LENGTH;
        }
        return request.version() == HttpVersion.HTTP_1_1 ? CHUNKED : CLOSE_DELIMITED;
    }

    /** True when a status never carries content, whatever the request (RFC 9110 sections 15.2, 15.3.5, 15.4.5). */
    static boolean statusForbidsBody(int status) {
        return status < 200 || status == 204 || status == 304;
    }
}
