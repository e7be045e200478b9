package dev.barehttp.transport.blocking;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;

/**
 * The client's TLS bytes on their way from the socket to the {@link javax.net.ssl.SSLSocket}, watched
 * record by record so that two rules hold on the connection's own thread, before the JDK acts on a
 * byte:
 *
 * <ul>
 *   <li>the first handshake ends within the head timeout in total: a client that trickles its
 *       ClientHello cannot stretch it by sending a byte just before each read times out;</li>
 *   <li>after it, a handshake record from the client is refused: in TLS 1.2 that is a renegotiation,
 *       which this server does not do (RFC 5746 section 4.4 and RFC 5246 section 7.4.1.2 let a server
 *       decline; the NIO transport refuses it too), and in TLS 1.3 it cannot occur at all (RFC 8446
 *       section 5: every record after the handshake is protected, with outer type application_data).
 *       The read fails before the SSLSocket sees the record, so no ServerHello is ever sent for it.</li>
 * </ul>
 *
 * A record header is 5 bytes (RFC 8446 section 5.1, RFC 5246 section 6.2.1): the content type, a
 * version of 2 bytes, and the length of 2 bytes. Headers may arrive split across reads; the watch
 * counts bytes, so it never reads ahead of what the SSLSocket asked for.
 */
final class TlsRecordWatch extends FilterInputStream {
    private static final int HEADER_SIZE = 5;
    private static final int HANDSHAKE = 22;

    private final Socket raw;
    /** Monotonic milliseconds by which the first handshake must be done; Long.MAX_VALUE for none. */
    private final long handshakeDeadline;
    private boolean handshakeDone;
    /** Bytes of the current header seen so far (0 to 5), then the body's bytes still to pass. */
    private int headerSeen;
    private int length;
    private int bodyLeft;
    private final byte[] one = new byte[1];

    /**
     * Watches what {@code raw} receives; the first handshake must be done {@code handshakeTimeoutMillis}
     * from now (0 or less: no limit).
     */
    TlsRecordWatch(Socket raw, long handshakeTimeoutMillis) throws IOException {
        super(raw.getInputStream());
        this.raw = raw;
        this.handshakeDeadline = handshakeTimeoutMillis > 0 ? BlockingConnection.now() + handshakeTimeoutMillis
                : Long.MAX_VALUE;
    }

    /** The first handshake is done: from now on the read timeout is the connection's, and handshakes are refused. */
    void handshakeDone() {
        handshakeDone = true;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!handshakeDone) {
            armHandshakeDeadline();
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            watch(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would escape the count of record boundaries.
        byte[] sink = new byte[(int) Math.min(n, 4096)];
        int read = read(sink, 0, sink.length);
        return Math.max(0, read);
    }

    private void armHandshakeDeadline() throws IOException {
        if (handshakeDeadline == Long.MAX_VALUE) {
            return;
        }
        long left = handshakeDeadline - BlockingConnection.now();
        if (left <= 0) {
            throw new SocketTimeoutException("the TLS handshake did not finish within the head timeout");
        }
        raw.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    /** Follows record boundaries through {@code n} bytes at {@code off}; throws at a refused record's first byte. */
    private void watch(byte[] b, int off, int n) throws SSLException {
        int i = off;
        int end = off + n;
        while (i < end) {
            if (bodyLeft > 0) {
                int skipped = Math.min(bodyLeft, end - i);
                bodyLeft -= skipped;
                i += skipped;
                continue;
            }
            int value = b[i++] & 0xFF;
            if (headerSeen == 0 && handshakeDone && value == HANDSHAKE) {
                throw new SSLException("a handshake after the first (TLS 1.2 renegotiation) is refused");
            }
            if (headerSeen >= 3) {
                length = (length << 8) | value;
            }
            if (++headerSeen == HEADER_SIZE) {
                bodyLeft = length;
                headerSeen = 0;
                length = 0;
            }
        }
    }
}
