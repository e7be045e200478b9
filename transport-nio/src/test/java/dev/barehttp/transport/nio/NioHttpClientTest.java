package dev.barehttp.transport.nio;

import dev.barehttp.tck.HttpClientKit;

/** The transport test kit's {@link HttpClientKit} on the NIO transport. */
class NioHttpClientTest extends HttpClientKit {
    @Override
    protected String transportName() {
        return "nio";
    }
}
