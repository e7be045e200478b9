package dev.barehttp.codec;

import java.util.List;

/**
 * The rules a complete request head must satisfy before its body can be framed:
 * <ul>
 *   <li>Host: exactly one in HTTP/1.1, at most one in HTTP/1.0, with a valid value (RFC 9112 section 3.2);</li>
 *   <li>message body length (RFC 9112 section 6.3): Transfer-Encoding with Content-Length is refused,
 *       so is Transfer-Encoding in HTTP/1.0 (section 6.1), a final coding other than chunked, and a
 *       Content-Length that is not digits or whose repeated values differ; a coding other than
 *       chunked is not implemented (501);</li>
 *   <li>Expect: only {@code 100-continue} is known (RFC 9110 section 10.1.1), anything else is 417;</li>
 *   <li>Connection may not name Content-Length, Transfer-Encoding or Host (RFC 9110 section 7.6.1): 400.</li>
 * </ul>
 */
final class RequestRules {
    private RequestRules() {
    }

    /**
     * The body length the head declares, {@link RequestHead#CHUNKED}, or 0 for no body. A CONNECT
     * request has no content (RFC 9110 section 9.3.6): its framing fields are still checked, but
     * what follows its head is tunnel data, never a body. {@code plainLength} is the one Content-Length
     * value already read when it is plain digits, else -1.
     */
    static long bodyLength(String method, HttpVersion version, Headers headers, long plainLength, HttpConfig config) {
        long length = framedLength(version, headers, plainLength, config);
        return method.equals(Methods.CONNECT) ? 0 : length;
    }

    private static long framedLength(HttpVersion version, Headers headers, long plainLength, HttpConfig config) {
        int noted = FramingFields.of(headers);
        checkHost(version, headers, noted, config);
        if ((noted & FramingFields.EXPECT) != 0) {
            checkExpect(headers.get("expect"));
        }
        checkConnectionOptions(noted);
        boolean hasTransferEncoding = (noted & FramingFields.TRANSFER_ENCODING) != 0;
        boolean hasContentLength = (noted & FramingFields.CONTENT_LENGTH) != 0;
        if (hasTransferEncoding) {
            if (hasContentLength) {
                throw HttpProtocolException.badRequest("both Transfer-Encoding and Content-Length (RFC 9112 section 6.3)");
            }
            if (version == HttpVersion.HTTP_1_0) {
                throw HttpProtocolException.badRequest("Transfer-Encoding in an HTTP/1.0 request (RFC 9112 section 6.1)");
            }
            checkTransferCodings(headers.get("transfer-encoding"));
            return RequestHead.CHUNKED;
        }
        if (hasContentLength) {
            long length = plainLength >= 0 ? plainLength : contentLength(headers.get("content-length"));
            if (length > config.maxBodySize()) {
                throw HttpProtocolException.contentTooLarge("Content-Length " + length + " is over the limit of "
                        + config.maxBodySize() + " bytes");
            }
            return length;
        }
        return 0;
    }

    /** {@code noted}: the {@link FramingFields} bits of the head. */
    private static void checkHost(HttpVersion version, Headers headers, int noted, HttpConfig config) {
        if ((noted & FramingFields.HOST_REPEATED) != 0) {
            throw HttpProtocolException.badRequest("more than one Host field (RFC 9112 section 3.2)");
        }
        if ((noted & FramingFields.HOST) == 0) {
            if (version == HttpVersion.HTTP_1_1 && config.requireHost()) {
                throw HttpProtocolException.badRequest("an HTTP/1.1 request without Host (RFC 9112 section 3.2)");
            }
            return;
        }
        if ((noted & FramingFields.HOST_INVALID) != 0) {
            throw HttpProtocolException.badRequest("the Host field is not uri-host [ \":\" port ] (RFC 9112 section 3.2)");
        }
    }

