package dev.barehttp.tck;

import static dev.barehttp.tck.RawExchangeKit.GET_HELLO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
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
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * TLS with {@link HttpServer.Builder#tls}: the same exchanges as plain TCP, streamed both ways, and
 * the request says it is secure.
 */
public abstract class TlsKit extends TransportKit {
    private static final long BODY = 8L * 1024 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private HttpServer startTls() throws Exception {
        return start(b -> {
            try {
                return b.tls(TestCertificate.context());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static HttpClient client() throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TestCertificate.context())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static URI uri(HttpServer server, String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }

    /** RFC 9110 section 4.2.2: an https request reaches the handler, which sees a secure connection. */
    @Test
    void httpsRequestIsAnsweredAndMarkedSecure() throws Exception {
        HttpServer server = startTls();
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(uri(server, "/secure"))
                .timeout(PATIENCE).build(), BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("secure=true", response.body());
    }

    /** Bodies stream through TLS both ways, intact (SHA-256). */
    @Test
    void bodiesStreamThroughTlsBothWays() throws Exception {
        HttpServer server = startTls();
        HttpClient client = client();
        MessageDigest sent = GeneratedBody.newSha256();
        HttpResponse<String> upload = client.send(HttpRequest.newBuilder(uri(server, "/digest")).timeout(PATIENCE)
                .POST(BodyPublishers.ofInputStream(() -> new DigestInputStream(new GeneratedBody(BODY), sent)))
                .build(), BodyHandlers.ofString());
        assertEquals(HexFormat.of().formatHex(sent.digest()), upload.body());

        HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(
                uri(server, "/generate?size=" + BODY)).timeout(PATIENCE).build(), BodyHandlers.ofInputStream());
        try (InputStream body = download.body()) {
            assertEquals(GeneratedBody.sha256(BODY), GeneratedBody.sha256(body));
        }
    }

    /** Plain-text bytes sent to a TLS port cost only their own connection; the server goes on. */
    @Test
    void plainTextOnATlsPortOnlyClosesThatConnection() throws Exception {
        HttpServer server = startTls();
        RawClient plain = connect(server);
        plain.send(GET_HELLO);
        plain.readUntilClosed();
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(uri(server, "/hello"))
                .timeout(PATIENCE).build(), BodyHandlers.ofString());
        assertEquals("hello", response.body());
        assertTrue(server.openConnections() <= 1);
    }
}
