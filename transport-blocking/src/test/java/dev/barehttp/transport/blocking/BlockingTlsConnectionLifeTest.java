package dev.barehttp.transport.blocking;

import dev.barehttp.tck.ConnectionLifeKit;

/** The transport test kit's {@link ConnectionLifeKit} on the blocking transport over TLS. */
class BlockingTlsConnectionLifeTest extends ConnectionLifeKit {
    @Override
    protected String transportName() {
        return "blocking";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
