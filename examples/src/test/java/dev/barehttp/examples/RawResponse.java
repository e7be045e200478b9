package dev.barehttp.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One response cut from the bytes of a connection (Content-Length framing, or none), enough to
 * check the answers of a test exchange one by one.
 *
 * @param statusLine e.g. {@code HTTP/1.1 200 OK}
 * @param headers the header lines, {@code name: value}, names lower-cased
 * @param body the body text
 */
record RawResponse(String statusLine, List<String> headers, String body) {

    /** The status code. */
    int status() {
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    /** The value of header {@code name} (lower case), or null. */
    String header(String name) {
        for (String h : headers) {
            if (h.startsWith(name + ":")) {
                return h.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /**
     * Splits everything a connection answered into responses. A HEAD answer is cut without a body
     * when {@code heads} says which responses (by position) answer HEAD.
     */
    static List<RawResponse> parseAll(String wire, boolean... heads) {
        List<RawResponse> responses = new ArrayList<>();
        int at = 0;
        while (at < wire.length()) {
            int end = wire.indexOf("\r\n\r\n", at);
            if (end < 0) {
                throw new AssertionError("an incomplete head at " + at + ": " + wire.substring(at));
            }
            String[] lines = wire.substring(at, end).split("\r\n");
            List<String> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(lines[i].substring(0, colon).toLowerCase(Locale.ROOT) + lines[i].substring(colon));
            }
            RawResponse head = new RawResponse(lines[0], headers, "");
            boolean isHead = responses.size() < heads.length && heads[responses.size()];
            String length = head.header("content-length");
            int bodyStart = end + 4;
            int bodyEnd = isHead || length == null ? bodyStart : bodyStart + Integer.parseInt(length);
            if (!isHead && length == null) {
                bodyEnd = wire.length();
            }
            responses.add(new RawResponse(lines[0], headers, wire.substring(bodyStart, Math.min(bodyEnd, wire.length()))));
            at = bodyEnd;
        }
        return responses;
    }
}
