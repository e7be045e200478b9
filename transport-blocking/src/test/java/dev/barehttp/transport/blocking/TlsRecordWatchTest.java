package dev.barehttp.transport.blocking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The record boundaries a {@link TlsRecordWatch} follows, over a real loopback socket pair. */
@Timeout(30)
class TlsRecordWatchTest {
    /** RFC 5246 section 6.2.1: type handshake (22), version 3.3, length 4, then a body that contains 22. */
    private static final byte[] HANDSHAKE_RECORD = {22, 3, 3, 0, 4, 22, 22, 0, 0};
    /** Type application_data (23), version 3.3, length 3. */
    private static final byte[] DATA_RECORD = {23, 3, 3, 0, 3, 22, 3, 3};

    private ServerSocket listener;
    private Socket client;
    private Socket server;
    private OutputStream toServer;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        server = listener.accept();
        toServer = client.getOutputStream();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listener.close();
    }

    /** Reads exactly {@code n} bytes through the watch, one byte per read, the way a header may arrive. */
    private static byte[] readByteByByte(TlsRecordWatch watch, int n) throws IOException {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int b = watch.read();
            assertTrue(b >= 0, "the stream ended early");
            out[i] = (byte) b;
        }
        return out;
    }

    /** Handshake records pass during the first handshake, whatever their bodies hold. */
    @Test
    void handshakeRecordsPassDuringTheFirstHandshake() throws IOException {
        TlsRecordWatch watch = new TlsRecordWatch(server, 10_000);
        toServer.write(HANDSHAKE_RECORD);
        toServer.write(HANDSHAKE_RECORD);
        assertArrayEquals(HANDSHAKE_RECORD, readByteByByte(watch, HANDSHAKE_RECORD.length));
        assertArrayEquals(HANDSHAKE_RECORD, watch.readNBytes(HANDSHAKE_RECORD.length));
    }

    /**
     * The rule, "renegotiation refused": after the first handshake, records of other types pass
     * (a 22 inside their body is not a header), and the first byte of a handshake record fails the read.
     */
    @Test
    void aHandshakeRecordAfterTheFirstHandshakeIsRefused() throws IOException {
        TlsRecordWatch watch = new TlsRecordWatch(server, 10_000);
        toServer.write(HANDSHAKE_RECORD);
        assertArrayEquals(HANDSHAKE_RECORD, watch.readNBytes(HANDSHAKE_RECORD.length));
        watch.handshakeDone();
        toServer.write(DATA_RECORD);
        assertArrayEquals(DATA_RECORD, readByteByByte(watch, DATA_RECORD.length));
        toServer.write(DATA_RECORD);
        assertArrayEquals(DATA_RECORD, watch.readNBytes(DATA_RECORD.length));
        toServer.write(HANDSHAKE_RECORD);
        assertThrows(SSLException.class, () -> watch.readNBytes(HANDSHAKE_RECORD.length));
    }

    /** HttpConfig.headTimeoutMillis bounds the first handshake in total, not per read. */
    @Test
    void theFirstHandshakeEndsAtItsDeadline() throws Exception {
        TlsRecordWatch watch = new TlsRecordWatch(server, 300);
        Thread.sleep(400);
        toServer.write(HANDSHAKE_RECORD);
        assertThrows(SocketTimeoutException.class, watch::read);
    }
}
