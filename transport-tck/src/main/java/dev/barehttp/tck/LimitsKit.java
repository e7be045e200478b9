package dev.barehttp.tck;

import static dev.barehttp.tck.RawExchangeKit.GET_HELLO;
import static dev.barehttp.tck.RawExchangeKit.HELLO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.spi.DriverSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every configured limit answered with its status, each followed by a close: sizes (413, 414,
 * 431), timeouts (408, and the quiet close of an idle connection), and the connection limit (503).
 */
public abstract class LimitsKit extends TransportKit {
    private static final long SHORT_MILLIS = 300;
    /** Over TLS the handshake counts against the head timeout too: a margin for a cold one on a busy machine. */
    private static final long HEAD_STALL_MILLIS = 1_000;
    private static final long LONG_MILLIS = 30_000;

    private HttpServer startWith(HttpConfig config) throws IOException {
        return start(b -> b.config(config));
    }

    /** HttpConfig.maxRequestLineLength: a longer request line gets 414, then close. */
    @Test
    void requestLineOverTheLimitGets414ThenClose() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withMaxRequestLineLength(64));
        assertErrorThenClose(server, 414, "GET /" + "a".repeat(100) + " HTTP/1.1\r\nHost: kit\r\n\r\n");
    }

    /** HttpConfig.maxHeaderSectionSize: a larger header section gets 431, then close. */
    @Test
    void headerSectionOverTheLimitGets431ThenClose() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withMaxHeaderSectionSize(256));
        assertErrorThenClose(server, 431, "GET /hello HTTP/1.1\r\nHost: kit\r\nX-Big: " + "b".repeat(400) + "\r\n\r\n");
    }

    /** HttpConfig.maxHeaderCount: more header fields get 431, then close. */
    @Test
    void headerCountOverTheLimitGets431ThenClose() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withMaxHeaderCount(4));
        assertErrorThenClose(server, 431, "GET /hello HTTP/1.1\r\nHost: kit\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n");
    }

    /** HttpConfig.maxBodySize: a Content-Length over the limit gets 413 before any body byte, then close. */
    @Test
    void contentLengthOverTheLimitGets413ThenClose() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withMaxBodySize(10));
        assertErrorThenClose(server, 413, "POST /echo HTTP/1.1\r\nHost: kit\r\nContent-Length: 11\r\n\r\n");
    }

    /** HttpConfig.maxBodySize: a chunked body growing over the limit gets 413, then close. */
    @Test
    void chunkedBodyOverTheLimitGets413ThenClose() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withMaxBodySize(10));
        assertErrorThenClose(server, 413, "POST /echo HTTP/1.1\r\nHost: kit\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n");
    }

    /**
     * RFC 9112 section 9.6: an error answered while the client is still sending is not lost to a
     * connection reset; the server stops writing, then reads what keeps coming for a while before closing.
     */
    @Test
    void errorAnsweredMidUploadReachesTheClient() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withMaxBodySize(1024));
        RawClient client = connect(server);
        client.send("POST /echo HTTP/1.1\r\nHost: kit\r\nTransfer-Encoding: chunked\r\n\r\n");
        byte[] chunk = ("4000\r\n" + "u".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            for (int i = 0; i < 64; i++) {
                client.send(chunk);
            }
        } catch (IOException closedWhileSending) {
            // The server may close before all of it was sent; the response must still be readable.
        }
        RawResponse response = client.read();
        assertEquals(413, response.status(), response::text);
        assertEquals("close", response.header("Connection"), response::text);
    }

    /** HttpConfig.headTimeoutMillis: a request head that stops arriving gets 408, then close. */
    @Test
    void headThatStallsGets408ThenClose() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withTimeouts(HEAD_STALL_MILLIS, LONG_MILLIS, LONG_MILLIS,
                LONG_MILLIS));
        assertErrorThenClose(server, 408, "GET /hello HTTP/1.1\r\nHost: kit\r\n");
    }

    /** HttpConfig.bodyTimeoutMillis: a body that stops arriving while the handler reads it gets 408, then close. */
    @Test
    void bodyThatStallsGets408ThenClose() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withTimeouts(LONG_MILLIS, LONG_MILLIS, SHORT_MILLIS,
                LONG_MILLIS));
        assertErrorThenClose(server, 408, "POST /echo HTTP/1.1\r\nHost: kit\r\nContent-Length: 10\r\n\r\nabc");
    }

    /**
     * HttpConfig.bodyTimeoutMillis, while the handler itself reads: a body too large to be awaited before
     * its handler runs (over maxBufferedInput) that stops arriving mid-way gets 408, then close.
     */
    @Test
    void bodyThatStallsWhileItsHandlerReadsGets408ThenClose() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withTimeouts(LONG_MILLIS, LONG_MILLIS, SHORT_MILLIS,
                LONG_MILLIS));
        assertErrorThenClose(server, 408, "POST /echo HTTP/1.1\r\nHost: kit\r\nContent-Length: 100000\r\n\r\n"
                + "x".repeat(1000));
    }

    /**
     * HttpConfig.headTimeoutMillis bounds the whole head, not a read: a head trickled in pieces, each
     * read on its own, all within the timeout, is answered with every byte kept.
     */
    @Test
    void headTrickledWithinItsTimeoutIsAnswered() throws Exception {
        HttpServer server = startWith(HttpConfig.defaults().withTimeouts(HEAD_STALL_MILLIS * 4, LONG_MILLIS,
                LONG_MILLIS, LONG_MILLIS));
        RawClient client = connect(server);
        for (String piece : new String[] {"GET /hel", "lo HTTP/1.1\r\n", "Host: ", "kit\r\n", "\r\n"}) {
            client.send(piece);
            Thread.sleep(SHORT_MILLIS / 2);
        }
        assertEquals(HELLO, client.read().text());
    }

    /**
     * A deadline that ends nothing leaves the connection reading: a keep-alive connection idle past the
     * release of its buffers (DriverSettings.DEFAULT_TRIM_DELAY_MILLIS), well within the idle timeout,
     * answers its next request.
     */
    @Test
    void connectionIdlePastTheBufferTrimAnswersItsNextRequest() throws Exception {
        HttpServer server = startWith(HttpConfig.defaults().withTimeouts(LONG_MILLIS, LONG_MILLIS, LONG_MILLIS,
                LONG_MILLIS));
        RawClient client = connect(server);
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
        Thread.sleep(DriverSettings.DEFAULT_TRIM_DELAY_MILLIS * 2);
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
    }

    /** HttpConfig.idleTimeoutMillis: a keep-alive connection with no new request is closed without a response. */
    @Test
    void idleConnectionIsClosedQuietly() throws IOException {
        HttpServer server = startWith(HttpConfig.defaults().withTimeouts(LONG_MILLIS, SHORT_MILLIS, LONG_MILLIS,
                LONG_MILLIS));
        RawClient client = connect(server);
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
        assertTrue(client.closedByServer(), "a byte arrived on an idle connection");
    }

    /** HttpConfig.writeTimeoutMillis: a client that takes no output for that long is disconnected. */
    @Test
    void clientThatStopsReadingIsDisconnected() throws Exception {
        HttpServer server = startWith(HttpConfig.defaults().withTimeouts(LONG_MILLIS, LONG_MILLIS, LONG_MILLIS,
                SHORT_MILLIS));
        RawClient client = connect(server);
        client.send("GET /generate?size=" + (256L * 1024 * 1024) + " HTTP/1.1\r\nHost: kit\r\n\r\n");
        awaitOpenConnections(server, 1);
        awaitOpenConnections(server, 0);
        assertEquals(0, server.openConnections(), "the stalled connection is still open");
    }

    /** ServerSettings.maxConnections: one connection over the limit gets 503 and a close; the others go on. */
    @Test
    void connectionOverTheLimitGets503AndOthersGoOn() throws IOException {
        HttpServer server = start(b -> b.maxConnections(2));
        RawClient first = connect(server);
        RawClient second = connect(server);
        assertEquals(HELLO, first.send(GET_HELLO).read().text());
        assertEquals(HELLO, second.send(GET_HELLO).read().text());

        RawClient third = connect(server);
        RawResponse refused = third.read();
        assertEquals(503, refused.status(), refused::text);
        assertEquals("close", refused.header("Connection"), refused::text);
        assertTrue(third.closedByServer());

        assertEquals(HELLO, first.send(GET_HELLO).read().text());
        assertEquals(HELLO, second.send(GET_HELLO).read().text());
    }

    /** ServerSettings.maxConnections counts open connections: a client leaving frees its place. */
    @Test
    void connectionLimitFreesAPlaceWhenAClientLeaves() throws Exception {
        HttpServer server = start(b -> b.maxConnections(1));
        RawClient first = connect(server);
        assertEquals(HELLO, first.send(GET_HELLO).read().text());
        first.close();
        awaitOpenConnections(server, 0);
        assertEquals(0, server.openConnections());
        assertEquals(HELLO, connect(server).send(GET_HELLO).read().text());
    }

    private static void awaitOpenConnections(HttpServer server, int count) throws InterruptedException {
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (server.openConnections() != count && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
    }
}
