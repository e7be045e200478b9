package dev.barehttp.client;

import dev.barehttp.codec.ClientConnection;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One socket and the codec connection that speaks over it: the only place where the client touches
 * the network. It moves bytes between the two and nothing else; every decision is the codec's.
 */
final class ClientSocket implements AutoCloseable {
    private static final int READ_BUFFER = 16 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ClientConnection codec;
    private final int readTimeoutMillis;
    private final int continueTimeoutMillis;
    private final byte[] buffer = new byte[READ_BUFFER];
    private int soTimeout;
    private int exchanges;

    private ClientSocket(Socket socket, ClientOptions options) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.codec = new ClientConnection(options.config());
        this.readTimeoutMillis = (int) options.readTimeout().toMillis();
        this.continueTimeoutMillis = (int) options.continueTimeout().toMillis();
        this.soTimeout = readTimeoutMillis;
        socket.setSoTimeout(readTimeoutMillis);
    }

    /** Connects to {@code host:port}, through TLS when {@code tls} is not null, with the options' timeouts. */
    static ClientSocket open(String host, int port, SSLSocketFactory tls, ClientOptions options) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host, port), (int) options.connectTimeout().toMillis());
            if (tls == null) {
                return new ClientSocket(plain, options);
            }
            plain.setSoTimeout((int) options.connectTimeout().toMillis());
            SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setUseClientMode(true);
            secure.startHandshake();
            return new ClientSocket(secure, options);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    ClientConnection codec() {
        return codec;
    }

    /** True when a request has been sent on this socket before: a stale keep-alive connection is possible. */
    boolean reused() {
        return exchanges > 0;
    }

    /** Counts a request sent on this socket. */
    void requestSent() {
        exchanges++;
    }

    /** True when another request may be sent on this connection. */
    boolean reusable() {
        return !socket.isClosed() && codec.canSendRequest();
    }

    /** Writes every byte the codec has queued. */
    void flush() throws IOException {
        if (codec.hasOutput()) {
            ByteBuffer pending = codec.peekOutput();
            int n = pending.remaining();
            out.write(pending.array(), pending.arrayOffset() + pending.position(), n);
            codec.consumeOutput(n);
            out.flush();
        }
    }

    /**
     * The codec's next event other than {@link Signal#NEED_DATA}, reading the socket as needed and
     * writing what the codec queues meanwhile (a body released by {@code 100 Continue}); or
     * {@code NEED_DATA} itself when the wait for {@code 100 Continue} ran out and the body was let go.
     */
    HttpEvent next() throws IOException {
        while (true) {
            flush();
            HttpEvent e = codec.nextEvent();
            if (e != Signal.NEED_DATA) {
                return e;
            }
            if (!fill()) {
                flush();
                return Signal.NEED_DATA;
            }
        }
    }

    /** Reads once into the codec; false when, instead, the wait for {@code 100 Continue} ended. */
    private boolean fill() throws IOException {
        boolean waitingForContinue = codec.request().awaitingContinue();
        setTimeout(waitingForContinue ? Math.min(continueTimeoutMillis, readTimeoutMillis) : readTimeoutMillis);
        int n;
        try {
            n = in.read(buffer);
        } catch (SocketTimeoutException e) {
            if (waitingForContinue) {
                codec.request().proceedWithoutContinue();
                return false;
            }
            throw e;
        }
        if (n < 0) {
            codec.receiveEndOfInput();
        } else {
            codec.receive(buffer, 0, n);
        }
        return true;
    }

    private void setTimeout(int millis) throws IOException {
        if (millis != soTimeout) {
            socket.setSoTimeout(millis);
            soTimeout = millis;
        }
    }

    @Override
    public void close() throws IOException {
        codec.close();
        socket.close();
    }
}
