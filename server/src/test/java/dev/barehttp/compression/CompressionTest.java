package dev.barehttp.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compression driven directly: which responses are gzipped, what their headers become, and streaming. */
class CompressionTest {
    private static final String TEXT = "barehttp compresses text. ".repeat(100);
    private static final byte[] TEXT_BYTES = TEXT.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private static Response call(Handler handler, String method, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "host";
        all[1] = "x";
        System.arraycopy(headers, 0, all, 2, headers.length);
        RequestHead head = new RequestHead(method, "/", HttpVersion.HTTP_1_1, Headers.of(all), 0);
        return handler.handle(new Request(head, InputStream.nullInputStream(), () -> Headers.EMPTY, null, null, false));
    }

    private static Response gzipGet(Response answer) throws Exception {
        return call(Compression.gzip(request -> answer), "GET", "Accept-Encoding", "gzip");
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] written(Response response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((Response.StreamBody) response.body()).writer().writeTo(out);
        return out.toByteArray();
    }

    /** RFC 9110 section 8.4.1.3: a compressible body is gzipped, with Content-Encoding and Vary (section 12.5.5). */
    @Test
    void textBodyIsGzipped() throws Exception {
        Response response = gzipGet(Response.ok(TEXT).withHeader("Content-Length", Integer.toString(TEXT_BYTES.length)));
        assertEquals("gzip", response.headers().get("content-encoding"));
        assertEquals("Accept-Encoding", response.headers().get("vary"));
        assertNull(response.headers().get("content-length"), "RFC 9110 section 8.6: the old length is wrong now");
        byte[] body = ((Response.BytesBody) response.body()).bytes();
        assertTrue(body.length < TEXT_BYTES.length / 4);
        assertArrayEquals(TEXT_BYTES, gunzip(body));
    }

    /** RFC 9110 section 8.3.1 and RFC 6838 section 4.2.8: text, JSON, JavaScript, XML, SVG, +json / +xml, any case. */
    @ParameterizedTest
    @ValueSource(strings = {"text/html; charset=utf-8", "TEXT/CSS", "application/json", "application/javascript",
        "application/xml", "image/svg+xml", "application/problem+json", "application/atom+xml", "text/plain ;x=y"})
    void compressibleTypesAreGzipped(String type) throws Exception {
        assertEquals("gzip", gzipGet(Response.bytes(200, type, TEXT_BYTES)).headers().get("content-encoding"), type);
    }

    /** RFC 9110 section 8.3.1: types that are compressed already, or unknown, pass untouched and without Vary. */
    @ParameterizedTest
    @ValueSource(strings = {"image/png", "application/octet-stream", "application/zip", "video/mp4", "text",
        "application/+json"})
    void otherTypesAreLeftAlone(String type) throws Exception {
        Response answer = Response.bytes(200, type, TEXT_BYTES);
        Response response = gzipGet(answer);
        assertSame(answer, response);
    }

    /** RFC 9110 section 12.5.3: no gzip in Accept-Encoding (or q=0, or identity preferred) means identity, with Vary. */
    @ParameterizedTest
    @ValueSource(strings = {"identity", "gzip;q=0", "br", "*;q=0", "identity, gzip;q=0.5"})
    void clientsThatDoNotPreferGzipGetIdentityWithVary(String acceptEncoding) throws Exception {
        Response response = call(Compression.gzip(r -> Response.ok(TEXT)), "GET", "Accept-Encoding", acceptEncoding);
        assertNull(response.headers().get("content-encoding"), acceptEncoding);
        assertEquals("Accept-Encoding", response.headers().get("vary"));
        assertArrayEquals(TEXT_BYTES, ((Response.BytesBody) response.body()).bytes());
    }

    /** RFC 9110 section 12.5.3: without Accept-Encoding the server sends identity (and still Vary). */
    @Test
    void requestWithoutAcceptEncodingGetsIdentity() throws Exception {
        Response response = call(Compression.gzip(r -> Response.ok(TEXT)), "GET");
        assertNull(response.headers().get("content-encoding"));
        assertEquals("Accept-Encoding", response.headers().get("vary"));
    }

