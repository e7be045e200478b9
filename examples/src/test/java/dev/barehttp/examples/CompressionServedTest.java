package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Handler;
import dev.barehttp.Response;
import dev.barehttp.Router;
import dev.barehttp.compression.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Compression.gzip over real connections, on every transport: bytes and streamed bodies, and who gets identity. */
class CompressionServedTest {
    private static final String TEXT = "{\"greeting\": \"hello, compressed world\"}\n".repeat(200);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static List<String> transports() {
        return RunningServer.transports();
    }

    private static Handler app() {
        return Compression.gzip(Router.builder()
                .get("/json", r -> Response.bytes(200, "application/json", TEXT.getBytes(StandardCharsets.UTF_8)))
                .get("/stream", r -> Response.stream(200, out -> {
                    for (int i = 0; i < 200; i++) {
                        out.write(("line " + i + " of a streamed text body\n").getBytes(StandardCharsets.UTF_8));
                        if (i % 50 == 0) {
                            out.flush();
                        }
                    }
                }).withHeader("Content-Type", "text/plain; charset=utf-8"))
                .get("/png", r -> Response.bytes(200, "image/png", new byte[4096]))
                .build());
    }

    private static HttpResponse<byte[]> get(RunningServer server, String path, String acceptEncoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** RFC 9110 sections 8.4.1.3 and 12.5.5: a JSON body is gzipped for a gzip client, framed by the new length, with Vary. */
    @ParameterizedTest
    @MethodSource("transports")
    void bytesBodyIsGzipped(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(app(), transport)) {
            HttpResponse<byte[]> response = get(server, "/json", "br;q=1, gzip;q=0.9");
            assertEquals("gzip", response.headers().firstValue("content-encoding").orElse(null));
            assertEquals("Accept-Encoding", response.headers().firstValue("vary").orElse(null));
            assertEquals(Long.toString(response.body().length), response.headers().firstValue("content-length").orElse(null));
            assertEquals(TEXT, gunzip(response.body()));
        }
    }

    /** A streamed body is gzipped as a stream: chunked, no Content-Length, one complete gzip member. */
    @ParameterizedTest
    @MethodSource("transports")
    void streamedBodyIsGzippedAsItIsWritten(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(app(), transport)) {
            HttpResponse<byte[]> response = get(server, "/stream", "gzip");
            assertEquals("gzip", response.headers().firstValue("content-encoding").orElse(null));
            assertFalse(response.headers().firstValue("content-length").isPresent());
            String text = gunzip(response.body());
            assertTrue(text.startsWith("line 0 of") && text.endsWith("line 199 of a streamed text body\n"));
        }
    }

    /** RFC 9110 section 9.3.2: a HEAD gets Content-Encoding and Vary like the GET, no body, and the connection goes on. */
    @ParameterizedTest
    @MethodSource("transports")
    void headGetsTheCompressedFieldsAndNoBody(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(app(), transport)) {
            String wire = server.exchangeRaw("HEAD /json HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n"
                    + "GET /png HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            List<RawResponse> responses = RawResponse.parseAll(wire, true, false);
            assertEquals(2, responses.size(), wire);
            RawResponse head = responses.get(0);
            assertEquals(200, head.status());
            assertEquals("gzip", head.header("content-encoding"));
            assertEquals("Accept-Encoding", head.header("vary"));
            assertNull(head.header("content-length"));
            assertEquals(4096, responses.get(1).body().length());
        }
    }

    /** RFC 9110 section 12.5.3: q=0 and a missing field get identity; incompressible types are never touched. */
    @ParameterizedTest
    @MethodSource("transports")
    void identityForClientsThatRefuseAndForIncompressibleTypes(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(app(), transport)) {
            for (String acceptEncoding : new String[] {"gzip;q=0", null, "identity"}) {
                HttpResponse<byte[]> response = get(server, "/json", acceptEncoding);
                assertFalse(response.headers().firstValue("content-encoding").isPresent(), acceptEncoding);
                assertEquals(TEXT, new String(response.body(), StandardCharsets.UTF_8));
            }
            HttpResponse<byte[]> png = get(server, "/png", "gzip");
            assertFalse(png.headers().firstValue("content-encoding").isPresent());
            assertFalse(png.headers().firstValue("vary").isPresent());
            assertEquals(4096, png.body().length);
        }
    }
}
