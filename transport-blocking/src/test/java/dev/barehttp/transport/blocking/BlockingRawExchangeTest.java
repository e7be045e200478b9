package dev.barehttp.transport.blocking;

import dev.barehttp.tck.RawExchangeKit;

/** The transport test kit's {@link RawExchangeKit} on the blocking transport. */
class BlockingRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "blocking";
    }
}
