package dev.barehttp.tck;

import static dev.barehttp.tck.RawExchangeKit.GET_HELLO;
import static dev.barehttp.tck.RawExchangeKit.HELLO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.codec.HttpConfig;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Peers that do not speak TLS, or stop halfway through the handshake, are dropped, never answered
 * in plain text, and a good TLS connection open meanwhile goes on undisturbed.
 */
public abstract class TlsRefusalKit extends TransportKit {
    /**
     * Short, so that a stalled handshake is dropped well within a raw client's read timeout; long enough
     * for a good connection's whole handshake, which counts against it too, on a busy machine.
     */
    private static final long HEAD_TIMEOUT_MILLIS = 2_000;
    /** Bytes that are not a TLS record: the record type 0x47 does not exist (RFC 8446 section 5.1). */
    static final byte[] GARBAGE = "GARBAGE NOT A CLIENT HELLO \u0000\u0001\u0002 garbage garbage garbage\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    /**
     * The first bytes of a handshake record (RFC 8446 section 5.1: type 22, version 3.1, length 512) and
     * of a ClientHello, then nothing: the record never completes.
     */
    /**
     * A fifth of the head timeout between two bytes of a trickled handshake, 2.4 head timeouts in all,
     * and less than the raw client's read timeout.
     */
    private static final long TRICKLE_PAUSE_MILLIS = 400;
    private static final int TRICKLE_BYTES = 12;
    private static final String STILL_OPEN = "(the read timed out)";
    static final byte[] HALF_A_CLIENT_HELLO = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};

    private HttpServer startTls() throws IOException {
        return start(b -> {
            try {
                return b.tls(TestCertificate.context()).config(HttpConfig.defaults().toBuilder()
                        .headTimeoutMillis(HEAD_TIMEOUT_MILLIS).build());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A good TLS connection with one exchange done, to be used again after a bad peer was dropped. */
    private static RawClient goodConnection(HttpServer server) throws IOException, GeneralSecurityException {
        RawClient good = TlsClients.raw(server);
        good.send(GET_HELLO);
        assertEquals(HELLO, good.read().text());
        return good;
    }

    private static void assertStillServes(RawClient good) throws IOException {
        good.send(GET_HELLO);
        assertEquals(HELLO, good.read().text());
    }

    /** What a dropped peer got back: at most a TLS alert, never an HTTP message in plain text. */
    private void assertDroppedWithoutPlainText(RawClient bad) throws IOException {
        String answer = bad.readUntilClosed();
        assertFalse(answer.contains("HTTP/"), () -> "plain text left a TLS port: " + answer);
    }

    /** RFC 8446 section 6.2: bytes that are not a ClientHello end that connection only. */
    @Test
    void garbageInsteadOfClientHelloIsDropped() throws Exception {
        HttpServer server = startTls();
        RawClient good = goodConnection(server);
        RawClient bad = connect(server);
        bad.send(GARBAGE);
        assertDroppedWithoutPlainText(bad);
        assertStillServes(good);
    }

    /** A plain-text HTTP request on the TLS port gets no plain-text answer, and only its connection closes. */
    @Test
    void plainHttpRequestOnTheTlsPortIsDropped() throws Exception {
        HttpServer server = startTls();
        RawClient good = goodConnection(server);
        RawClient bad = connect(server);
        bad.send(GET_HELLO);
        assertDroppedWithoutPlainText(bad);
        assertStillServes(good);
    }

    /** HttpConfig.headTimeoutMillis: a handshake that stops halfway is dropped once the head timeout passed. */
    @Test
    void handshakeStalledMidwayIsDroppedAfterTheHeadTimeout() throws Exception {
        HttpServer server = startTls();
        RawClient good = goodConnection(server);
        RawClient stalled = connect(server);
        stalled.send(HALF_A_CLIENT_HELLO);
        assertDroppedWithoutPlainText(stalled);
        assertStillServes(good);
    }

    /**
     * HttpConfig.headTimeoutMillis bounds the handshake as a whole: a ClientHello trickled a byte at a
     * time, each byte well within the head timeout of the one before, is dropped all the same.
     */
    @Test
    void handshakeTrickledByteByByteIsDroppedAfterTheHeadTimeout() throws Exception {
        HttpServer server = startTls();
        RawClient good = goodConnection(server);
        RawClient trickling = connect(server);
        trickling.send(HALF_A_CLIENT_HELLO);
        // A thread of its own, not the common pool: that has one thread on two cores, maybe busy elsewhere.
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return trickling.readUntilClosed();
            } catch (SocketTimeoutException stillOpen) {
                return STILL_OPEN;
            } catch (IOException reset) {
                return "";
            }
        }, task -> new Thread(task, "kit-trickled-handshake-reader").start());
        int sent = 0;
        try {
            for (; sent < TRICKLE_BYTES && !answer.isDone(); sent++) {
                Thread.sleep(TRICKLE_PAUSE_MILLIS);
                trickling.send(new byte[] {0});
            }
        } catch (IOException closed) {
            // The server has dropped the connection: what this test waits for.
        }
        String received = answer.get(2L * RawClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertNotSame(STILL_OPEN, received, "the trickled connection was still open after the client's read timeout");
        assertTrue(sent < TRICKLE_BYTES, "the connection outlived " + sent + " bytes sent "
                + TRICKLE_PAUSE_MILLIS + " ms apart, " + (sent * TRICKLE_PAUSE_MILLIS) + " ms, with a head timeout of "
                + HEAD_TIMEOUT_MILLIS + " ms");
        assertFalse(received.contains("HTTP/"), () -> "plain text left a TLS port: " + received);
        assertStillServes(good);
    }

    /** HttpConfig.headTimeoutMillis: a client that connects and never starts the handshake is dropped too. */
    @Test
    void silentClientIsDroppedAfterTheHeadTimeout() throws Exception {
        HttpServer server = startTls();
        RawClient silent = connect(server);
        assertDroppedWithoutPlainText(silent);
        assertStillServes(goodConnection(server));
    }
}
