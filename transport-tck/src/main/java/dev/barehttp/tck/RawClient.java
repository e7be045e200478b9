package dev.barehttp.tck;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * A client that writes raw bytes to a loopback socket and reads raw responses. Every read has a
 * timeout, so a server that hangs fails the test instead of hanging the build.
 */
public final class RawClient implements AutoCloseable {
    /** How long any single read waits before the test fails. */
    public static final int READ_TIMEOUT_MILLIS = 5_000;

    /** How a client ends its sending side and closes: a socket's, or an in-memory transport's. */
    public interface Ends {
        /** Ends the sending side only. */
        void shutdownOutput() throws IOException;

        /** Closes both directions. */
        void close() throws IOException;
    }

    private final Ends ends;
    private final InputStream in;
    private final OutputStream out;

    /** A client over any byte streams; reads must time out (a hang fails the test, not the build). */
    public RawClient(InputStream in, OutputStream out, Ends ends) {
        this.ends = ends;
        this.in = new BufferedInputStream(in);
        this.out = out;
    }

    private RawClient(Socket socket) throws IOException {
        this(socket.getInputStream(), socket.getOutputStream(), new Ends() {
            @Override
            public void shutdownOutput() throws IOException {
                socket.shutdownOutput();
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        });
    }

    /** A client over a socket already connected (a TLS socket, say); it must have a read timeout. */
    public static RawClient over(Socket socket) throws IOException {
        return new RawClient(socket);
    }

    /** Connects to {@code 127.0.0.1:port}. */
    public static RawClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /**
     * Connects to {@code 127.0.0.1:port} with a receive buffer of {@code receiveBufferSize} bytes (0 for
     * the system's), so that a client that does not read soon stops the server's writes.
     */
    public static RawClient connect(int port, int receiveBufferSize) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBufferSize > 0) {
                socket.setReceiveBufferSize(receiveBufferSize);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            return new RawClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends {@code text} as ISO-8859-1 bytes, in one write. */
    public RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code bytes} in one write. */
    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Closes the sending side only: the server sees the end of input and may still answer. */
    public void shutdownOutput() throws IOException {
        ends.shutdownOutput();
    }

    /** Reads one response to a request that was not HEAD. */
    public RawResponse read() throws IOException {
        return RawResponse.readFrom(in, false);
    }

    /** Reads one response to a HEAD request (no body, whatever the header fields say). */
    public RawResponse readHeadResponse() throws IOException {
        return RawResponse.readFrom(in, true);
    }

    /** Everything until the server closes, as ISO-8859-1 text. */
    public String readUntilClosed() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            all.write(buffer, 0, n);
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * True when the server has closed the connection and sent nothing more; false when a byte
     * arrives. A read that times out throws, which fails the test.
     */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException | java.io.InterruptedIOException reset) {
            if (reset instanceof java.net.SocketTimeoutException) {
                throw reset;
            }
            return true;
        }
    }

    /** The raw input, for tests that read large bodies in their own way. */
    public InputStream input() {
        return in;
    }

    /** The raw output, for tests that keep sending while they read. */
    public OutputStream output() {
        return out;
    }

    /** Reads exactly {@code n} bytes. */
    static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("the connection closed after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        ends.close();
    }
}
