package dev.barehttp.transport.nio;

import dev.barehttp.Handler;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionIO;
import dev.barehttp.spi.Exchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A handler thread's turn with a connection: answers the dispatched request and every complete
 * request pipelined behind it, tries to write the answers at once, and hands the connection back
 * to its selector thread. While the handler waits for body bytes or for the peer to take output,
 * the connection is lent to the selector thread (backpressure both ways).
 */
final class HandlerRun implements Runnable, ConnectionIO {
    private final NioConnection connection;
    private final RequestHead first;
    private final Handler handler;

    HandlerRun(NioConnection connection, RequestHead first, Handler handler) {
        this.connection = connection;
        this.first = first;
        this.handler = handler;
    }

    @Override
    public void run() {
        connection.handlerThread = Thread.currentThread();
        try {
            answerAll();
            connection.writeFromHandler();
        } catch (IOException | RuntimeException | Error e) {
            // The codec is closed so that the selector thread, once handed the connection, closes it.
            connection.http.close();
            if (e instanceof Error) {
                throw (Error) e;
            }
        } finally {
            connection.handlerThread = null;
            connection.handBack();
        }
    }

    private void answerAll() throws IOException {
        ServerConnection http = connection.http;
        InetSocketAddress remote = connection.remoteAddress();
        InetSocketAddress local = connection.localAddress();
        RequestHead head = first;
        while (head != null) {
            Exchange.run(http, head, this, handler, remote, local, false);
            head = nextPipelined(http);
        }
    }

    private static RequestHead nextPipelined(ServerConnection http) {
        if (http.isClosed()) {
            return null;
        }
        HttpEvent e;
        try {
            e = http.nextEvent();
        } catch (HttpProtocolException error) {
            http.respondToError(error);
            return null;
        }
        return e instanceof RequestHead ? (RequestHead) e : null;
    }

    /** Parks this thread until the selector thread has fed more bytes (it stops reading meanwhile). */
    @Override
    public void awaitInput() throws IOException {
        connection.handOff(NioConnection.AWAIT_INPUT);
    }

    /** Writes directly while the socket takes it; otherwise parks until the selector thread wrote the rest. */
    @Override
    public void flush() throws IOException {
        connection.writeFromHandler();
        if (connection.http.hasOutput()) {
            connection.handOff(NioConnection.AWAIT_WRITE);
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
                    connection.handOff(NioConnection.AWAIT_WRITE);
                    continue;
                }
                position += n;
            }
        }
        http.response().bodySentDirectly(length);
    }
}
