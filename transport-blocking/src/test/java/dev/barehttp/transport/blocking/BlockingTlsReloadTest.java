package dev.barehttp.transport.blocking;

import dev.barehttp.tck.TlsReloadKit;

/** The transport test kit's {@link TlsReloadKit} on the blocking transport. */
class BlockingTlsReloadTest extends TlsReloadKit {
    @Override
    protected String transportName() {
        return "blocking";
    }
}