    /**
     * A connection option naming Content-Length, Transfer-Encoding or Host asks the next hop to remove
     * a field that frames or routes the message for every recipient, which RFC 9110 section 7.6.1
     * forbids a sender to do; an intermediary that obeys it and one that does not frame the same
     * bytes differently, so the request is refused (400).
     */
    private static void checkConnectionOptions(int noted) {
        if ((noted & (FramingFields.CONNECTION_CONTENT_LENGTH | FramingFields.CONNECTION_TRANSFER_ENCODING
                | FramingFields.CONNECTION_HOST)) != 0) {
            throw HttpProtocolException.badRequest(
                    "Connection names a framing or routing field (RFC 9110 section 7.6.1)");
        }
    }

    private static void checkExpect(String expect) {
        if (!ByteClass.equalsAsciiIgnoringCase(expect, "100-continue")) {
            throw HttpProtocolException.expectationFailed("unknown expectation: " + expect);
        }
    }

    /**
     * transfer-coding list (RFC 9112 section 7): {@code transfer-coding = token *( OWS ";" OWS transfer-parameter )}.
     * Only a final member that is exactly the bare token {@code chunked} frames the body:
     * <ul>
     *   <li>a final member that is anything else, {@code chunked;q=1} included, leaves the body
     *       length undeterminable, so section 6.3 (item 4) requires 400 and a close. chunked defines
     *       no parameters, and a parser that drops them frames the body where a stricter one does not,
     *       which is enough to smuggle a request;</li>
     *   <li>chunked before the final member is applied twice (section 7.1): 400;</li>
     *   <li>a well-formed list ending in chunked with another coding before it (a parameter makes a
     *       coding unknown too) is one the codec does not decode: 501 (section 6.1), also closing,
     *       since the body is never read.</li>
     * </ul>
     */
    private static void checkTransferCodings(String value) {
        if (ByteClass.equalsAsciiIgnoringCase(value, "chunked")) {
            return; // nearly every chunked request: the one coding, settled without making the list
        }
        List<String> codings = ListTokens.elementsWithParameters(value);
        if (codings.isEmpty()) {
            throw HttpProtocolException.badRequest("an empty Transfer-Encoding");
        }
        for (int i = 0; i < codings.size(); i++) {
            String coding = codings.get(i);
            if (!ByteClass.isToken(ListTokens.element(coding, 0, coding.length()))) {
                throw HttpProtocolException.badRequest("a transfer coding is not a token: " + coding);
            }
        }
        int last = codings.size() - 1;
        if (!ByteClass.equalsAsciiIgnoringCase(codings.get(last), "chunked")) {
            throw HttpProtocolException.badRequest("the final transfer coding is not exactly chunked, without "
                    + "parameters (RFC 9112 sections 6.3 and 7)");
        }
        for (int i = 0; i < last; i++) {
            if (ByteClass.equalsAsciiIgnoringCase(ListTokens.element(codings.get(i), 0, codings.get(i).length()),
                    "chunked")) {
                throw HttpProtocolException.badRequest("chunked is applied more than once (RFC 9112 section 7.1)");
            }
        }
        if (last > 0) {
            throw HttpProtocolException.notImplemented("transfer codings other than chunked are not implemented: "
                    + value);
        }
    }

    /** Content-Length = 1*DIGIT (RFC 9110 section 8.6); a list of identical values is accepted. */
    static long contentLength(String value) {
        long result = -1;
        int n = value.length();
        int start = 0;
        while (start <= n) {
            int end = value.indexOf(',', start);
            if (end < 0) {
                end = n;
            }
            long v = digits(value, start, end);
            if (result >= 0 && v != result) {
                throw HttpProtocolException.badRequest("differing Content-Length values: " + value);
            }
            result = v;
            start = end + 1;
        }
        return result;
    }

    private static long digits(String value, int start, int end) {
        end = ListTokens.trimmedEnd(value, start, end);
        start = ListTokens.trimmedStart(value, start, end);
        if (start == end) {
            throw HttpProtocolException.badRequest("an empty Content-Length value");
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpProtocolException.badRequest("Content-Length is not a number: " + value);
            }
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw HttpProtocolException.badRequest("Content-Length overflows: " + value);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
