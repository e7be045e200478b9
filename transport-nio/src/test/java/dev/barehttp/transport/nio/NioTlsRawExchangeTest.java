package dev.barehttp.transport.nio;

import dev.barehttp.tck.RawExchangeKit;

/** The transport test kit's {@link RawExchangeKit} on the NIO transport over TLS: the same bytes inside the records. */
class NioTlsRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
