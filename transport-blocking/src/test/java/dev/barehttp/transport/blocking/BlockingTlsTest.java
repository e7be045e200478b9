package dev.barehttp.transport.blocking;

import dev.barehttp.tck.TlsKit;

/** The transport test kit's {@link TlsKit} on the blocking transport (an SSLSocket layered over each accepted socket). */
class BlockingTlsTest extends TlsKit {
    @Override
    protected String transportName() {
        return "blocking";
    }
}
