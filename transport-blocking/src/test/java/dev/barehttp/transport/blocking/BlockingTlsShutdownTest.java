package dev.barehttp.transport.blocking;

import dev.barehttp.tck.ShutdownKit;

/** The transport test kit's {@link ShutdownKit} on the blocking transport over TLS. */
class BlockingTlsShutdownTest extends ShutdownKit {
    @Override
    protected String transportName() {
        return "blocking";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
