package dev.barehttp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request as a test describes it, with a test-side encoder that knows nothing of the codec,
 * and the events the codec must hand out for it.
 *
 * @param method the method token
 * @param target an origin-form target
 * @param fields extra fields as [name, value] pairs (never Host or a framing field)
 * @param body the body bytes
 * @param framing how the body is framed
 * @param chunkSizes for chunked framing, the sizes the body is cut into (the rest goes in a last chunk)
 * @param trailers for chunked framing, trailer fields as [name, value] pairs
 */
record RequestSpec(String method, String target, List<String[]> fields, byte[] body, Framing framing,
        List<Integer> chunkSizes, List<String[]> trailers) {

    /** How the body is delimited. */
    enum Framing { NONE, CONTENT_LENGTH, CHUNKED }

    /** The request on the wire (HTTP/1.1, Host first, fields, then the framing field). */
    byte[] encode() {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: example.com\r\n");
        for (String[] f : fields) {
            head.append(f[0]).append(": ").append(f[1]).append("\r\n");
        }
        if (framing == Framing.CONTENT_LENGTH) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else if (framing == Framing.CHUNKED) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (framing == Framing.CONTENT_LENGTH) {
            out.writeBytes(body);
        } else if (framing == Framing.CHUNKED) {
            writeChunks(out);
        }
        return out.toByteArray();
    }

    private void writeChunks(ByteArrayOutputStream out) {
        int at = 0;
        int i = 0;
        while (at < body.length) {
            int size = i < chunkSizes.size() ? Math.min(chunkSizes.get(i), body.length - at) : body.length - at;
            size = Math.max(size, 1);
            String ext = i % 2 == 1 ? ";ext=" + i : "";
            out.writeBytes((Integer.toHexString(size) + ext + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, size);
            out.writeBytes(new byte[] {'\r', '\n'});
            at += size;
            i++;
        }
        StringBuilder last = new StringBuilder("0\r\n");
        for (String[] t : trailers) {
            last.append(t[0]).append(": ").append(t[1]).append("\r\n");
        }
        out.writeBytes(last.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The events the codec must hand out, body pieces merged. */
    List<HttpEvent> expectedEvents() {
        List<String> nv = new ArrayList<>(List.of("host", "example.com"));
        for (String[] f : fields) {
            nv.add(f[0]);
            nv.add(f[1]);
        }
        long bodyLength = 0;
        if (framing == Framing.CONTENT_LENGTH) {
            nv.add("content-length");
            nv.add(Integer.toString(body.length));
            bodyLength = body.length;
        } else if (framing == Framing.CHUNKED) {
            nv.add("transfer-encoding");
            nv.add("chunked");
            bodyLength = RequestHead.CHUNKED;
        }
        List<HttpEvent> events = new ArrayList<>();
        events.add(new RequestHead(method, target, HttpVersion.HTTP_1_1, Headers.of(nv.toArray(new String[0])),
                bodyLength));
        if (framing != Framing.NONE && body.length > 0) {
            events.add(new BodyData(body));
        }
        List<String> tv = new ArrayList<>();
        if (framing == Framing.CHUNKED) {
            for (String[] t : trailers) {
                tv.add(t[0]);
                tv.add(t[1]);
            }
        }
        events.add(tv.isEmpty() ? EndOfMessage.NO_TRAILERS : new EndOfMessage(Headers.of(tv.toArray(new String[0]))));
        return events;
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.ISO_8859_1);
    }
}
