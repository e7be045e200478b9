package dev.barehttp.transport.nio;

import dev.barehttp.tck.LimitsKit;

/** The transport test kit's {@link LimitsKit} on the NIO transport. */
class NioLimitsTest extends LimitsKit {
    @Override
    protected String transportName() {
        return "nio";
    }
}
