package dev.barehttp.transport.nio;

import dev.barehttp.tck.ShutdownKit;

/** The transport test kit's {@link ShutdownKit} on the NIO transport. */
class NioShutdownTest extends ShutdownKit {
    @Override
    protected String transportName() {
        return "nio";
    }
}
