package dev.barehttp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Expected events, written briefly, and the merging of adjacent body pieces. */
final class Events {
    private Events() {
    }

    /** A request head; {@code nameValues} alternate lower-case names and values. */
    static RequestHead head(String method, String target, HttpVersion version, long bodyLength, String... nameValues) {
        return new RequestHead(method, target, version, Headers.of(nameValues), bodyLength);
    }

    /** An HTTP/1.1 GET without a body and with only a Host field. */
    static RequestHead get(String target) {
        return head("GET", target, HttpVersion.HTTP_1_1, 0, "host", "example.com");
    }

    static BodyData data(String latin1) {
        return new BodyData(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    static EndOfMessage end(String... trailerNameValues) {
        return trailerNameValues.length == 0 ? EndOfMessage.NO_TRAILERS : new EndOfMessage(Headers.of(trailerNameValues));
    }

    /** The events with every run of adjacent {@link BodyData} joined into one. */
    static List<HttpEvent> merged(List<HttpEvent> events) {
        List<HttpEvent> out = new ArrayList<>(events.size());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (HttpEvent e : events) {
            if (e instanceof BodyData) {
                body.writeBytes(((BodyData) e).data());
                continue;
            }
            if (body.size() > 0) {
                out.add(new BodyData(body.toByteArray()));
                body.reset();
            }
            out.add(e);
        }
        if (body.size() > 0) {
            out.add(new BodyData(body.toByteArray()));
        }
        return out;
    }
}
