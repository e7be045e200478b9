package dev.barehttp.compression;

import dev.barehttp.BodyWriter;
import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * A {@link Handler} that gzips the responses of another (RFC 9110 section 8.4.1.3, RFC 1952) for
 * clients that ask for it:
 *
 * <pre>{@code
 * Handler app = Compression.gzip(router);
 * Handler tuned = Compression.builder().threshold(4096).level(6).wrap(router);
 * }</pre>
 *
 * <h2>When a response is compressed</h2>
 * All of these hold:
 * <ul>
 *   <li>its status has a body that is whole: not 204, 304 or 206, no {@code Content-Range};</li>
 *   <li>it has no {@code Content-Encoding} yet, and no {@code Cache-Control: no-transform}
 *       (RFC 9111 section 5.2.2.6);</li>
 *   <li>its {@code Content-Type} is compressible: {@code text/*}, JSON, JavaScript, XML, SVG (see
 *       {@link Builder#compressibleTypes});</li>
 *   <li>its body is at least {@link Builder#threshold} bytes (default 1024), or streamed (size unknown);</li>
 *   <li>the request's {@code Accept-Encoding} prefers gzip ({@link AcceptEncoding#prefers}: quality
 *       values honoured, {@code q=0} refuses, {@code identity} and {@code *} understood).</li>
 * </ul>
 * A HEAD request that passes gets the fields a GET would (RFC 9110 section 9.3.2) and nothing is
 * compressed, since no body is sent; its {@code Content-Length} is omitted, as section 8.6 allows.
 * A response that passes every test but the last gets {@code Vary: Accept-Encoding} whether it is
 * compressed or not (RFC 9110 section 12.5.5), because its form depends on that field.
 *
 * <h2>What changes</h2>
 * {@code Content-Encoding: gzip} is added; {@code Content-Length} is dropped (the server frames the
 * new body); {@code Accept-Ranges} is dropped (ranges are served from the uncompressed form only);
 * a strong {@code ETag} becomes weak ({@code W/"..."}, RFC 9110 section 8.8.1), since the bytes
 * differ but the content is the same, so a handler that compares {@code If-None-Match} weakly (as
 * RFC 9110 section 13.1.2 says) still answers 304. Bytes are compressed at once; a streamed body
 * or a file is compressed as it is written, never held whole, each {@code flush()} of a stream
 * reaching the client.
 */
public final class Compression implements Handler {
    private final Handler next;
    private final int threshold;
    private final int level;
    private final CompressibleTypes types;

    private Compression(Handler next, Builder b) {
        this.next = Objects.requireNonNull(next, "handler");
        this.threshold = b.threshold;
        this.level = b.level;
        this.types = new CompressibleTypes(b.types);
    }

    /** {@code handler} with its responses gzipped under the defaults (1 KiB threshold, level 6). */
    public static Compression gzip(Handler handler) {
        return builder().wrap(handler);
    }

    /** A builder for other options. */
    public static Builder builder() {
        return new Builder();
    }

    /** Answers with {@code handler}'s response, compressed when the rules in the class comment allow. */
    @Override
    public Response handle(Request request) throws Exception {
        Response response = next.handle(request);
        if (response.status() == 304) {
            return withClientsWeakTag(request, response);
        }
        if (!compressible(response)) {
            return response;
        }
        long size = knownSize(response);
        if (size >= 0 && size < threshold) {
            return response;
        }
        response = withVary(response);
        if (!AcceptEncoding.of(request.header("accept-encoding")).prefers("gzip")) {
            return response;
        }
        if (request.method().equals("HEAD")) {
            // The fields a GET would get, and nothing to compress: no body leaves for HEAD.
            return compressedHeaders(response).withStream(out -> { });
        }
        return compressed(response);
    }

    private boolean compressible(Response response) {
        int status = response.status();
        if (response.body() instanceof Response.SwitchBody || status == 204 || status == 206 || response.headers().contains("content-range")
                || response.headers().contains("content-encoding")
                || response.headers().containsToken("cache-control", "no-transform")) {
            return false;
        }
        return types.matches(response.headers().get("content-type"));
    }

    /** The body's length when known before it is sent; -1 for a stream without Content-Length. */
    private static long knownSize(Response response) throws IOException {
        Response.Body body = response.body();
        if (body instanceof Response.BytesBody bytes) {
            return bytes.bytes().length;
        }
        if (body instanceof Response.FileBody file) {
            return file.length() != Response.FileBody.TO_END ? file.length() : Files.size(file.path()) - file.offset();
        }
        String declared = response.headers().get("content-length");
        if (declared == null || declared.isEmpty() || declared.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < declared.length(); i++) {
            char c = declared.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static Response withVary(Response response) {
        if (response.headers().containsToken("vary", "accept-encoding") || response.headers().containsToken("vary", "*")) {
            return response;
        }
        String vary = response.headers().get("vary");
        return response.withHeaderSet("Vary", vary == null ? "Accept-Encoding" : vary + ", Accept-Encoding");
    }

    /** {@code response}'s fields as they are for its gzipped form. */
    private static Response compressedHeaders(Response response) {
        Response headers = response.withoutHeader("Content-Length").withoutHeader("Accept-Ranges")
                .withHeader("Content-Encoding", "gzip");
        String tag = response.headers().get("etag");
        return tag != null && tag.startsWith("\"") ? headers.withHeaderSet("ETag", "W/" + tag) : headers;
    }

    private Response compressed(Response response) throws IOException {
        Response headers = compressedHeaders(response);
        Response.Body body = response.body();
        if (body instanceof Response.BytesBody bytes) {
            return headers.withBody(gzipped(bytes.bytes()));
        }
        if (body instanceof Response.StreamBody stream) {
            return headers.withStream(gzipping(stream.writer()), stream.trailers());
        }
        Response.FileBody file = (Response.FileBody) body;
        long length = knownSize(response);
        return headers.withStream(gzipping(out -> copyRegion(file.path(), file.offset(), length, out)));
    }

    private byte[] gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 3));
        GzipStream gzip = new GzipStream(out, level);
        try {
            gzip.write(bytes);
            gzip.finish();
        } finally {
            gzip.release();
        }
        return out.toByteArray();
    }

    private BodyWriter gzipping(BodyWriter writer) {
        return out -> {
            GzipStream gzip = new GzipStream(out, level);
            try {
                writer.writeTo(gzip);
                gzip.finish();
            } finally {
                gzip.release();
            }
        };
    }

    private static void copyRegion(Path path, long offset, long length, OutputStream out) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[16 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the file " + path + " shrank while it was sent");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    /**
     * A 304 keeps the tag the client revalidated: when its {@code If-None-Match} holds the weak form
     * of the 304's strong {@code ETag}, the client holds a compressed copy, and the 304 says so.
     */
    private static Response withClientsWeakTag(Request request, Response response) {
        String tag = response.headers().get("etag");
        String ifNoneMatch = request.header("if-none-match");
        if (tag == null || !tag.startsWith("\"") || ifNoneMatch == null || !ifNoneMatch.contains("W/" + tag)) {
            return response;
        }
        return withVary(response.withHeaderSet("ETag", "W/" + tag));
    }

    /** Options of a {@link Compression} handler. */
    public static final class Builder {
        private int threshold = 1024;
        private int level = 6;
        private List<String> types = CompressibleTypes.DEFAULTS;

        private Builder() {
        }

        /** The smallest body compressed, in bytes (default 1024): smaller ones gain less than gzip's 18 bytes of framing cost. */
        public Builder threshold(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("a threshold is 0 or more bytes: " + bytes);
            }
            this.threshold = bytes;
            return this;
        }

        /** The deflate level, from 1 (fastest) to 9 (smallest); default 6. */
        public Builder level(int level) {
            if (level < Deflater.BEST_SPEED || level > Deflater.BEST_COMPRESSION) {
                throw new IllegalArgumentException("a deflate level is 1 to 9: " + level);
            }
            this.level = level;
            return this;
        }

        /**
         * The media types compressed, in place of the defaults ({@code text/*},
         * {@code application/json}, {@code application/javascript}, {@code application/xml},
         * {@code image/svg+xml}, {@code application/*+json}, {@code application/*+xml},
         * {@code application/wasm}): each {@code type/subtype}, {@code type/*} or
         * {@code type/*+suffix}, in lower case.
         */
        public Builder compressibleTypes(String... mediaTypes) {
            this.types = List.of(mediaTypes);
            new CompressibleTypes(types);
            return this;
        }

        /** {@code handler} with its responses compressed under these options. */
        public Compression wrap(Handler handler) {
            return new Compression(handler, this);
        }
    }
}
