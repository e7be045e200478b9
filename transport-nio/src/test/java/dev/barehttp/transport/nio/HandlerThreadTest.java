package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Handler;
import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where handlers run, and that one that sleeps does not stall the other connections. */
class HandlerThreadTest {

    @Test
    void aSleepingHandlerDoesNotStallOtherConnections() throws Exception {
        try (HttpServer server = Servers.nio(r -> {
            if (r.path().equals("/sleep")) {
                Thread.sleep(3_000);
            }
            return Response.ok("ok");
        }).option("nio.selectors", "1").start();
             RawClient sleeper = new RawClient(server.port());
             RawClient other = new RawClient(server.port())) {
            sleeper.send("GET /sleep HTTP/1.1\r\nHost: t\r\n\r\n");
            Thread.sleep(100);
            long start = System.nanoTime();
            other.send(Servers.GET);
            other.readUntil("\r\n\r\nok", 1);
            assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000);
        }
    }

    @Test
    void aDeclaredHandlerRunsOnTheSelectorThreadWhenTheRequestIsWhole() throws Exception {
        try (HttpServer server = Servers.nio(Handler.nonBlocking(r -> Response.ok(Thread.currentThread().getName())))
                .start();
             RawClient c = new RawClient(server.port())) {
            c.send(Servers.GET);
            assertTrue(c.readUntil("selector", 1).contains("\r\n\r\nbarehttp-nio-selector-"));
        }
    }

    @Test
    void anUndeclaredHandlerRunsOnAHandlerThread() throws Exception {
        try (HttpServer server = Servers.nio(r -> Response.ok(Thread.currentThread().getName())).start();
             RawClient c = new RawClient(server.port())) {
            c.send(Servers.GET);
            assertTrue(c.readUntil("handler", 1).contains("\r\n\r\nbarehttp-nio-handler-"));
        }
    }

    /** With an access log (its sink may block) even a declared handler runs off the selector thread. */
    @Test
    void anAccessLogKeepsADeclaredHandlerOffTheSelectorThread() throws Exception {
        try (HttpServer server = Servers.nio(Handler.nonBlocking(r -> Response.ok(Thread.currentThread().getName())))
                .accessLog(dev.barehttp.AccessLog.Format.COMMON, line -> { }).start();
             RawClient c = new RawClient(server.port())) {
            c.send(Servers.GET);
            assertTrue(c.readUntil("handler", 1).contains("\r\n\r\nbarehttp-nio-handler-"));
        }
    }

    /** A small body is awaited on the selector thread; once whole, a declared handler is answered there. */
    @Test
    void aDeclaredHandlerAwaitsASmallBodyThenRunsOnTheLoop() throws Exception {
        try (HttpServer server = Servers.nio(Handler.nonBlocking(r -> {
            r.body().readAllBytes();
            return Response.ok("on " + Thread.currentThread().getName());
        })).start();
             RawClient c = new RawClient(server.port())) {
            c.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\nabc");
            Thread.sleep(100);
            c.send("def");
            String answer = c.readUntil("selector", 1);
            assertTrue(answer.contains("on barehttp-nio-selector-"), answer);
        }
    }

    /** A chunked body (length unknown) cannot be awaited whole: even a declared handler runs off the loop. */
    @Test
    void aDeclaredHandlerStillRunsOffTheLoopForAStreamedBody() throws Exception {
        try (HttpServer server = Servers.nio(Handler.nonBlocking(r -> {
            r.body().readAllBytes();
            return Response.ok("on " + Thread.currentThread().getName());
        })).start();
             RawClient c = new RawClient(server.port())) {
            c.send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
            Thread.sleep(100);
            c.send("0\r\n\r\n");
            String answer = c.readUntil("handler", 1);
            assertTrue(answer.contains("on barehttp-nio-handler-"), answer);
        }
    }

    /** A file from a declared handler is sent from a handler thread (zero-copy, parking while the socket is full). */
    @Test
    void aFileBodyOfADeclaredHandlerArrivesWhole(@TempDir Path dir) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("f.bin"), content);
        try (HttpServer server = Servers.start(Handler.nonBlocking(r -> Response.file(file)));
             RawClient c = new RawClient(server.port())) {
            c.send(Servers.GET);
            java.io.InputStream in = c.input();
            String head = c.readUntil("\r\n\r\n", 1);
            assertTrue(head.contains("Content-Length: " + content.length), head);
            int already = head.length() - (head.indexOf("\r\n\r\n") + 4);
            byte[] got = new byte[content.length];
            System.arraycopy(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), head.indexOf("\r\n\r\n") + 4,
                    got, 0, already);
            int at = already;
            while (at < got.length) {
                int n = in.read(got, at, got.length - at);
                assertTrue(n > 0);
                at += n;
            }
            assertTrue(java.util.Arrays.equals(content, got));
        }
    }
}
