package dev.barehttp.transport.nio;

import dev.barehttp.spi.ConnectionIO;
import java.io.IOException;

/**
 * The {@link ConnectionIO} of a handler running on the selector thread (one declared
 * {@link dev.barehttp.InvocationType#NON_BLOCKING}). It never blocks: the driver dispatches here only
 * requests received whole and sends only bytes bodies (a stream or a file is sent from a handler thread),
 * and what the socket does not take now stays buffered for the loop to write after the handler returns.
 */
final class LoopIO implements ConnectionIO {
    private NioConnection current;

    LoopIO attach(NioConnection connection) {
        current = connection;
        return this;
    }

    @Override
    public boolean mayBlock() {
        return false;
    }

    /** A handler on the selector thread must not wait for bytes: refuses rather than blocking the loop. */
    @Override
    public void awaitInput() throws IOException {
        throw new IOException("a handler on the selector thread needed body bytes that have not arrived");
    }

    /** Writes what the socket takes now; the rest waits for the loop. */
    @Override
    public void flush() throws IOException {
        current.writeOutput();
    }
}
