package dev.barehttp.tck.memory;

import dev.barehttp.tck.ShutdownKit;
import dev.barehttp.tck.RawClient;
import java.io.IOException;

/** The transport test kit's {@link ShutdownKit} on the in-memory transport, written against the SPI alone. */
class MemoryShutdownTest extends ShutdownKit {
    @Override
    protected String transportName() {
        return "memory";
    }

    @Override
    protected RawClient openClient(int port, int receiveBufferSize) throws IOException {
        return MemoryTransport.connect(port, receiveBufferSize);
    }
}
