package dev.barehttp.transport.nio;

import dev.barehttp.tck.ShutdownKit;

/** The transport test kit's {@link ShutdownKit} on the NIO transport over TLS. */
class NioTlsShutdownTest extends ShutdownKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
