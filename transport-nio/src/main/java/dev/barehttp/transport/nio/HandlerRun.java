package dev.barehttp.transport.nio;

import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionIO;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A handler thread's turn with a connection: runs the driver's dispatch (the request and every
 * request pipelined behind it that can be answered now), tries to write the answers at once, and
 * hands the connection back to its selector thread. While the handler waits for body bytes or for
 * the peer to take output, the connection is lent to the selector thread (backpressure both ways).
 */
final class HandlerRun implements Runnable, ConnectionIO {
    private final NioConnection connection;

    HandlerRun(NioConnection connection) {
        this.connection = connection;
    }

    @Override
    public void run() {
        connection.handlerThread = Thread.currentThread();
        try {
            connection.driver.dispatch(this);
            connection.writeFromHandler();
        } catch (IOException | RuntimeException | Error e) {
            // The codec is closed so that the selector thread, once handed the connection, closes it.
            connection.http.close();
        } finally {
            connection.handlerThread = null;
            connection.handBack();
        }
    }

    /** Parks this thread until the selector thread has fed more bytes (it stops reading meanwhile). */
    @Override
    public void awaitInput() throws IOException {
        flush();
        connection.handOff(NioConnection.Holder.AWAIT_INPUT);
    }

    /** Writes directly while the socket takes it; otherwise parks until the selector thread wrote the rest. */
    @Override
    public void flush() throws IOException {
        connection.writeFromHandler();
        if (connection.http.hasOutput()) {
            connection.handOff(NioConnection.Holder.AWAIT_WRITE);
        }
    }

    /** Flushes the head, then sends the file with {@code FileChannel.transferTo}, parking while the socket is full. */
    @Override
    public void sendFile(ServerConnection http, Path file, long offset, long length) throws IOException {
        flush();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = offset;
            long end = offset + length;
            while (position < end) {
                long n = connection.wire.transferFrom(channel, position, end - position);
                if (n < 0 && position == offset) {
                    ConnectionIO.super.sendFile(http, file, offset, length);
                    return;
                }
                if (n <= 0) {
                    if (position >= channel.size()) {
                        throw new IOException("the file " + file + " shrank while it was sent");
                    }
                    connection.handOff(NioConnection.Holder.AWAIT_WRITE);
                    continue;
                }
                position += n;
            }
        }
        http.response().bodySentDirectly(length);
    }
}
