package dev.barehttp.client;

import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A whole response, read to its end.
 *
 * @param status the final status code (interim 1xx responses are not kept)
 * @param reason the reason phrase as received
 * @param version the version of the status line
 * @param headers the header fields, names in lower case
 * @param body the decoded body (de-chunked; empty for HEAD, 204 and 304); owned by the response
 * @param trailers the trailer fields of a chunked body, else empty
 */
public record HttpResponse(int status, String reason, HttpVersion version, Headers headers, byte[] body,
        Headers trailers) {

    /** Checks that every part is present. */
    public HttpResponse {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(trailers, "trailers");
    }

    /** The value of header {@code name} (repeated fields joined with ", "), or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpResponse r && status == r.status && reason.equals(r.reason) && version == r.version
                && headers.equals(r.headers) && Arrays.equals(body, r.body) && trailers.equals(r.trailers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, reason, version, headers, Arrays.hashCode(body), trailers);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + version + " " + status + " " + reason + ", " + headers + ", " + body.length
                + " body bytes" + (trailers.isEmpty() ? "" : ", trailers " + trailers) + "]";
    }
}
