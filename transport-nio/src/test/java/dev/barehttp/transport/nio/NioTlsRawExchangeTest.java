package dev.barehttp.transport.nio;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.RawClient;
import dev.barehttp.tck.RawExchangeKit;
import dev.barehttp.tck.TestCertificate;
import dev.barehttp.tck.TlsClients;
import java.io.IOException;
import java.security.GeneralSecurityException;

/** The transport test kit's {@link RawExchangeKit} on the NIO transport over TLS: the same bytes inside the records. */
class NioTlsRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        try {
            return builder.tls(TestCertificate.context());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected RawClient openClient(int port, int receiveBufferSize) throws IOException {
        return TlsClients.connect(port, receiveBufferSize);
    }
}
