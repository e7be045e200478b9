package dev.barehttp.transport.nio;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.HttpClientKit;
import dev.barehttp.tck.RawClient;
import dev.barehttp.tck.TlsClients;
import java.io.IOException;

/** The transport test kit's {@link HttpClientKit} on the NIO transport over TLS: the same requests, https. */
class NioTlsHttpClientTest extends HttpClientKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        return TlsClients.withTestCertificate(builder);
    }

    @Override
    protected RawClient openClient(int port, int receiveBufferSize) throws IOException {
        return TlsClients.connect(port, receiveBufferSize);
    }

    @Override
    protected boolean https() {
        return true;
    }
}
