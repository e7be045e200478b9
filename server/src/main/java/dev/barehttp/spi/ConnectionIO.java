package dev.barehttp.spi;

import dev.barehttp.codec.ServerConnection;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a transport does for {@link Exchange} while a handler runs: bring in more bytes, push out
 * pending output, send a file. Implementations may block the calling (handler) thread.
 */
public interface ConnectionIO {

    /**
     * Blocks until more bytes were handed to the connection with {@code receive}, or the peer ended
     * its input ({@code receiveEndOfInput} was called). When the driver's {@link ConnectionDriver#deadline()}
     * passes first and {@link ConnectionDriver#bodyTimedOut} says so, writes what that queued, and throws.
     *
     * @throws IOException on a socket error or timeout; the connection is then unusable
     */
    void awaitInput() throws IOException;

    /**
     * False for a transport thread that must never wait (a selector thread): the driver then runs on it
     * only requests received whole whose handler is declared {@link dev.barehttp.InvocationType#NON_BLOCKING},
     * and sends only bytes bodies from it (see {@link ConnectionDriver#dispatchNonBlocking()}).
     */
    default boolean mayBlock() {
        return true;
    }

    /** Writes all of the connection's pending output, blocking while the peer cannot take more. */
    void flush() throws IOException;

    /**
     * Sends {@code length} bytes of {@code file} from byte {@code offset} as the body of the committed
     * response (Content-Length framing). The default copies through the response writer; a transport
     * may override it with a zero-copy transfer, which must flush first and then report the bytes
     * with {@link dev.barehttp.codec.ResponseWriter#bodySentDirectly}.
     */
    default void sendFile(ServerConnection connection, Path file, long offset, long length) throws IOException {
        try (var channel = java.nio.file.Files.newByteChannel(file)) {
            channel.position(offset);
            var in = java.nio.channels.Channels.newInputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the file " + file + " shrank while it was sent");
                }
                connection.response().write(buffer, 0, n);
                left -= n;
                flush();
            }
        }
    }
}
