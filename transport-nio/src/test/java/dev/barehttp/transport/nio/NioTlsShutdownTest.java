package dev.barehttp.transport.nio;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.ShutdownKit;
import dev.barehttp.tck.RawClient;
import dev.barehttp.tck.TlsClients;
import java.io.IOException;

/** The transport test kit's {@link ShutdownKit} on the NIO transport over TLS. */
class NioTlsShutdownTest extends ShutdownKit {
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
}
