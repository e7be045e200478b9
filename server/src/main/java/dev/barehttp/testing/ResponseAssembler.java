package dev.barehttp.testing;

import dev.barehttp.codec.BodyData;
import dev.barehttp.codec.EndOfMessage;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.ResponseHead;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link TestResponse}s from the client codec's events, one event at a time. */
final class ResponseAssembler {
    private final List<TestResponse> complete = new ArrayList<>();
    private final List<Integer> interim = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ResponseHead head;

    /** Takes one response event; other events are not passed here. */
    void accept(HttpEvent event) {
        if (event instanceof ResponseHead h) {
            if (h.isInterim()) {
                interim.add(h.status());
            } else {
                head = h;
                body.reset();
            }
        } else if (event instanceof BodyData data) {
            body.writeBytes(data.data());
        } else if (event instanceof EndOfMessage end) {
            complete.add(new TestResponse(head.status(), head.reason(), head.headers(), body.toByteArray(),
                    end.trailers(), interim));
            interim.clear();
            head = null;
        }
    }

    /**
     * Bytes that followed a head which switched protocols (a 101, or a 2xx to CONNECT): on the wire
     * they belong to the tunnel, and they become the body of that response.
     */
    void acceptTunnelBytes(byte[] bytes) {
        if (bytes.length > 0 && !complete.isEmpty()) {
            complete.set(complete.size() - 1, complete.get(complete.size() - 1).withBodyAppended(bytes));
        }
    }

    /** The responses completed since the last call, oldest first. */
    List<TestResponse> takeComplete() {
        List<TestResponse> taken = List.copyOf(complete);
        complete.clear();
        return taken;
    }
}
