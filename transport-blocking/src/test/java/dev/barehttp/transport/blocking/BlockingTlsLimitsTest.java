package dev.barehttp.transport.blocking;

import dev.barehttp.tck.LimitsKit;

/** The transport test kit's {@link LimitsKit} on the blocking transport over TLS. */
class BlockingTlsLimitsTest extends LimitsKit {
    @Override
    protected String transportName() {
        return "blocking";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
