package dev.barehttp.codec;

import java.nio.charset.StandardCharsets;

/**
 * Reads one request head (RFC 9112 sections 2.2, 3 and 5) from the input buffer, incrementally.
 *
 * <pre>
 *   REQUEST_LINE --line--> FIELDS --empty line--> (head complete, reset)
 *        ^  \--empty line (ignored, RFC 9112 section 2.2)
 * </pre>
 *
 * Each step returns null when it needs more bytes; limits are checked while scanning, so an
 * endless line is refused as soon as it passes its limit, whatever the fragmentation.
 */
final class RequestHeadParser {
    private enum State { REQUEST_LINE, FIELDS }

    /** The two versions as words ({@link ByteWords#load}), so that a version is one comparison. */
    private static final long HTTP_1_1 = ByteWords.load("HTTP/1.1".getBytes(StandardCharsets.US_ASCII), 0);
    private static final long HTTP_1_0 = ByteWords.load("HTTP/1.0".getBytes(StandardCharsets.US_ASCII), 0);

    private final HttpConfig config;
    private final FieldSectionReader fields;
    private State state = State.REQUEST_LINE;
    private int scan;
    private String method;
    private String target;
    private HttpVersion version;
    private int bareLineFeeds;

    RequestHeadParser(HttpConfig config) {
        this.config = config;
        this.fields = new FieldSectionReader(config.maxHeaderSectionSize(), config.maxHeaderCount(),
                config.allowBareLf());
    }

    /** True when part of a head has been read (leading empty lines do not count). */
    boolean inProgress() {
        return state != State.REQUEST_LINE || scan > 0;
    }

    /** Releases the field index; only between heads ({@link #inProgress()} false). */
    void trim() {
        if (!inProgress()) {
            fields.trim();
        }
    }

    /** Lines that ended in a bare LF and were accepted because {@code allowBareLf} is set. */
    int bareLineFeeds() {
        return bareLineFeeds + fields.bareLineFeeds();
    }

    /** The next complete head, consumed from {@code in}; null when more bytes are needed. */
    RequestHead parse(InputBuffer in) {
        if (state == State.REQUEST_LINE && !readRequestLine(in)) {
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
        state = State.REQUEST_LINE;
        scan = 0;
        long bodyLength = RequestRules.bodyLength(method, version, headers, fields.plainContentLength(), config);
        return new RequestHead(method, target, version, headers, bodyLength);
    }

    private boolean readRequestLine(InputBuffer in) {
        while (true) {
            byte[] b = in.array();
            int base = in.start();
            int limit = in.end() - base;
            int lf = LineEnds.findLf(b, base, scan, limit);
            if (lf < 0) {
                scan = limit;
                if (limit > config.maxRequestLineLength() + 1) {
                    throw uriTooLong();
                }
                return false;
            }
            if (lf > config.maxRequestLineLength() + 1) {
                // as if the bytes had come one at a time: the limit was passed before the LF arrived
                throw uriTooLong();
            }
            int lineEnd = lineEnd(b, base, lf);
            if (lineEnd > config.maxRequestLineLength()) {
                throw uriTooLong();
            }
            if (lineEnd == 0) {
                in.consume(lf + 1);
                scan = 0;
                continue;
            }
            parseRequestLine(b, base, base + lineEnd);
            scan = lf + 1;
            state = State.FIELDS;
            fields.reset(scan);
            return true;
        }
    }

    private int lineEnd(byte[] b, int base, int lf) {
        if (lf > 0 && b[base + lf - 1] == '\r') {
            return lf - 1;
        }
        if (!config.allowBareLf()) {
            throw HttpProtocolException.badRequest("the request line ends in a bare LF, not CRLF");
        }
        bareLineFeeds++;
        return lf;
    }

    private HttpProtocolException uriTooLong() {
        return HttpProtocolException.uriTooLong("request line longer than " + config.maxRequestLineLength() + " bytes");
    }

    /** request-line = method SP request-target SP HTTP-version (RFC 9112 section 3). */
    private void parseRequestLine(byte[] b, int from, int to) {
        int p = from;
        while (p < to && ByteClass.isTchar(b[p])) {
            p++;
        }
        if (p == from) {
            throw HttpProtocolException.badRequest("the request line does not start with a method token");
        }
        if (p == to || b[p] != ' ') {
            throw HttpProtocolException.badRequest("the method is not a token followed by one SP");
        }
        method = Methods.intern(b, from, p);
        int targetStart = ++p;
        // SP is no target character: one table look-up per byte finds the end and checks the bytes before it
        while (p < to && ByteClass.isTargetChar(b[p])) {
            p++;
        }
        if (p < to && b[p] != ' ') {
            throw HttpProtocolException.badRequest("the request-target holds a forbidden character (0x"
                    + Integer.toHexString(b[p] & 0xFF) + ")");
        }
        if (p == targetStart) {
            throw HttpProtocolException.badRequest("empty request-target (or more than one SP)");
        }
        if (p == to) {
            throw HttpProtocolException.badRequest("no HTTP version in the request line");
        }
        // The root is by far the most requested target: share one string for it.
        target = p - targetStart == 1 && b[targetStart] == '/' ? "/"
                : new String(b, targetStart, p - targetStart, StandardCharsets.ISO_8859_1);
        version = parseVersion(b, p + 1, to);
        RequestTargets.check(method, target);
    }

    /** HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 section 2.3). */
    private static HttpVersion parseVersion(byte[] b, int from, int to) {
        if (to - from == 8) {
            long word = ByteWords.load(b, from);
            if (word == HTTP_1_1) {
                return HttpVersion.HTTP_1_1;
            }
            if (word == HTTP_1_0) {
                return HttpVersion.HTTP_1_0;
            }
        }
        if (to - from == 8 && b[from] == 'H' && b[from + 1] == 'T' && b[from + 2] == 'T' && b[from + 3] == 'P'
                && b[from + 4] == '/' && ByteClass.isDigit(b[from + 5]) && b[from + 6] == '.'
                && ByteClass.isDigit(b[from + 7])) {
            if (b[from + 5] == '1' && b[from + 7] == '1') {
                return HttpVersion.HTTP_1_1;
            }
            if (b[from + 5] == '1' && b[from + 7] == '0') {
                return HttpVersion.HTTP_1_0;
            }
            throw HttpProtocolException.versionNotSupported("HTTP version "
                    + (char) b[from + 5] + "." + (char) b[from + 7] + " is not supported");
        }
        throw HttpProtocolException.badRequest("malformed HTTP version");
    }
}
