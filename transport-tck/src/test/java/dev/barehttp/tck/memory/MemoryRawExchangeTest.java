package dev.barehttp.tck.memory;

import dev.barehttp.tck.RawExchangeKit;
import dev.barehttp.tck.RawClient;
import java.io.IOException;

/** The transport test kit's {@link RawExchangeKit} on the in-memory transport, written against the SPI alone. */
class MemoryRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "memory";
    }

    @Override
    protected RawClient openClient(int port, int receiveBufferSize) throws IOException {
        return MemoryTransport.connect(port, receiveBufferSize);
    }
}
