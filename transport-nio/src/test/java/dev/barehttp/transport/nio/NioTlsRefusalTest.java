package dev.barehttp.transport.nio;

import dev.barehttp.tck.TlsRefusalKit;

/** The transport test kit's {@link TlsRefusalKit} on the NIO transport. */
class NioTlsRefusalTest extends TlsRefusalKit {
    @Override
    protected String transportName() {
        return "nio";
    }
}
