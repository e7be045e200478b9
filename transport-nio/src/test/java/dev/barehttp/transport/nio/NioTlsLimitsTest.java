package dev.barehttp.transport.nio;

import dev.barehttp.tck.LimitsKit;

/** The transport test kit's {@link LimitsKit} on the NIO transport over TLS. */
class NioTlsLimitsTest extends LimitsKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
