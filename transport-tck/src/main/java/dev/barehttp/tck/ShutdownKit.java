package dev.barehttp.tck;

import static dev.barehttp.tck.RawExchangeKit.GET_HELLO;
import static dev.barehttp.tck.RawExchangeKit.HELLO;
import static dev.barehttp.tck.RawResponse.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle of the Transport contract: binding, graceful close with a request in flight, idle
 * connections closed at once, the grace period enforced, and close twice being harmless.
 */
public abstract class ShutdownKit extends TransportKit {
    private static final long PATIENCE_SECONDS = 10;

    /** Transport contract: a request in flight at close completes, says Connection: close, then the connection ends. */
    @Test
    void requestInFlightCompletesDuringGracefulClose() throws Exception {
        HttpServer server = start(b -> b.shutdownGrace(Duration.ofSeconds(PATIENCE_SECONDS)));
        RawClient idle = connect(server);
        assertEquals(HELLO, idle.send(GET_HELLO).read().text());
        RawClient busy = connect(server);
        busy.send("GET /slow HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertTrue(handler.slowEntered.await(PATIENCE_SECONDS, TimeUnit.SECONDS));

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        // The idle connection closing shows that close() has told the connections it is shutting down.
        assertTrue(idle.closedByServer());
        assertThrows(IOException.class, () -> openClient(server.port(), 0).close());
        handler.slowRelease.countDown();

        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8", "Content-Length: 7",
                "Date: <date>", "Connection: close", "", "finally"), busy.read().text());
        assertTrue(busy.closedByServer());
        closing.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertEquals(0, server.openConnections());
    }

    /** Transport contract: idle keep-alive connections are closed at once, not after the grace period. */
    @Test
    void idleConnectionsCloseAtOnceOnClose() throws Exception {
        HttpServer server = start(b -> b.shutdownGrace(Duration.ofSeconds(20)));
        RawClient client = connect(server);
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
        long started = System.nanoTime();
        server.close();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 5_000, "close() took " + tookMillis + " ms with only an idle connection");
        assertTrue(client.closedByServer());
        assertEquals(0, server.openConnections());
    }

    /** Transport contract: what outlives the grace period is force-closed, and close() still returns. */
    @Test
    void closeForcesWhatOutlivesTheGracePeriod() throws Exception {
        HttpServer server = start(b -> b.shutdownGrace(Duration.ofMillis(300)));
        RawClient client = connect(server);
        client.send("GET /slow HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertTrue(handler.slowEntered.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
        CompletableFuture.runAsync(server::close).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertTrue(client.closedByServer());
        assertEquals(0, server.openConnections());
    }

    /** Transport contract: close stops accepting at once. */
    @Test
    void closedServerAcceptsNoConnection() throws IOException {
        HttpServer server = start();
        int port = server.port();
        server.close();
        assertThrows(ConnectException.class, () -> openClient(port, 0).close());
    }

    /** Transport contract: closing twice is harmless. */
    @Test
    void closingTwiceIsHarmless() throws IOException {
        HttpServer server = start();
        server.close();
        server.close();
        assertEquals(0, server.openConnections());
    }

    /** Transport contract: start binds before returning, and a taken port fails the start. */
    @Test
    void startOnATakenPortFails() throws IOException {
        HttpServer first = start();
        assertTrue(first.port() > 0);
        assertEquals(HELLO, connect(first).send(GET_HELLO).read().text());
        assertThrows(IOException.class, () -> start(b -> b.port(first.port())));
        assertEquals(HELLO, connect(first).send(GET_HELLO).read().text());
    }
}
