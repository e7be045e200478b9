package dev.barehttp.codec;

import java.util.List;

/**
 * How a client finds the length of a response body (RFC 9112 section 6.3), from the request it
 * sent and the response head, in the order the RFC gives:
 * <ol>
 *   <li>a response to HEAD, and every 1xx, 204 and 304, ends with its header section; their framing
 *       fields are not looked at;</li>
 *   <li>a 2xx to CONNECT, and a 101, switch the connection to another protocol (decided by
 *       {@link ClientConnection}, not here);</li>
 *   <li>Transfer-Encoding with Content-Length is refused, as RFC 9112 section 6.3 advises (a sign of
 *       response splitting), and so is Transfer-Encoding in an HTTP/1.0 response (section 6.1);</li>
 *   <li>Transfer-Encoding whose final coding is chunked: chunked (the codings before it are left for
 *       the application, visible in the field); chunked applied twice is refused (section 7.1); any
 *       other final coding: the body runs until the connection closes;</li>
 *   <li>a Content-Length that is not digits, or whose repeated values differ, is refused;</li>
 *   <li>no framing field: the body runs until the connection closes.</li>
 * </ol>
 */
final class ResponseRules {
    private ResponseRules() {
    }

    /** The framing of the body that follows {@code head}, a response to {@code requestMethod}. */
    static ResponseFraming framing(String requestMethod, ResponseHead head) {
        int status = head.status();
        if (requestMethod.equals(Methods.HEAD) || ResponseFraming.statusForbidsBody(status)) {
            return ResponseFraming.NONE;
        }
        Headers headers = head.headers();
        boolean hasTransferEncoding = headers.contains("transfer-encoding");
        boolean hasContentLength = headers.contains("content-length");
        if (hasTransferEncoding) {
            if (hasContentLength) {
                throw HttpProtocolException.invalidResponse(
                        "both Transfer-Encoding and Content-Length (RFC 9112 section 6.3)");
            }
            if (head.version() == HttpVersion.HTTP_1_0) {
                throw HttpProtocolException.invalidResponse(
                        "Transfer-Encoding in an HTTP/1.0 response (RFC 9112 section 6.1)");
            }
            return codingFraming(headers.get("transfer-encoding"));
        }
        if (hasContentLength) {
            contentLength(headers);
            return ResponseFraming.CONTENT_LENGTH;
        }
        return ResponseFraming.CLOSE_DELIMITED;
    }

    /** The Content-Length of a response whose framing is {@link ResponseFraming#CONTENT_LENGTH}. */
    static long contentLength(Headers headers) {
        try {
            return RequestRules.contentLength(headers.get("content-length"));
        } catch (HttpProtocolException e) {
            throw HttpProtocolException.invalidResponse(e.getMessage() + " (RFC 9112 section 6.3)");
        }
    }

    private static ResponseFraming codingFraming(String value) {
        List<String> codings = ListTokens.elements(value);
        if (codings.isEmpty()) {
            throw HttpProtocolException.invalidResponse("an empty Transfer-Encoding");
        }
        int last = codings.size() - 1;
        if (!isChunked(codings.get(last))) {
            return ResponseFraming.CLOSE_DELIMITED;
        }
        for (int i = 0; i < last; i++) {
            if (isChunked(codings.get(i))) {
                throw HttpProtocolException.invalidResponse("chunked is applied more than once (RFC 9112 section 7.1)");
            }
        }
        return ResponseFraming.CHUNKED;
    }

    private static boolean isChunked(String coding) {
        return ListTokens.contains(coding, "chunked");
    }
}
