package dev.barehttp.transport.blocking;

import dev.barehttp.tck.HttpClientKit;

/** The transport test kit's {@link HttpClientKit} on the blocking transport over TLS: the same requests, https. */
class BlockingTlsHttpClientTest extends HttpClientKit {
    @Override
    protected String transportName() {
        return "blocking";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
