package dev.barehttp;

import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Requests made without a connection, and the bodies of the responses handlers give them. */
final class TestRequests {
    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 50412);
    static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);

    private TestRequests() {
    }

    /** {@code method target HTTP/1.1} with {@code Host: x} and the given fields (name, value, ...). */
    static Request request(String method, String target, String... fields) {
        return withBody(method, target, new byte[0], fields);
    }

    /** A request whose body is {@code body}. */
    static Request withBody(String method, String target, byte[] body, String... fields) {
        Headers.Builder headers = Headers.builder().add("host", "x");
        for (int i = 0; i < fields.length; i += 2) {
            headers.add(fields[i], fields[i + 1]);
        }
        InputStream in = body.length == 0 ? InputStream.nullInputStream() : new ByteArrayInputStream(body);
        return new Request(new RequestHead(method, target, HttpVersion.HTTP_1_1, headers.build(), body.length), in,
                () -> Headers.EMPTY, PEER, LOCAL, false);
    }

    /** The body of {@code response} as UTF-8: its bytes, or what its writer writes. */
    static String body(Response response) throws IOException {
        if (response.body() instanceof Response.StreamBody stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.writer().writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
        return new String(((Response.BytesBody) response.body()).bytes(), StandardCharsets.UTF_8);
    }
}
