package dev.barehttp.transport.blocking;

import dev.barehttp.tck.RawExchangeKit;

/** The transport test kit's {@link RawExchangeKit} on the blocking transport over TLS: the same bytes inside the records. */
class BlockingTlsRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "blocking";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
