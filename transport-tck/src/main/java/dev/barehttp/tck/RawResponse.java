package dev.barehttp.tck;

import dev.barehttp.codec.BodyData;
import dev.barehttp.codec.ClientConnection;
import dev.barehttp.codec.EndOfMessage;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.ResponseHead;
import dev.barehttp.codec.Signal;
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

    /**
     * Reads exactly one response from {@code in}: where it ends is decided by the project's own client
     * codec ({@link ClientConnection}, RFC 9112 section 6.3 for a client), which also holds the server's
     * bytes to every rule a strict client applies. Bytes are fed one at a time while the codec reads
     * framing (so nothing of a pipelined next response is taken from the stream), and in bulk for a
     * Content-Length body or a body that runs until the close.
     */
    static RawResponse readFrom(InputStream in, boolean headRequest) throws IOException {
        ClientConnection codec = new ClientConnection(HttpConfig.defaults());
        // The request this answers, as the codec needs to know it (HEAD has no body; Upgrade allows a 101).
        codec.request().start(headRequest ? "HEAD" : "GET", "/").header("Host", "kit")
                .header("Connection", "upgrade").header("Upgrade", "kit").end();
        codec.consumeOutput(codec.pendingOutput());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ResponseHead head = null;
        // After the head: bytes of a Content-Length body still to come (-1: none declared), and whether
        // the body runs until the close; both allow reading in bulk without taking a next response's bytes.
        long bodyLeft = -1;
        boolean untilClose = false;
        byte[] one = new byte[1];
        byte[] bulk = new byte[16 * 1024];
        while (true) {
            HttpEvent e;
            try {
                e = codec.nextEvent();
            } catch (HttpProtocolException error) {
                throw new IOException("not a valid response (" + error.getMessage() + "); read so far: "
                        + wire.toString(StandardCharsets.ISO_8859_1), error);
            }
            if (e instanceof ResponseHead h) {
                head = h;
                if (h.isInterim()) {
                    return new RawResponse(h.status(), fields(h), wire.toByteArray(), new byte[0]);
                }
                String length = h.headers().get("content-length");
                boolean chunked = h.headers().get("transfer-encoding") != null;
                boolean bodyless = headRequest || h.status() == 204 || h.status() == 304 || h.status() == 101;
                bodyLeft = length != null && !bodyless && !chunked ? declaredLength(length) : -1;
                untilClose = length == null && !bodyless && !chunked;
            } else if (e instanceof BodyData data) {
                body.write(data.data());
                if (bodyLeft > 0) {
                    bodyLeft -= data.length();
                }
            } else if (e instanceof EndOfMessage || e == Signal.SWITCHED || e == Signal.CLOSED) {
                if (head == null) {
                    throw new EOFException("the connection closed before a response");
                }
                return new RawResponse(head.status(), fields(head), wire.toByteArray(), body.toByteArray());
            } else if (e == Signal.NEED_DATA) {
                byte[] into = bodyLeft > 0 || untilClose ? bulk : one;
                int n = in.read(into, 0, bodyLeft > 0 ? (int) Math.min(bulk.length, bodyLeft) : into.length);
                if (n < 0) {
                    if (head == null) {
                        throw new EOFException("the connection closed inside a response; read so far: "
                                + wire.toString(StandardCharsets.ISO_8859_1));
                    }
                    codec.receiveEndOfInput();
                } else {
                    wire.write(into, 0, n);
                    codec.receive(into, 0, n);
                }
            } else {
                throw new IOException("unexpected " + e + " while reading a response");
            }
        }
    }

    /** The fields by lower-case name; a repeated field keeps its last value. */
    private static Map<String, String> fields(ResponseHead head) {
        Map<String, String> fields = new LinkedHashMap<>();
        Headers headers = head.headers();
        for (int i = 0; i < headers.size(); i++) {
            fields.put(headers.name(i), headers.value(i));
        }
        return fields;
    }

    /** Content-Length as the codec has already checked it: digits, or a list of equal values. */
    private static long declaredLength(String value) {
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).strip();
        long v = 0;
        for (int i = 0; i < first.length(); i++) {
            v = v * 10 + (first.charAt(i) - '0');
        }
        return v;
    }
}
