package dev.barehttp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import dev.barehttp.tck.TestCertificate;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The client over TLS (an {@code SSLSocketFactory}), against the server's blocking TLS transport. */
class TlsClientTest {

    @Test
    void rfc9110_4_2_2_httpsRequestsKeepAliveOverOneTlsConnection() throws Exception {
        HttpServer server = HttpServer.builder().host("127.0.0.1").port(0).transport("blocking")
                .tls(TestCertificate.context())
                .handler(r -> Response.ok("secure: " + r.isSecure())).start();
        try (HttpClient client = HttpClient.connect("127.0.0.1", server.port(),
                TestCertificate.context().getSocketFactory())) {
            assertEquals("secure: true", client.send("GET", "/").bodyText());
            assertEquals("secure: true", client.send("GET", "/again").bodyText());
            assertEquals(1, client.connectionsOpened());
        } finally {
            server.close();
        }
    }

    @Test
    void rfc9110_4_3_4_aCertificateThatDoesNotNameTheHostIsRefused() throws Exception {
        HttpServer server = HttpServer.builder().host("127.0.0.1").port(0).transport("blocking")
                .tls(TestCertificate.context()).handler(r -> Response.ok("unreachable")).start();
        try {
            assertThrows(IOException.class, () -> HttpClient.connect("localhost", server.port(),
                    TestCertificate.context().getSocketFactory()).close());
        } finally {
            server.close();
        }
    }
}
