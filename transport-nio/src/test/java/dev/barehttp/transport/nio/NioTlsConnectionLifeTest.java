package dev.barehttp.transport.nio;

import dev.barehttp.tck.ConnectionLifeKit;

/** The transport test kit's {@link ConnectionLifeKit} on the NIO transport over TLS. */
class NioTlsConnectionLifeTest extends ConnectionLifeKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
