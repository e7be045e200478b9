package dev.barehttp.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * A {@link Wire} over an unencrypted socket: every call goes straight to the channel. It keeps no state,
 * so every plain connection shares {@link #INSTANCE} and costs no wire object of its own.
 */
final class PlainWire implements Wire {
    /** The one plain wire, for every unencrypted connection. */
    static final PlainWire INSTANCE = new PlainWire();

    private PlainWire() {
    }

    @Override
    public int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public long write(SocketChannel channel, ByteBuffer[] srcs, int count) throws IOException {
        return channel.write(srcs, 0, count);
    }

    @Override
    public long transferFrom(SocketChannel channel, FileChannel file, long position, long count) throws IOException {
        return file.transferTo(position, count, channel);
    }

    @Override
    public void shutdownOutput(SocketChannel channel) throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close(SocketChannel channel) throws IOException {
        channel.close();
    }
}