    /** The threshold limit: bodies under 1 KiB by default are not worth gzip's framing; the threshold can be set. */
    @Test
    void smallBodiesAreLeftAlone() throws Exception {
        Response small = Response.ok("x".repeat(1023));
        assertSame(small, gzipGet(small));
        assertEquals("gzip", gzipGet(Response.ok("x".repeat(1024))).headers().get("content-encoding"));
        Handler low = Compression.builder().threshold(10).wrap(r -> Response.ok("x".repeat(10)));
        assertEquals("gzip", call(low, "GET", "Accept-Encoding", "gzip").headers().get("content-encoding"));
    }

    /** RFC 9110 sections 15.3.5 and 15.4.5: 204 and 304 have no body to compress. */
    @Test
    void noContentAndNotModifiedAreLeftAlone() throws Exception {
        Response noContent = Response.of(204).withHeader("Content-Type", "text/plain");
        assertSame(noContent, gzipGet(noContent));
        Response notModified = Response.of(304).withHeader("ETag", "\"v1\"");
        assertSame(notModified, gzipGet(notModified));
    }

    /** RFC 9110 section 13.1.2: a 304 for a weakly revalidated (compressed) copy keeps the weak tag the client holds. */
    @Test
    void notModifiedForACompressedCopyCarriesTheWeakTag() throws Exception {
        Handler handler = Compression.gzip(r -> Response.of(304).withHeader("ETag", "\"v1\""));
        Response response = call(handler, "GET", "Accept-Encoding", "gzip", "If-None-Match", "W/\"v1\"");
        assertEquals("W/\"v1\"", response.headers().get("etag"));
    }

