package dev.barehttp.transport.blocking;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.ShutdownKit;
import dev.barehttp.tck.RawClient;
import dev.barehttp.tck.TlsClients;
import java.io.IOException;

/** The transport test kit's {@link ShutdownKit} on the blocking transport over TLS. */
class BlockingTlsShutdownTest extends ShutdownKit {
    @Override
    protected String transportName() {
        return "blocking";
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
