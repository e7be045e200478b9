package dev.barehttp.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The byte path between a socket and the codec. A plain connection passes bytes straight through;
 * a TLS stage (unwrap on read, wrap on write) fits here without changing the event loop, which
 * only ever reads into and writes from a {@code Wire}.
 */
interface Wire {

    /** Reads what is available into {@code dst}: the count, 0 when nothing is ready, -1 at end of input. */
    int read(ByteBuffer dst) throws IOException;

    /** Writes what the socket takes now from {@code src}: the count, possibly 0. */
    int write(ByteBuffer src) throws IOException;

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position} without copying them
     * through the heap, or returns -1 when this wire cannot (TLS must encrypt every byte).
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException;

    /** Ends the sending side (after a final response), keeping the receiving side open. */
    void shutdownOutput() throws IOException;

    /** Closes the socket. */
    void close() throws IOException;
}