    /** RFC 9110 section 9.3.2: a HEAD gets the fields of the GET, but nothing is compressed (no body is sent). */
    @Test
    void headGetsTheFieldsOfGetAndNoCompressedBody() throws Exception {
        AtomicInteger written = new AtomicInteger();
        Handler handler = Compression.gzip(r -> Response.ok(TEXT).withHeader("ETag", "\"v1\""));
        Response head = call(handler, "HEAD", "Accept-Encoding", "gzip");
        Response get = call(handler, "GET", "Accept-Encoding", "gzip");
        assertEquals(get.headers(), head.headers());
        ((Response.StreamBody) head.body()).writer().writeTo(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                written.incrementAndGet();
            }
        });
        assertEquals(0, written.get());
        Response identity = call(handler, "HEAD", "Accept-Encoding", "identity");
        assertNull(identity.headers().get("content-encoding"));
    }

    /** RFC 9110 section 8.4: an already encoded response is not encoded twice. */
    @Test
    void alreadyEncodedResponseIsLeftAlone() throws Exception {
        Response encoded = Response.bytes(200, "text/plain", TEXT_BYTES).withHeader("Content-Encoding", "br");
        assertSame(encoded, gzipGet(encoded));
    }

    /** RFC 9110 section 14.4: a range is of the identity form, so 206 and Content-Range are left alone. */
    @Test
    void rangesAreLeftAlone() throws Exception {
        Response partial = Response.bytes(206, "text/plain", TEXT_BYTES).withHeader("Content-Range", "bytes 0-1/9");
        assertSame(partial, gzipGet(partial));
    }

    /** RFC 9111 section 5.2.2.6: no-transform forbids changing the content coding. */
    @Test
    void noTransformIsRespected() throws Exception {
        Response answer = Response.ok(TEXT).withHeader("Cache-Control", "public, no-transform");
        assertSame(answer, gzipGet(answer));
    }

    /** RFC 9110 section 8.8.1: the gzip bytes differ, so a strong ETag becomes weak; Accept-Ranges goes. */
    @Test
    void strongEntityTagBecomesWeak() throws Exception {
        Response response = gzipGet(Response.ok(TEXT).withHeader("ETag", "\"v1\"").withHeader("Accept-Ranges", "bytes"));
        assertEquals("W/\"v1\"", response.headers().get("etag"));
        assertNull(response.headers().get("accept-ranges"));
        assertEquals("W/\"v2\"", gzipGet(Response.ok(TEXT).withHeader("ETag", "W/\"v2\"")).headers().get("etag"));
    }

    /** RFC 9110 section 12.5.5: Accept-Encoding joins a Vary that is there, once. */
    @Test
    void varyIsExtendedNotDuplicated() throws Exception {
        assertEquals("Origin, Accept-Encoding",
                gzipGet(Response.ok(TEXT).withHeader("Vary", "Origin")).headers().get("vary"));
        assertEquals("accept-encoding",
                gzipGet(Response.ok(TEXT).withHeader("Vary", "accept-encoding")).headers().get("vary"));
    }

    /** RFC 1952 with a deflate sync flush: a streamed body is compressed as it is written, each flush reaching the client. */
    @Test
    void streamedBodyIsCompressedAsAStream() throws Exception {
        AtomicInteger seenAtFlush = new AtomicInteger(-1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Response response = gzipGet(Response.stream(200, out -> {
            out.write("first part ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            seenAtFlush.set(sink.size());
            out.write("second part".getBytes(StandardCharsets.UTF_8));
        }).withHeader("Content-Type", "text/event-stream"));
        assertEquals("gzip", response.headers().get("content-encoding"));
        ((Response.StreamBody) response.body()).writer().writeTo(sink);
        assertTrue(seenAtFlush.get() > 10, "the first part left at its flush: " + seenAtFlush.get());
        assertEquals("first part second part", new String(gunzip(sink.toByteArray()), StandardCharsets.UTF_8));
    }

    /** RFC 1952 section 2.2: a writer that closes its stream still produces one complete gzip member. */
    @Test
    void streamClosedByTheWriterIsComplete() throws Exception {
        Response response = gzipGet(Response.stream(200, out -> {
            out.write(TEXT_BYTES);
            out.close();
        }).withHeader("Content-Type", "text/plain"));
        assertArrayEquals(TEXT_BYTES, gunzip(written(response)));
    }

    /** RFC 9110 section 8.4.1.3: a file body is compressed as a stream of its region, never read whole. */
    @Test
    void fileBodyIsCompressedAsAStream() throws Exception {
        Path file = temp.resolve("big.txt");
        Files.write(file, TEXT_BYTES);
        Response response = gzipGet(Response.file(file, 0, TEXT_BYTES.length).withHeader("Content-Type", "text/plain")
                .withHeader("Content-Length", Integer.toString(TEXT_BYTES.length)));
        assertNull(response.headers().get("content-length"));
        assertArrayEquals(TEXT_BYTES, gunzip(written(response)));
        Response region = gzipGet(Response.file(file, 26, 26 * 50).withHeader("Content-Type", "text/plain"));
        assertArrayEquals(TEXT.substring(26, 26 * 51).getBytes(StandardCharsets.UTF_8), gunzip(written(region)));
    }

    /** RFC 9112 section 7.1.2: trailers of a streamed body survive compression. */
    @Test
    void trailersOfAStreamAreKept() throws Exception {
        Response response = gzipGet(Response.of(200).withHeader("Content-Type", "text/plain")
                .withStream(out -> out.write(TEXT_BYTES), () -> Headers.of("x-sum", "1")));
        assertEquals(Headers.of("x-sum", "1"), ((Response.StreamBody) response.body()).trailers().get());
    }

    /** Options are checked when set: a negative threshold, a level outside Deflater's 1-9, a pattern that is no media type. */
    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Compression.builder().threshold(-1));
        assertThrows(IllegalArgumentException.class, () -> Compression.builder().level(0));
        assertThrows(IllegalArgumentException.class, () -> Compression.builder().level(10));
        assertThrows(IllegalArgumentException.class, () -> Compression.builder().compressibleTypes("text"));
        assertThrows(IllegalArgumentException.class, () -> Compression.builder().compressibleTypes("Text/*"));
    }

    /** RFC 9110 section 8.3.1: custom media-type patterns replace the defaults. */
    @Test
    void compressibleTypesCanBeReplaced() throws Exception {
        Handler custom = Compression.builder().compressibleTypes("application/x-ndjson").wrap(
                r -> Response.bytes(200, "application/x-ndjson", TEXT_BYTES));
        assertEquals("gzip", call(custom, "GET", "Accept-Encoding", "gzip").headers().get("content-encoding"));
        Handler plain = Compression.builder().compressibleTypes("application/x-ndjson").wrap(r -> Response.ok(TEXT));
        assertNull(call(plain, "GET", "Accept-Encoding", "gzip").headers().get("content-encoding"));
    }
}
