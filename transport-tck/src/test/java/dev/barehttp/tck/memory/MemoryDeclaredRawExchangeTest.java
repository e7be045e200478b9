package dev.barehttp.tck.memory;

import dev.barehttp.tck.RawClient;
import dev.barehttp.tck.RawExchangeKit;
import java.io.IOException;

/** The {@link RawExchangeKit} on the in-memory transport with the kit's routes declared non-blocking. */
class MemoryDeclaredRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "memory";
    }

    @Override
    protected boolean handlersDeclareNonBlocking() {
        return true;
    }

    @Override
    protected RawClient openClient(int port, int receiveBufferSize) throws IOException {
        return MemoryTransport.connect(port, receiveBufferSize);
    }
}
