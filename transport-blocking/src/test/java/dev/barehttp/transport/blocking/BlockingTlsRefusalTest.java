package dev.barehttp.transport.blocking;

import dev.barehttp.tck.TlsRefusalKit;

/** The transport test kit's {@link TlsRefusalKit} on the blocking transport. */
class BlockingTlsRefusalTest extends TlsRefusalKit {
    @Override
    protected String transportName() {
        return "blocking";
    }
}
