package dev.barehttp.tck;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One response exactly as it came off the wire, split just enough to know where it ends
 * (Content-Length, chunked, or the close of the connection).
 */
public final class RawResponse {
    /** What {@link #text()} shows instead of each {@code Date} field's value. */
    public static final String DATE = "<date>";

    private static final Pattern DATE_VALUE = Pattern.compile(
            "(?m)^(Date: )[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT(?=\r\n)");

    private final int status;
    private final Map<String, String> headers;
    private final byte[] wire;
    private final byte[] body;

    private RawResponse(int status, Map<String, String> headers, byte[] wire, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.wire = wire;
        this.body = body;
    }

    /** The lines joined by CRLF: {@code lines("HTTP/1.1 200 OK", "Date: <date>", "", "body")}. */
    public static String lines(String... lines) {
        return String.join("\r\n", lines);
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The value of field {@code name} (case-insensitive), or null. Repeated fields keep the last value. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body, with chunked framing removed. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text, with chunked framing removed. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Every byte of the response as ISO-8859-1 text, with each Date value replaced by {@link #DATE}. */
    public String text() {
        String raw = new String(wire, StandardCharsets.ISO_8859_1);
        return DATE_VALUE.matcher(raw).replaceAll("$1" + DATE);
    }

    @Override
    public String toString() {
        return text();
    }

    static RawResponse readFrom(InputStream in, boolean headRequest) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        String statusLine = readLine(in, wire);
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not a status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; !(line = readLine(in, wire)).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headRequest || status < 200 || status == 204 || status == 304) {
            return new RawResponse(status, headers, wire.toByteArray(), new byte[0]);
        }
        if ("chunked".equals(headers.get("transfer-encoding"))) {
            readChunks(in, wire, body);
        } else if (headers.containsKey("content-length")) {
            body.write(RawClient.readExactly(in, Integer.parseInt(headers.get("content-length"))));
            wire.write(body.toByteArray());
        } else {
            body.write(in.readAllBytes());
            wire.write(body.toByteArray());
        }
        return new RawResponse(status, headers, wire.toByteArray(), body.toByteArray());
    }

    private static void readChunks(InputStream in, ByteArrayOutputStream wire, ByteArrayOutputStream body)
            throws IOException {
        while (true) {
            String sizeLine = readLine(in, wire);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
            if (size == 0) {
                while (!readLine(in, wire).isEmpty()) {
                    // Trailer fields stay in the wire text only.
                }
                return;
            }
            byte[] data = RawClient.readExactly(in, size);
            body.write(data);
            wire.write(data);
            if (!readLine(in, wire).isEmpty()) {
                throw new IOException("chunk data not followed by CRLF");
            }
        }
    }

    /** A line without its CRLF; the raw bytes, CRLF included, go to {@code wire}. */
    private static String readLine(InputStream in, ByteArrayOutputStream wire) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed inside a response; read so far: "
                        + wire.toString(StandardCharsets.ISO_8859_1) + line);
            }
            wire.write(b);
            if (b == '\n') {
                if (line.length() == 0 || line.charAt(line.length() - 1) != '\r') {
                    throw new IOException("a line ended by a bare LF: " + line);
                }
                return line.substring(0, line.length() - 1);
            }
            line.append((char) b);
        }
    }
}
