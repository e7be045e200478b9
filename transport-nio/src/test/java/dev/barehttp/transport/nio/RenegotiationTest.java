package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.RawClient;
import dev.barehttp.tck.TestCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS 1.2 renegotiation on the NIO transport: a second handshake closes the connection. */
@Timeout(30)
class RenegotiationTest {
    private static final String GET = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n";

    /** RFC 5746 section 4.4 lets a server refuse renegotiation; this one closes the connection instead of renegotiating. */
    @Test
    void secondHandshakeClosesTheConnection() throws Exception {
        try (HttpServer server = HttpServer.builder().transport("nio").host("127.0.0.1").port(0)
                .tls(TestCertificate.context())
                .handler(request -> dev.barehttp.Response.text(200, "hello")).start();
             Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", server.port()), RawClient.READ_TIMEOUT_MILLIS);
            plain.setSoTimeout(RawClient.READ_TIMEOUT_MILLIS);
            SSLSocket tls = (SSLSocket) TestCertificate.context().getSocketFactory()
                    .createSocket(plain, "127.0.0.1", server.port(), true);
            tls.setEnabledProtocols(new String[] {"TLSv1.2"});
            tls.startHandshake();
            RawClient client = RawClient.over(tls);
            client.send(GET);
            assertEquals(200, client.read().status());

            tls.startHandshake();
            assertThrows(IOException.class, () -> {
                client.send(GET);
                client.read();
            });
        }
    }
}
