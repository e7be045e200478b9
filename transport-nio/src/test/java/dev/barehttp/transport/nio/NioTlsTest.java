package dev.barehttp.transport.nio;

import dev.barehttp.tck.TlsKit;

/** The transport test kit's {@link TlsKit} on the NIO transport (an SSLEngine per connection). */
class NioTlsTest extends TlsKit {
    @Override
    protected String transportName() {
        return "nio";
    }
}
