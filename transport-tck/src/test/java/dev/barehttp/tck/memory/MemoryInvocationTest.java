package dev.barehttp.tck.memory;

import dev.barehttp.tck.InvocationKit;
import dev.barehttp.tck.RawClient;
import java.io.IOException;

/** The {@link InvocationKit} on the in-memory transport: the declaration API needs nothing beyond the SPI. */
class MemoryInvocationTest extends InvocationKit {
    @Override
    protected String transportName() {
        return "memory";
    }

    @Override
    protected RawClient openClient(int port, int receiveBufferSize) throws IOException {
        return MemoryTransport.connect(port, receiveBufferSize);
    }
}
