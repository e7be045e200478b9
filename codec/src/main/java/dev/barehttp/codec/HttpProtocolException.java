package dev.barehttp.codec;

/**
 * The one error the codec raises for bytes a peer sent: it carries the HTTP status to answer
 * with and a message saying what was wrong. After it, the connection is in a final error state.
 *
 * <p>Instances are made through the named factories, one per status, so a reader of the parser
 * sees which rule answers which status.
 */
public final class HttpProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    private HttpProtocolException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /**
     * The status code the server should answer with (400, 408, 413, 414, 417, 431, 501, 503, 505), or
     * 502 for an invalid response seen by the client role.
     */
    public int status() {
        return status;
    }

    /** Every protocol error ends the connection: framing can no longer be trusted after it. */
    public boolean closesConnection() {
        return true;
    }

    /** 400: the request is malformed. */
    public static HttpProtocolException badRequest(String message) {
        return new HttpProtocolException(400, message);
    }

    /** 408: the request did not arrive in time. */
    public static HttpProtocolException requestTimeout(String message) {
        return new HttpProtocolException(408, message);
    }

    /** 413: the request body is larger than the configured limit. */
    public static HttpProtocolException contentTooLarge(String message) {
        return new HttpProtocolException(413, message);
    }

    /** 414: the request line is longer than the configured limit. */
    public static HttpProtocolException uriTooLong(String message) {
        return new HttpProtocolException(414, message);
    }

    /** 417: an {@code Expect} header other than {@code 100-continue}. */
    public static HttpProtocolException expectationFailed(String message) {
        return new HttpProtocolException(417, message);
    }

    /** 431: the header section is larger, or has more fields, than the configured limits. */
    public static HttpProtocolException headersTooLarge(String message) {
        return new HttpProtocolException(431, message);
    }

    /** 501: a transfer coding the codec does not implement. */
    public static HttpProtocolException notImplemented(String message) {
        return new HttpProtocolException(501, message);
    }

    /**
     * 502: a response that breaks the protocol, seen by the client role. Its status is the one a
     * gateway answers its own client with (RFC 9110 section 15.6.3).
     */
    public static HttpProtocolException invalidResponse(String message) {
        return new HttpProtocolException(502, message);
    }

    /** 503: the server will not take this connection (too many open, or shutting down). */
    public static HttpProtocolException serviceUnavailable(String message) {
        return new HttpProtocolException(503, message);
    }

    /** 505: a well-formed HTTP version other than 1.0 and 1.1. */
    public static HttpProtocolException versionNotSupported(String message) {
        return new HttpProtocolException(505, message);
    }

    @Override
    public String toString() {
        return "HttpProtocolException[" + status + "]: " + getMessage();
    }
}
