package dev.barehttp.transport.nio;

import dev.barehttp.tck.TlsReloadKit;

/** The transport test kit's {@link TlsReloadKit} on the NIO transport. */
class NioTlsReloadTest extends TlsReloadKit {
    @Override
    protected String transportName() {
        return "nio";
    }
}
