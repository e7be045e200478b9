package dev.barehttp.tck;

import static dev.barehttp.tck.RawExchangeKit.GET_HELLO;
import static dev.barehttp.tck.RawExchangeKit.HELLO;
import static dev.barehttp.tck.TlsClients.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS with {@link HttpServer.Builder#tls}: the same exchanges as plain TCP, streamed both ways, the
 * request says it is secure, and ALPN offers {@code http/1.1} only.
 */
public abstract class TlsKit extends TransportKit {
    /** Larger than the heap of the NIO module's tests ({@code -Xmx96m}): only streaming gets it through. */
    private static final long LARGE_BODY = 100L * 1024 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long a second handshake, had it happened, has to be reported after the connection failed. */
    private static final long RENEGOTIATION_WAIT_MILLIS = 500;

    /** Starts a server with TLS from {@link TestCertificate}. */
    protected HttpServer startTls() throws IOException {
        return start(b -> {
            try {
                return b.tls(TestCertificate.context());
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** RFC 9110 section 4.2.2: an https request reaches the handler, which sees a secure connection. */
    @Test
    void httpsRequestIsAnsweredAndMarkedSecure() throws Exception {
        HttpServer server = startTls();
        HttpResponse<String> response = TlsClients.httpClient().send(HttpRequest.newBuilder(uri(server, "/secure"))
                .timeout(PATIENCE).build(), BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("secure=true", response.body());
    }

    /** RFC 9112 section 6.2: a POST body arrives whole through TLS and the answer comes back on the same connection. */
    @Test
    void httpsPostIsEchoed() throws Exception {
        HttpServer server = startTls();
        HttpClient client = TlsClients.httpClient();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(server, "/echo")).timeout(PATIENCE)
                    .POST(BodyPublishers.ofString("posted " + i)).build(), BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("posted " + i, response.body());
        }
    }

    /**
     * A bytes body written by reference (far larger than one TLS record) is wrapped from the gathered
     * head and body segments and arrives intact, on a kept-alive connection (RFC 9112 section 6.2).
     */
    @Test
    void aLargeBytesBodyIsWrappedFromItsSegmentsIntact() throws Exception {
        HttpServer server = startTls();
        HttpClient client = TlsClients.httpClient();
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31 + (i >>> 8));
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(server, "/echo")).timeout(PATIENCE)
                    .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertTrue(java.util.Arrays.equals(body, response.body()), "the echoed body differs");
        }
    }

    /** The same bytes as plain TCP, byte for byte (RFC 9112 section 9.8: HTTP/1.1 runs unchanged over TLS). */
    @Test
    void rawExchangeOverTlsIsByteForByteThePlainOne() throws Exception {
        HttpServer server = startTls();
        RawClient client = TlsClients.raw(server);
        for (int i = 0; i < 2; i++) {
            client.send(GET_HELLO);
            assertEquals(HELLO, client.read().text());
        }
    }

    /** 100 MiB each way through TLS, intact (SHA-256), with a heap smaller than the body: it streams. */
    @Test
    @Timeout(180)
    void hundredMebibytesStreamThroughTlsBothWays() throws Exception {
        HttpServer server = startTls();
        HttpClient client = TlsClients.httpClient();
        MessageDigest sent = GeneratedBody.newSha256();
        HttpResponse<String> upload = client.send(HttpRequest.newBuilder(uri(server, "/digest"))
                .timeout(Duration.ofSeconds(120))
                .POST(BodyPublishers.ofInputStream(() -> new DigestInputStream(new GeneratedBody(LARGE_BODY), sent)))
                .build(), BodyHandlers.ofString());
        assertEquals(HexFormat.of().formatHex(sent.digest()), upload.body());

        HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(
                uri(server, "/generate?size=" + LARGE_BODY)).timeout(Duration.ofSeconds(120)).build(),
                BodyHandlers.ofInputStream());
        try (InputStream body = download.body()) {
            assertEquals(GeneratedBody.sha256(LARGE_BODY), GeneratedBody.sha256(body));
        }
    }

    /** A file body cannot skip encryption (no sendfile over TLS): it arrives intact through the engine. */
    @Test
    void fileBodyIsEncryptedLikeAnyOther() throws Exception {
        HttpServer server = startTls();
        long size = 3L * 1024 * 1024 + 17;
        HttpResponse<InputStream> download = TlsClients.httpClient().send(HttpRequest.newBuilder(
                uri(server, "/file?size=" + size)).timeout(PATIENCE).build(), BodyHandlers.ofInputStream());
        try (InputStream body = download.body()) {
            assertEquals(GeneratedBody.sha256(size), GeneratedBody.sha256(body));
        }
    }

    /** RFC 7301 section 3.2: a client offering only h2 gets the no_application_protocol alert. */
    @Test
    void clientOfferingOnlyH2IsRefusedWithNoApplicationProtocol() throws Exception {
        HttpServer server = startTls();
        try (SSLSocket tls = TlsClients.socket(server, TestCertificate.context(), "h2")) {
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, tls::startHandshake);
            assertTrue(String.valueOf(refused.getMessage()).contains("no_application_protocol"), refused::toString);
        }
        RawClient good = TlsClients.raw(server);
        good.send(GET_HELLO);
        assertEquals(200, good.read().status());
    }

    /** RFC 7301 section 3.2: of h2 and http/1.1 the server selects http/1.1, the one protocol it speaks. */
    @Test
    void alpnSelectsHttp11() throws Exception {
        HttpServer server = startTls();
        try (SSLSocket tls = TlsClients.socket(server, TestCertificate.context(), "h2", "http/1.1")) {
            tls.startHandshake();
            assertEquals("http/1.1", tls.getApplicationProtocol());
            RawClient client = RawClient.over(tls);
            client.send(GET_HELLO);
            assertEquals(HELLO, client.read().text());
        }
    }

    /** RFC 8446 and RFC 5246: both TLS 1.3 and TLS 1.2 are served, with the same bytes. */
    @Test
    void tls13AndTls12AreBothServed() throws Exception {
        HttpServer server = startTls();
        for (String version : new String[] {"TLSv1.3", "TLSv1.2"}) {
            try (SSLSocket tls = TlsClients.socket(server, TestCertificate.context())) {
                tls.setEnabledProtocols(new String[] {version});
                tls.startHandshake();
                assertEquals(version, tls.getSession().getProtocol());
                RawClient client = RawClient.over(tls);
                client.send(GET_HELLO);
                assertEquals(HELLO, client.read().text());
            }
        }
    }

    /**
     * RFC 5746 section 4.4 and RFC 5246 section 7.4.1.2 let a server refuse renegotiation; this one
     * (the rule: "renegotiation refused") closes the connection when a TLS 1.2 client starts a
     * second handshake, which never completes, and a connection open beside it goes on.
     */
    @Test
    void tls12RenegotiationClosesTheConnectionAndNoSecondHandshakeCompletes() throws Exception {
        HttpServer server = startTls();
        RawClient other = TlsClients.raw(server);
        other.send(GET_HELLO);
        assertEquals(HELLO, other.read().text());
        try (SSLSocket tls = TlsClients.socket(server, TestCertificate.context())) {
            tls.setEnabledProtocols(new String[] {"TLSv1.2"});
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(2);
            tls.addHandshakeCompletedListener(event -> {
                first.countDown();
                second.countDown();
            });
            tls.startHandshake();
            assertEquals("TLSv1.2", tls.getSession().getProtocol());
            RawClient client = RawClient.over(tls);
            client.send(GET_HELLO);
            assertEquals(HELLO, client.read().text());
            assertTrue(first.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the first handshake was never reported");

            tls.startHandshake();
            assertThrows(IOException.class, () -> {
                client.send(GET_HELLO);
                client.read();
            }, "the connection went on after a renegotiation");
            assertFalse(second.await(RENEGOTIATION_WAIT_MILLIS, TimeUnit.MILLISECONDS),
                    "a second handshake completed");
        }
        other.send(GET_HELLO);
        assertEquals(HELLO, other.read().text(), "a connection beside the refused one was disturbed");
        RawClient later = TlsClients.raw(server);
        later.send(GET_HELLO);
        assertEquals(HELLO, later.read().text());
    }

    /**
     * RFC 8446 section 6.1: the client's close_notify ends the server's input; the request before it is
     * still answered, then the server ends its side and the client reads the end of the stream.
     */
    @Test
    void closeNotifyFromTheClientEndsTheServersInput() throws Exception {
        HttpServer server = startTls();
        try (SSLSocket tls = TlsClients.socket(server, TestCertificate.context())) {
            tls.setEnabledProtocols(new String[] {"TLSv1.3"});
            tls.startHandshake();
            RawClient client = RawClient.over(tls);
            client.send(GET_HELLO);
            tls.shutdownOutput();
            assertEquals(HELLO, client.read().text());
            assertEquals(-1, tls.getInputStream().read());
        }
    }
}
