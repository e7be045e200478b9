package dev.barehttp.transport.nio;

import dev.barehttp.tck.RawExchangeKit;

/** The transport test kit's {@link RawExchangeKit} on the NIO transport. */
class NioRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "nio";
    }
}
