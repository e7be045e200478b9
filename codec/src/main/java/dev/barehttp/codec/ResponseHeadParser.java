package dev.barehttp.codec;

import java.nio.charset.StandardCharsets;

/**
 * Reads one response head (RFC 9112 sections 4 and 5) from the input buffer, incrementally: the
 * client role's counterpart of {@link RequestHeadParser}, sharing its field reader and limits.
 *
 * <pre>
 *   STATUS_LINE --line--> FIELDS --empty line--> (head complete, reset)
 * </pre>
 *
 * The status line is held to {@code maxRequestLineLength} (the limit of a start line). Unlike a
 * server before a request line (RFC 9112 section 2.2), a client is given no leave to skip empty
 * lines before a status line, so one is refused. Each step returns null when it needs more bytes.
 */
final class ResponseHeadParser {
    private enum State { STATUS_LINE, FIELDS }

    private final HttpConfig config;
    private final FieldSectionReader fields;
    private State state = State.STATUS_LINE;
    private int scan;
    private int status;
    private String reason;
    private HttpVersion version;

    ResponseHeadParser(HttpConfig config) {
        this.config = config;
        this.fields = new FieldSectionReader(config.maxHeaderSectionSize(), config.maxHeaderCount(),
                config.allowBareLf());
    }

    /** True when part of a head has been read. */
    boolean inProgress() {
        return state != State.STATUS_LINE || scan > 0;
    }

    /** The next complete head, consumed from {@code in}; null when more bytes are needed. */
    ResponseHead parse(InputBuffer in) {
        if (state == State.STATUS_LINE && !readStatusLine(in)) {
            return null;
        }
        byte[] b = in.array();
        int base = in.start();
        int end = fields.read(b, base, in.end() - base);
        if (end < 0) {
            return null;
        }
        Headers headers = fields.fields(b, base);
        in.consume(end);
        state = State.STATUS_LINE;
        scan = 0;
        return new ResponseHead(status, reason, version, headers);
    }

    private boolean readStatusLine(InputBuffer in) {
        byte[] b = in.array();
        int base = in.start();
        int limit = in.end() - base;
        int lf = LineEnds.findLf(b, base, scan, limit);
        if (lf < 0) {
            scan = limit;
            if (limit > config.maxRequestLineLength() + 1) {
                throw tooLong();
            }
            return false;
        }
        int lineEnd = lineEnd(b, base, lf);
        if (lineEnd > config.maxRequestLineLength()) {
            throw tooLong();
        }
        if (lineEnd == 0) {
            throw HttpProtocolException.invalidResponse("an empty line where a status line belongs (RFC 9112 section 4)");
        }
        parseStatusLine(b, base, base + lineEnd);
        scan = lf + 1;
        state = State.FIELDS;
        fields.reset(scan);
        return true;
    }

    private int lineEnd(byte[] b, int base, int lf) {
        if (lf > 0 && b[base + lf - 1] == '\r') {
            return lf - 1;
        }
        if (!config.allowBareLf()) {
            throw HttpProtocolException.invalidResponse("the status line ends in a bare LF, not CRLF");
        }
        return lf;
    }

    private HttpProtocolException tooLong() {
        return HttpProtocolException.invalidResponse("status line longer than " + config.maxRequestLineLength()
                + " bytes");
    }

    /**
     * status-line = HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 section 4);
     * status-code = 3DIGIT; reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ).
     */
    private void parseStatusLine(byte[] b, int from, int to) {
        version = parseVersion(b, from, to);
        int p = from + 8;
        if (p + 4 > to || b[p] != ' ') {
            throw HttpProtocolException.invalidResponse("the version is not followed by one SP and a status code");
        }
        int code = 0;
        for (int i = p + 1; i <= p + 3; i++) {
            if (!ByteClass.isDigit(b[i])) {
                throw HttpProtocolException.invalidResponse("the status code is not three digits (RFC 9112 section 4)");
            }
            code = code * 10 + (b[i] - '0');
        }
        if (code < 100 || code > 599) {
            throw HttpProtocolException.invalidResponse("status code " + code + " is outside 100-599 (RFC 9110 section 15)");
        }
        if (p + 4 == to || b[p + 4] != ' ') {
            throw HttpProtocolException.invalidResponse("the status code is not followed by SP (RFC 9112 section 4)");
        }
        for (int i = p + 5; i < to; i++) {
            if (!ByteClass.isFieldChar(b[i])) {
                throw HttpProtocolException.invalidResponse("the reason phrase holds a control character (0x"
                        + Integer.toHexString(b[i] & 0xFF) + ")");
            }
        }
        status = code;
        reason = p + 5 == to ? "" : new String(b, p + 5, to - p - 5, StandardCharsets.ISO_8859_1);
    }

    /**
     * HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 section 2.3). A higher minor version of
     * HTTP/1 is read as HTTP/1.1, the highest this codec conforms to (RFC 9110 section 2.5).
     */
    private static HttpVersion parseVersion(byte[] b, int from, int to) {
        if (to - from < 8 || b[from] != 'H' || b[from + 1] != 'T' || b[from + 2] != 'T' || b[from + 3] != 'P'
                || b[from + 4] != '/' || !ByteClass.isDigit(b[from + 5]) || b[from + 6] != '.'
                || !ByteClass.isDigit(b[from + 7])) {
            throw HttpProtocolException.invalidResponse("the status line does not start with an HTTP version");
        }
        if (b[from + 5] != '1') {
            throw HttpProtocolException.invalidResponse("HTTP version " + (char) b[from + 5] + "." + (char) b[from + 7]
                    + " is not HTTP/1");
        }
        return b[from + 7] == '0' ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }
}
