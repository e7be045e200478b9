package dev.barehttp.spi;

import dev.barehttp.codec.ServerConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The raw byte streams of a connection after a protocol switch: reads take what the codec holds
 * and ask the transport for more; writes queue in the codec and reach the socket on flush, or
 * whenever a threshold has accumulated (so memory stays bounded whatever the new protocol writes).
 */
final class SwitchedStreams {
    private static final int FLUSH_THRESHOLD = 32 * 1024;

    private final ServerConnection connection;
    private final ConnectionIO io;
    private final InputStream in = new In();
    private final OutputStream out = new Out();

    SwitchedStreams(ServerConnection connection, ConnectionIO io) {
        this.connection = connection;
        this.io = io;
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (true) {
                int n = connection.readSwitched(b, off, len);
                if (n > 0) {
                    return n;
                }
                if (connection.inputEnded()) {
                    return -1;
                }
                io.awaitInput();
            }
        }

        @Override
        public int available() {
            return connection.bufferedInput();
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            connection.writeSwitched(b, off, len);
            if (connection.pendingOutput() >= FLUSH_THRESHOLD) {
                io.flush();
            }
        }

        @Override
        public void flush() throws IOException {
            io.flush();
        }
    }
}
