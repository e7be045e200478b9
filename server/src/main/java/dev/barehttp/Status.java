package dev.barehttp;

/**
 * Status codes as named constants, with the names RFC 9110 section 15 gives them (and, marked,
 * the few that RFC 6585 adds), e.g. {@code Response.text(Status.NOT_FOUND, "no such user")}.
 * The reason phrase the server sends for each is the one the codec knows.
 */
public final class Status {
    private Status() {
    }

    /** The standard reason phrase of {@code status}, e.g. "Not Found"; "" for a code without one. */
    public static String reasonPhrase(int status) {
        return dev.barehttp.codec.StatusReasons.of(status);
    }

    /** 100 Continue (section 15.2.1). */
    public static final int CONTINUE = 100;
    /** 101 Switching Protocols (section 15.2.2). */
    public static final int SWITCHING_PROTOCOLS = 101;

    /** 200 OK (section 15.3.1). */
    public static final int OK = 200;
    /** 201 Created (section 15.3.2). */
    public static final int CREATED = 201;
    /** 202 Accepted (section 15.3.3). */
    public static final int ACCEPTED = 202;
    /** 203 Non-Authoritative Information (section 15.3.4). */
    public static final int NON_AUTHORITATIVE_INFORMATION = 203;
    /** 204 No Content (section 15.3.5). */
    public static final int NO_CONTENT = 204;
    /** 205 Reset Content (section 15.3.6). */
    public static final int RESET_CONTENT = 205;
    /** 206 Partial Content (section 15.3.7). */
    public static final int PARTIAL_CONTENT = 206;

    /** 300 Multiple Choices (section 15.4.1). */
    public static final int MULTIPLE_CHOICES = 300;
    /** 301 Moved Permanently (section 15.4.2). */
    public static final int MOVED_PERMANENTLY = 301;
    /** 302 Found (section 15.4.3). */
    public static final int FOUND = 302;
    /** 303 See Other (section 15.4.4). */
    public static final int SEE_OTHER = 303;
    /** 304 Not Modified (section 15.4.5). */
    public static final int NOT_MODIFIED = 304;
    /** 305 Use Proxy (section 15.4.6, deprecated). */
    public static final int USE_PROXY = 305;
    /** 307 Temporary Redirect (section 15.4.8). */
    public static final int TEMPORARY_REDIRECT = 307;
    /** 308 Permanent Redirect (section 15.4.9). */
    public static final int PERMANENT_REDIRECT = 308;

    /** 400 Bad Request (section 15.5.1). */
    public static final int BAD_REQUEST = 400;
    /** 401 Unauthorized (section 15.5.2); send {@code WWW-Authenticate} with it. */
    public static final int UNAUTHORIZED = 401;
    /** 402 Payment Required (section 15.5.3). */
    public static final int PAYMENT_REQUIRED = 402;
    /** 403 Forbidden (section 15.5.4). */
    public static final int FORBIDDEN = 403;
    /** 404 Not Found (section 15.5.5). */
    public static final int NOT_FOUND = 404;
    /** 405 Method Not Allowed (section 15.5.6); send {@code Allow} with it. */
    public static final int METHOD_NOT_ALLOWED = 405;
    /** 406 Not Acceptable (section 15.5.7). */
    public static final int NOT_ACCEPTABLE = 406;
    /** 407 Proxy Authentication Required (section 15.5.8). */
    public static final int PROXY_AUTHENTICATION_REQUIRED = 407;
    /** 408 Request Timeout (section 15.5.9). */
    public static final int REQUEST_TIMEOUT = 408;
    /** 409 Conflict (section 15.5.10). */
    public static final int CONFLICT = 409;
    /** 410 Gone (section 15.5.11). */
    public static final int GONE = 410;
    /** 411 Length Required (section 15.5.12). */
    public static final int LENGTH_REQUIRED = 411;
    /** 412 Precondition Failed (section 15.5.13). */
    public static final int PRECONDITION_FAILED = 412;
    /** 413 Content Too Large (section 15.5.14). */
    public static final int CONTENT_TOO_LARGE = 413;
    /** 414 URI Too Long (section 15.5.15). */
    public static final int URI_TOO_LONG = 414;
    /** 415 Unsupported Media Type (section 15.5.16). */
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;
    /** 416 Range Not Satisfiable (section 15.5.17). */
    public static final int RANGE_NOT_SATISFIABLE = 416;
    /** 417 Expectation Failed (section 15.5.18). */
    public static final int EXPECTATION_FAILED = 417;
    /** 421 Misdirected Request (section 15.5.20). */
    public static final int MISDIRECTED_REQUEST = 421;
    /** 422 Unprocessable Content (section 15.5.21). */
    public static final int UNPROCESSABLE_CONTENT = 422;
    /** 426 Upgrade Required (section 15.5.22). */
    public static final int UPGRADE_REQUIRED = 426;
    /** 428 Precondition Required (RFC 6585 section 3). */
    public static final int PRECONDITION_REQUIRED = 428;
    /** 429 Too Many Requests (RFC 6585 section 4). */
    public static final int TOO_MANY_REQUESTS = 429;
    /** 431 Request Header Fields Too Large (RFC 6585 section 5). */
    public static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

    /** 500 Internal Server Error (section 15.6.1). */
    public static final int INTERNAL_SERVER_ERROR = 500;
    /** 501 Not Implemented (section 15.6.2). */
    public static final int NOT_IMPLEMENTED = 501;
    /** 502 Bad Gateway (section 15.6.3). */
    public static final int BAD_GATEWAY = 502;
    /** 503 Service Unavailable (section 15.6.4). */
    public static final int SERVICE_UNAVAILABLE = 503;
    /** 504 Gateway Timeout (section 15.6.5). */
    public static final int GATEWAY_TIMEOUT = 504;
    /** 505 HTTP Version Not Supported (section 15.6.6). */
    public static final int HTTP_VERSION_NOT_SUPPORTED = 505;
}
