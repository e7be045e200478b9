package dev.barehttp.transport.blocking;

import dev.barehttp.tck.HttpClientKit;

/** The transport test kit's {@link HttpClientKit} on the blocking transport. */
class BlockingHttpClientTest extends HttpClientKit {
    @Override
    protected String transportName() {
        return "blocking";
    }
}
