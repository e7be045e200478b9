package dev.barehttp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response read back from the bytes the writer produced, by a parser written independently of
 * the codec: status line, fields, then the body framed as RFC 9112 section 6.3 says for a client.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param fields the header fields as [name, value] pairs, names as sent
 * @param body the decoded body
 * @param trailers the trailer fields of a chunked body
 * @param rest the bytes after the response (the next response, if any)
 */
record ParsedResponse(int status, String reason, List<String[]> fields, byte[] body, List<String[]> trailers,
        String rest) {

    /** The value of the first field named {@code name} (case-insensitive), or null. */
    String field(String name) {
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                return f[1];
            }
        }
        return null;
    }

    int count(String name) {
        int n = 0;
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                n++;
            }
        }
        return n;
    }

    String bodyText() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    /**
     * Parses one response.
     *
     * @param wire the bytes, as ISO-8859-1
     * @param requestWasHead whether the request was HEAD (no body whatever the fields say)
     */
    static ParsedResponse parse(String wire, boolean requestWasHead) {
        Cursor c = new Cursor(wire);
        String statusLine = c.line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 13 || statusLine.charAt(12) != ' ') {
            throw new AssertionError("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        List<String[]> fields = c.fields();
        ParsedResponse head = new ParsedResponse(status, statusLine.substring(13), fields, new byte[0], List.of(), "");
        String te = head.field("transfer-encoding");
        String cl = head.field("content-length");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String[]> trailers = List.of();
        if (requestWasHead || status == 204 || status == 304 || status < 200) {
            // no body
        } else if (te != null) {
            if (!te.equals("chunked")) {
                throw new AssertionError("unexpected Transfer-Encoding " + te);
            }
            trailers = c.chunks(body);
        } else if (cl != null) {
            body.writeBytes(c.take(Integer.parseInt(cl)).getBytes(StandardCharsets.ISO_8859_1));
        } else {
            body.writeBytes(c.take(wire.length() - c.pos).getBytes(StandardCharsets.ISO_8859_1));
        }
        return new ParsedResponse(status, head.reason(), fields, body.toByteArray(), trailers, wire.substring(c.pos));
    }

    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        String line() {
            int end = s.indexOf("\r\n", pos);
            if (end < 0) {
                throw new AssertionError("no CRLF after offset " + pos + " in " + s);
            }
            String line = s.substring(pos, end);
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new AssertionError("bare CR or LF in " + line);
            }
            pos = end + 2;
            return line;
        }

        String take(int n) {
            if (pos + n > s.length()) {
                throw new AssertionError("body shorter than " + n);
            }
            String r = s.substring(pos, pos + n);
            pos += n;
            return r;
        }

        List<String[]> fields() {
            List<String[]> out = new ArrayList<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(colon - 1) == ' ') {
                    throw new AssertionError("bad field line " + line);
                }
                out.add(new String[] {line.substring(0, colon), line.substring(colon + 1).strip()});
            }
            return out;
        }

        List<String[]> chunks(ByteArrayOutputStream body) {
            while (true) {
                String sizeLine = line();
                int size = Integer.parseInt(sizeLine.toLowerCase(Locale.ROOT), 16);
                if (size == 0) {
                    return fields();
                }
                body.writeBytes(take(size).getBytes(StandardCharsets.ISO_8859_1));
                if (!line().isEmpty()) {
                    throw new AssertionError("chunk data not followed by CRLF");
                }
            }
        }
    }
}
