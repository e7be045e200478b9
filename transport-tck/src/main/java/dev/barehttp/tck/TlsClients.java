package dev.barehttp.tck;

import dev.barehttp.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS clients of the kits: {@link HttpClient} and raw TLS sockets, all with read timeouts. A kit
 * runs over TLS by starting its servers with {@link TestCertificate#context()} and opening its clients
 * with {@link #connect(int, int)}.
 */
public final class TlsClients {
    private TlsClients() {
    }

    /** An HTTP/1.1 client that trusts {@link TestCertificate} only. */
    public static HttpClient httpClient() throws IOException {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TestCertificate.context())
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /**
     * {@code builder} serving TLS with {@link TestCertificate}: what {@link TransportKit#configure} returns
     * for a kit run over TLS.
     */
    public static HttpServer.Builder withTestCertificate(HttpServer.Builder builder) {
        try {
            return builder.tls(TestCertificate.context());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the kit's test certificate could not be made", e);
        }
    }

    /** {@code https://127.0.0.1:port/path} of {@code server}. */
    static URI uri(HttpServer server, String path) {
        return URI.create("https://127.0.0.1:" + server.port() + path);
    }

    /**
     * A TLS socket to {@code server}, not yet handshaken, with {@link RawClient#READ_TIMEOUT_MILLIS} as
     * read timeout, offering {@code alpn} (none when empty).
     */
    static SSLSocket socket(HttpServer server, SSLContext context, String... alpn) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress("127.0.0.1", server.port()), RawClient.READ_TIMEOUT_MILLIS);
            plain.setSoTimeout(RawClient.READ_TIMEOUT_MILLIS);
            plain.setTcpNoDelay(true);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", server.port(), true);
            if (alpn.length > 0) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setApplicationProtocols(alpn);
                tls.setSSLParameters(parameters);
            }
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * A raw client over a finished TLS handshake with the server on {@code 127.0.0.1:port}, trusting
     * {@link TestCertificate}, with a receive buffer of {@code receiveBufferSize} bytes (0 for the
     * system's): what {@link TransportKit#openClient} returns for a kit run over TLS.
     */
    public static RawClient connect(int port, int receiveBufferSize) throws IOException {
        Socket plain = new Socket();
        try {
            if (receiveBufferSize > 0) {
                plain.setReceiveBufferSize(receiveBufferSize);
            }
            plain.connect(new InetSocketAddress("127.0.0.1", port), RawClient.READ_TIMEOUT_MILLIS);
            plain.setSoTimeout(RawClient.READ_TIMEOUT_MILLIS);
            plain.setTcpNoDelay(true);
            SSLSocket tls = (SSLSocket) TestCertificate.context().getSocketFactory()
                    .createSocket(plain, "127.0.0.1", port, true);
            tls.startHandshake();
            return RawClient.over(tls);
        } catch (GeneralSecurityException e) {
            plain.close();
            throw new IOException(e);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** A raw client over a finished TLS handshake with {@code server}, trusting {@link TestCertificate}. */
    static RawClient raw(HttpServer server) throws IOException, GeneralSecurityException {
        return raw(server, TestCertificate.context());
    }

    /** A raw client over a finished TLS handshake with {@code server}, trusting what {@code context} trusts. */
    static RawClient raw(HttpServer server, SSLContext context) throws IOException {
        SSLSocket tls = socket(server, context);
        try {
            tls.startHandshake();
            return RawClient.over(tls);
        } catch (IOException | RuntimeException e) {
            tls.close();
            throw e;
        }
    }

    /**
     * A client context that accepts any server certificate and keeps the last one it saw in
     * {@code seen}: for a test whose subject is which certificate the server presents.
     */
    static SSLContext recordingContext(AtomicReference<X509Certificate> seen) throws GeneralSecurityException {
        X509TrustManager recording = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException("a client context");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen.set(chain[0]);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {recording}, null);
        return context;
    }
}
