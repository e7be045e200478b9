package dev.barehttp.transport.nio;

import dev.barehttp.tck.HttpClientKit;

/** The transport test kit's {@link HttpClientKit} on the NIO transport over TLS: the same requests, https. */
class NioTlsHttpClientTest extends HttpClientKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected boolean overTls() {
        return true;
    }
}
