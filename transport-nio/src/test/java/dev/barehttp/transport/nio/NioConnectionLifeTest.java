package dev.barehttp.transport.nio;

import dev.barehttp.tck.ConnectionLifeKit;

/** The transport test kit's {@link ConnectionLifeKit} on the nio transport. */
class NioConnectionLifeTest extends ConnectionLifeKit {
    @Override
    protected String transportName() {
        return "nio";
    }
}
