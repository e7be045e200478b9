package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graceful shutdown as the Transport contract says. */
class ShutdownTest {

    @Test
    void aRequestInFlightFinishesWithConnectionCloseAndIdleOnesCloseAtOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        HttpServer server = Servers.start(r -> {
            if (r.path().equals("/slow")) {
                entered.countDown();
                Thread.sleep(500);
            }
            return Response.ok("done");
        });
        int port = server.port();
        try (RawClient busy = new RawClient(port); RawClient idle = new RawClient(port)) {
            idle.send(Servers.GET);
            idle.readUntil("\r\n\r\ndone", 1);
            busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            assertTrue(idle.readToEnd().isEmpty(), "the idle connection closes without an answer");
            String answer = busy.readToEnd();
            assertTrue(answer.startsWith("HTTP/1.1 200 OK"), answer);
            assertTrue(answer.contains("Connection: close"), answer);
            closing.get(5, TimeUnit.SECONDS);
            assertEquals(0, server.openConnections());
            assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
        }
        server.close();
    }

    @Test
    void aHandlerThatOutlivesTheGracePeriodIsCutOff() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        HttpServer server = Servers.nio(r -> {
            entered.countDown();
            Thread.sleep(30_000);
            return Response.ok("late");
        }).shutdownGrace(Duration.ofMillis(300)).start();
        try (RawClient c = new RawClient(server.port())) {
            c.send(Servers.GET);
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            long start = System.nanoTime();
            server.close();
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
            assertTrue(c.closedByServer());
        }
    }
}
