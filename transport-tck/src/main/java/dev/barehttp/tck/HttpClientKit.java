package dev.barehttp.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real client, {@link HttpClient} speaking HTTP/1.1: every method, and bodies of 100 MiB each way
 * that only pass when both sides stream (the transport's tests run with a small heap).
 */
public abstract class HttpClientKit extends TransportKit {
    /** Larger than the heap the transport's tests are given, so that buffering a whole body fails. */
    public static final long LARGE_BODY = 100L * 1024 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private HttpClient client;


    @BeforeEach
    void makeClient() throws IOException {
        client = overTls() ? TlsClients.httpClient() : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private URI uri(HttpServer server, String pathAndQuery) {
        return URI.create((overTls() ? "https" : "http") + "://127.0.0.1:" + server.port() + pathAndQuery);
    }

    /** RFC 9110 section 9.3: each method reaches the handler with its body; HEAD gets only the fields. */
    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void everyMethodReachesTheHandler(String method) throws Exception {
        HttpServer server = start();
        boolean withBody = method.startsWith("P");
        HttpRequest request = HttpRequest.newBuilder(uri(server, "/method")).timeout(PATIENCE)
                .method(method, withBody ? BodyPublishers.ofString("abc") : BodyPublishers.noBody()).build();
        HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
        String expected = method + " " + (withBody ? 3 : 0);
        assertEquals(200, response.statusCode());
        assertEquals(method.equals("HEAD") ? "" : expected, response.body());
        assertEquals(String.valueOf(expected.length()),
                response.headers().firstValue("content-length").orElse(null));
    }

    /** Request bodies stream: 100 MiB of chunked upload reaches the handler intact (SHA-256). */
    @Test
    @Timeout(90)
    void largeUploadStreamsThroughIntact() throws Exception {
        HttpServer server = start();
        MessageDigest sent = GeneratedBody.newSha256();
        HttpRequest request = HttpRequest.newBuilder(uri(server, "/digest")).timeout(PATIENCE)
                .POST(BodyPublishers.ofInputStream(
                        () -> new DigestInputStream(new GeneratedBody(LARGE_BODY), sent)))
                .build();
        HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(HexFormat.of().formatHex(sent.digest()), response.body());
    }

    /** Response bodies stream: 100 MiB of chunked download arrives intact (SHA-256). */
    @Test
    @Timeout(90)
    void largeDownloadStreamsThroughIntact() throws Exception {
        HttpServer server = start();
        HttpRequest request = HttpRequest.newBuilder(uri(server, "/generate?size=" + LARGE_BODY))
                .timeout(PATIENCE).build();
        HttpResponse<InputStream> response = client.send(request, BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        String received;
        try (InputStream body = response.body()) {
            received = GeneratedBody.sha256(body);
        }
        assertEquals(GeneratedBody.sha256(LARGE_BODY), received);
    }

    /** RFC 9112 section 9.3: sequential requests reuse the client's persistent connection. */
    @Test
    void sequentialRequestsReuseOneConnection() throws IOException, InterruptedException {
        HttpServer server = start();
        Set<String> peers = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri(server, "/peer")).timeout(PATIENCE).build();
            peers.add(client.send(request, BodyHandlers.ofString()).body());
        }
        // One connection, or two if the client opened another before the first went back to its pool.
        assertTrue(peers.size() <= 2, "requests came from " + peers.size() + " connections: " + peers);
    }
}
