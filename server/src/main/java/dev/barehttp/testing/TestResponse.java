package dev.barehttp.testing;

import dev.barehttp.codec.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A response as the client codec decoded it from the bytes the server wrote: what a real client
 * would have received, after the framing (Content-Length or chunked) was taken off.
 */
public final class TestResponse {
    private final int status;
    private final String reason;
    private final Headers headers;
    private final byte[] body;
    private final Headers trailers;
    private final List<Integer> interim;

    TestResponse(int status, String reason, Headers headers, byte[] body, Headers trailers, List<Integer> interim) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
        this.trailers = trailers;
        this.interim = List.copyOf(interim);
    }

    /** This response with {@code more} after its body. */
    TestResponse withBodyAppended(byte[] more) {
        byte[] joined = java.util.Arrays.copyOf(body, body.length + more.length);
        System.arraycopy(more, 0, joined, body.length, more.length);
        return new TestResponse(status, reason, headers, joined, trailers, interim);
    }

    /** The status code of the final response, e.g. {@code 200}. */
    public int status() {
        return status;
    }

    /** The reason phrase of the status line, possibly empty. */
    public String reason() {
        return reason;
    }

    /**
     * Every header field, in the order the server wrote them, with the names in lower case as the
     * client codec reads them (lookups ignore case; the case on the wire is not kept).
     */
    public Headers headers() {
        return headers;
    }

    /** The first value of the header field {@code name} (any case), or null when there is none. */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * The body bytes, without their framing; empty for a response that has none (HEAD, 204, 304). After
     * a response that switched protocols (a 101, or a 2xx to CONNECT), the bytes the server sent next.
     */
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The trailer fields that ended a chunked body; empty otherwise. */
    public Headers trailers() {
        return trailers;
    }

    /** The status codes of the interim (1xx) responses that came before this one, in order. */
    public List<Integer> interimStatuses() {
        return interim;
    }

    @Override
    public String toString() {
        return "TestResponse[" + status + " " + reason + ", " + headers + ", " + body.length + " body bytes"
                + (trailers.isEmpty() ? "" : ", trailers " + trailers) + "]";
    }
}
