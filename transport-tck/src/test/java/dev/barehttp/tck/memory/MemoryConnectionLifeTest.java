package dev.barehttp.tck.memory;

import dev.barehttp.tck.ConnectionLifeKit;
import dev.barehttp.tck.RawClient;
import java.io.IOException;

/** The transport test kit's {@link ConnectionLifeKit} on the in-memory transport, written against the SPI alone. */
class MemoryConnectionLifeTest extends ConnectionLifeKit {
    @Override
    protected String transportName() {
        return "memory";
    }

    @Override
    protected RawClient openClient(int port, int receiveBufferSize) throws IOException {
        return MemoryTransport.connect(port, receiveBufferSize);
    }
}
