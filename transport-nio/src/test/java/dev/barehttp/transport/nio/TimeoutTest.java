package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import dev.barehttp.codec.HttpConfig;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The codec's deadlines (head, idle, body) and the write timeout, enforced by the selector thread. */
class TimeoutTest {
    private static final HttpConfig SHORT = HttpConfig.defaults().withTimeouts(300, 300, 300, 300);

    @Test
    void aHeadThatStallsIsAnswered408AndClosed() throws Exception {
        try (HttpServer server = Servers.start(r -> Response.ok("x"), SHORT);
             RawClient c = new RawClient(server.port())) {
            c.send("GET / HTTP/1.1\r\nHo");
            String answer = c.readToEnd();
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedQuietly() throws Exception {
        try (HttpServer server = Servers.start(r -> Response.ok("x"), SHORT);
             RawClient c = new RawClient(server.port())) {
            c.send(Servers.GET);
            c.readUntil("\r\n\r\nx", 1);
            long start = System.nanoTime();
            assertTrue(c.readToEnd().isEmpty());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3_000);
        }
    }

    /** A small body that stalls is awaited before any handler thread is taken: 408, and the handler never runs. */
    @Test
    void aSmallBodyThatStallsIsAnswered408WithoutTakingAHandler() throws Exception {
        CompletableFuture<Boolean> handlerRan = new CompletableFuture<>();
        try (HttpServer server = Servers.start(r -> {
            handlerRan.complete(true);
            return Response.ok("x");
        }, SHORT); RawClient c = new RawClient(server.port())) {
            c.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc");
            String answer = c.readToEnd();
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertFalse(handlerRan.isDone(), "the handler ran for a body that never arrived");
        }
    }

    /** A chunked body is streamed to its handler; when it stalls, the handler's read fails and the peer gets 408. */
    @Test
    void aStreamedBodyThatStallsWhileTheHandlerReadsIsAnswered408() throws Exception {
        CompletableFuture<Throwable> handlerSaw = new CompletableFuture<>();
        try (HttpServer server = Servers.start(r -> {
            try {
                r.body().readAllBytes();
                handlerSaw.complete(null);
            } catch (IOException e) {
                handlerSaw.complete(e);
                throw e;
            }
            return Response.ok("x");
        }, SHORT); RawClient c = new RawClient(server.port())) {
            c.send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
            String answer = c.readToEnd();
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(handlerSaw.get(5, TimeUnit.SECONDS) instanceof IOException);
        }
    }

    @Test
    void aPeerThatTakesNoOutputIsCutOffAfterTheWriteTimeout() throws Exception {
        CompletableFuture<Throwable> handlerSaw = new CompletableFuture<>();
        byte[] chunk = new byte[64 * 1024];
        try (HttpServer server = Servers.start(r -> Response.stream(200, out -> {
            try {
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                }
                handlerSaw.complete(null);
            } catch (IOException e) {
                handlerSaw.complete(e);
                throw e;
            }
        }), SHORT); RawClient c = new RawClient(server.port())) {
            c.socket.setReceiveBufferSize(4096);
            c.send(Servers.GET);
            assertTrue(handlerSaw.get(10, TimeUnit.SECONDS) instanceof IOException);
            assertFalse(server.openConnections() > 0 && waitForNoConnections(server));
        }
    }

    private static boolean waitForNoConnections(HttpServer server) throws InterruptedException {
        for (int i = 0; i < 100 && server.openConnections() > 0; i++) {
            Thread.sleep(20);
        }
        return server.openConnections() > 0;
    }

}
