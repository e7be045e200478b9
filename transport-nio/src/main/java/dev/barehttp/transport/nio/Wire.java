package dev.barehttp.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * The byte path between a socket and the codec. A plain connection passes bytes straight through
 * ({@link PlainWire}); TLS unwraps on read and wraps on write ({@link TlsWire}) without changing the
 * event loop, which only ever reads into and writes from a {@code Wire}. One thread at a time uses a
 * wire: whichever holds the connection.
 *
 * <p>The connection keeps its socket and passes it to every call, so that plain connections can all
 * share the one stateless {@link PlainWire#INSTANCE}; a caller must always pass a wire with state (TLS)
 * the same channel.
 */
interface Wire {

    /**
     * Reads what is available from {@code channel} into {@code dst}: the count, 0 when nothing is ready,
     * -1 at end of input. A TLS wire needs room in {@code dst} for at least {@link TlsWire#MIN_READ_BUFFER}
     * bytes.
     */
    int read(SocketChannel channel, ByteBuffer dst) throws IOException;

    /**
     * Writes what the socket takes now from {@code srcs[0, count)}, in order, as one gathering write
     * (the codec's head and framing bytes beside the application's body buffers): the count, possibly 0.
     * A wire may take bytes and report them only once they are on the socket (TLS records the socket
     * took in part); the caller must then pass the same unwritten bytes again, as it does with what a
     * socket did not take. The caller tells the codec the count; the positions of {@code srcs} after the
     * call mean nothing.
     */
    long write(SocketChannel channel, ByteBuffer[] srcs, int count) throws IOException;

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position} without copying them
     * through the heap, or returns -1 when this wire cannot (TLS must encrypt every byte).
     */
    long transferFrom(SocketChannel channel, FileChannel file, long position, long count) throws IOException;

    /** Ends the sending side (after a final response), keeping the receiving side open. */
    void shutdownOutput(SocketChannel channel) throws IOException;

    /** Closes the socket. */
    void close(SocketChannel channel) throws IOException;

    /**
     * True while the wire cannot take input (a TLS handshake task runs off the selector thread): the
     * loop must stop reading until the wire says it is ready again.
     */
    default boolean inputHeld() {
        return false;
    }

    /** True once the wire carries application bytes (a TLS handshake finished); a plain wire always does. */
    default boolean isSetUp() {
        return true;
    }

    /**
     * When the connection must be dropped unless it is set up by then (the end of the time a TLS
     * handshake may take), on the loop's clock; {@link Long#MAX_VALUE} for no limit.
     */
    default long setupDeadline() {
        return Long.MAX_VALUE;
    }
}
