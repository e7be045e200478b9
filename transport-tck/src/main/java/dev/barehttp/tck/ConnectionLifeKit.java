package dev.barehttp.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Handler;
import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import dev.barehttp.codec.HttpConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of a connection as the one connection driver decides it, proven on the wire the same way
 * on every transport: memory bounded in every direction, lingering closes, responses checked against
 * their own framing, timeouts that measure the peer and not the server.
 */
public abstract class ConnectionLifeKit extends TransportKit {
    private static final int MIB = 1024 * 1024;

    private HttpServer serve(Handler handler) throws IOException {
        return start(b -> b.handler(handler));
    }

    /** R1 (maxPendingOutput): pipelined answers never pile up while the client reads nothing. */
    @Test
    void pipelinedAnswersWaitForTheClientInsteadOfPilingUp() throws Exception {
        byte[] big = GeneratedBody.bytes(MIB);
        AtomicInteger answered = new AtomicInteger();
        HttpServer server = serve(r -> {
            answered.incrementAndGet();
            return Response.bytes(200, "application/octet-stream", big);
        });
        int requests = 40;
        RawClient client = connect(server, 4096);
        try {
            client.send("GET /big HTTP/1.1\r\nHost: kit\r\n\r\n".repeat(requests));
            Thread.sleep(1_000);
            assertTrue(answered.get() < 12, "the server answered " + answered.get()
                    + " of " + requests + " 1 MiB requests while the client read nothing");
            for (int i = 0; i < requests; i++) {
                RawResponse response = client.read();
                assertEquals(200, response.status());
                assertArrayEquals(big, response.body(), "response " + i);
            }
            assertEquals(requests, answered.get());
        } finally {
            client.close();
        }
    }

    /** R3: a close answer sent while the client still uploads arrives whole (both transports linger). */
    @Test
    void aCloseAnswerSentDuringAnUploadArrivesWhole() throws Exception {
        byte[] answer = GeneratedBody.bytes(4 * MIB);
        HttpServer server = serve(r -> Response.bytes(200, "application/octet-stream", answer));
        RawClient client = connect(server);
        client.send("POST /upload HTTP/1.1\r\nHost: kit\r\nContent-Length: 100000000\r\n\r\n");
        AtomicBoolean stop = new AtomicBoolean();
        Thread uploader = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                OutputStream out = client.output();
                for (int i = 0; i < 400 && !stop.get(); i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // The server closed its side: expected once it has answered.
            }
        });
        uploader.start();
        try {
            RawResponse response = client.read();
            assertEquals(200, response.status());
            assertEquals("close", response.header("Connection"));
            assertArrayEquals(answer, response.body());
        } finally {
            stop.set(true);
            uploader.join(10_000);
        }
    }

    /** R4: an Error thrown by a handler is a 500 for that request; the server goes on serving. */
    @Test
    void anErrorThrownByAHandlerIsA500AndTheServerGoesOn() throws IOException {
        HttpServer server = start(b -> b.handler(r -> {
            if (r.path().equals("/error")) {
                throw new NoClassDefFoundError("dev/example/Missing (thrown on purpose)");
            }
            return Response.text(200, "still here");
        }));
        RawClient client = connect(server);
        assertEquals(500, client.send("GET /error HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
        for (int i = 0; i < 3; i++) {
            RawClient other = connect(server);
            assertEquals("still here", other.send("GET / HTTP/1.1\r\nHost: kit\r\n\r\n").read().bodyText());
        }
    }

    /** R5: an unread chunked body has no known length, so the head says close and keeps that promise. */
    @Test
    void anUnreadChunkedBodyGetsConnectionCloseNotABrokenPromise() throws IOException {
        HttpServer server = serve(r -> Response.text(200, "not read"));
        RawClient client = connect(server);
        StringBuilder request = new StringBuilder("POST /ignore HTTP/1.1\r\nHost: kit\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(32 * 1024);
        for (int i = 0; i < 3; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        client.send(request.toString());
        RawResponse response = client.read();
        assertEquals(200, response.status());
        assertEquals("close", response.header("Connection"), response::text);
        assertTrue(client.closedByServer());
    }

    /** R6: a declared Content-Length that is not the body's is caught before the head leaves: a 500, and the connection goes on. */
    @Test
    void aContentLengthThatContradictsTheBodyIsA500BeforeAnyByteLeaves() throws IOException {
        HttpServer server = serve(r -> r.path().equals("/wrong")
                ? Response.ok("abc").withHeader("Content-Length", "5") : Response.text(200, "fine"));
        RawClient client = connect(server);
        RawResponse response = client.send("GET /wrong HTTP/1.1\r\nHost: kit\r\n\r\n").read();
        assertEquals(500, response.status(), response::text);
        assertNull(response.header("Connection"), "nothing was sent of the bad response, so the connection persists");
        assertEquals("fine", client.send("GET /next HTTP/1.1\r\nHost: kit\r\n\r\n").read().bodyText());
    }

    /** R6: a body on 204 or 304 (RFC 9110 sections 15.3.5, 15.4.5) is a 500, not a corrupted stream. */
    @Test
    void aBodyOn204Or304IsA500() throws IOException {
        HttpServer server = serve(r -> r.path().equals("/204") ? Response.of(204).withBody("oops")
                : Response.of(304).withBody("oops"));
        RawClient client = connect(server);
        assertEquals(500, client.send("GET /204 HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
        assertEquals(500, client.send("GET /304 HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
    }

    /** R6: a file response naming a directory is a logged 500, not a truncated 200. */
    @Test
    void aFileResponseOfADirectoryIsA500(@TempDir Path dir) throws IOException {
        HttpServer server = serve(r -> Response.file(dir));
        RawClient client = connect(server);
        assertEquals(500, client.send("GET /dir HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
    }

    /** R7: a stream that throws before any of its bytes reached the socket is taken back and answered 500. */
    @Test
    void aStreamFailingBeforeAnyByteLeftIsA500() throws IOException {
        HttpServer server = serve(r -> Response.stream(200, out -> {
            out.write("partial".getBytes(StandardCharsets.US_ASCII));
            throw new IllegalStateException("this stream fails on purpose after writing, before a flush");
        }));
        RawClient client = connect(server);
        RawResponse response = client.send("GET /s HTTP/1.1\r\nHost: kit\r\n\r\n").read();
        assertEquals(500, response.status(), response::text);
        assertFalse(response.text().contains("partial"), response::text);
    }

    /** R8: the write timeout measures inactivity: a slow but steady reader gets everything. */
    @Test
    void theWriteTimeoutMeasuresInactivityNotTotalTime() throws Exception {
        byte[] body = GeneratedBody.bytes(3 * MIB);
        HttpServer server = start(b -> b.handler(r -> Response.bytes(200, "application/octet-stream", body))
                .config(HttpConfig.defaults().withTimeouts(10_000, 60_000, 30_000, 700)));
        RawClient client = connect(server, 16 * 1024);
        try {
            client.send("GET /slowly HTTP/1.1\r\nHost: kit\r\n\r\n");
            InputStream in = client.input();
            byte[] received = new byte[body.length + 4096];
            int total = 0;
            long start = System.nanoTime();
            byte[] slice = new byte[64 * 1024];
            while (total < body.length) {
                int n = in.read(slice);
                if (n < 0) {
                    break;
                }
                System.arraycopy(slice, 0, received, total, Math.min(n, received.length - total));
                total += n;
                Thread.sleep(40);
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(total >= body.length, "the server cut a steady reader after " + total + " bytes");
            assertTrue(elapsed > 700, "the read took " + elapsed + " ms, not longer than the write timeout: "
                    + "the test proves nothing");
        } finally {
            client.close();
        }
    }

    /** R9: connections over the limit are answered 503 and closed; the count stays at the limit. */
    @Test
    void refusalsOverTheLimitAreAnswered503AndCostNoLastingConnection() throws Exception {
        HttpServer server = start(b -> b.maxConnections(2));
        RawClient first = connect(server);
        RawClient second = connect(server);
        assertEquals(200, first.send("GET /hello HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
        assertEquals(200, second.send("GET /hello HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
        for (int i = 0; i < 50; i++) {
            try (RawClient refused = openClient(server.port(), 0)) {
                RawResponse response = refused.read();
                assertEquals(503, response.status());
                assertEquals("close", response.header("Connection"));
                assertTrue(refused.closedByServer());
            }
        }
        assertEquals(2, server.openConnections());
    }

    /** R12: close() returns only after the handlers in flight have finished. */
    @Test
    void closeReturnsOnlyAfterTheHandlersInFlightFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        HttpServer server = start(b -> b.shutdownGrace(Duration.ofSeconds(10)).handler(r -> {
            entered.countDown();
            Thread.sleep(300);
            finished.set(true);
            return Response.text(200, "done");
        }));
        RawClient client = connect(server);
        client.send("GET /slow HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        server.close();
        assertTrue(finished.get(), "close() returned while a handler still ran");
        RawResponse response = client.read();
        assertEquals("done", response.bodyText());
        assertEquals("close", response.header("Connection"));
    }

    /** R15 (drainTimeoutMillis): an unread body trickled in after its response cannot hold the connection. */
    @Test
    void aTrickledUnreadBodyIsCutAtTheDrainTimeout() throws Exception {
        // Larger than maxBufferedInput, so the request is dispatched before its body arrives.
        HttpServer server = start(b -> b.handler(r -> Response.text(200, "not read"))
                .config(HttpConfig.builder().maxDrainSize(1024 * 1024).drainTimeoutMillis(400).minBodyRate(0).build()));
        RawClient client = connect(server);
        client.send("POST /ignore HTTP/1.1\r\nHost: kit\r\nContent-Length: 200000\r\n\r\nx");
        RawResponse response = client.read();
        assertEquals(200, response.status());
        assertNull(response.header("Connection"), "a body within maxDrainSize keeps the connection");
        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> {
            try {
                return client.closedByServer();
            } catch (IOException e) {
                return true;
            }
        });
        for (int i = 0; i < 50 && !closed.isDone(); i++) {
            try {
                client.send("x");
            } catch (IOException e) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(closed.get(10, TimeUnit.SECONDS), "the connection outlived its drain timeout");
    }

    /** A small body is awaited whole before its handler runs; the answer follows once it arrived. */
    @Test
    void aSmallBodyIsAwaitedBeforeItsHandlerRuns() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = serve(r -> {
            calls.incrementAndGet();
            return Response.text(200, new String(r.bodyBytes(100), StandardCharsets.US_ASCII));
        });
        RawClient client = connect(server);
        client.send("POST /body HTTP/1.1\r\nHost: kit\r\nContent-Length: 6\r\n\r\nabc");
        Thread.sleep(200);
        assertEquals(0, calls.get(), "the handler ran before its small body arrived");
        client.send("def");
        assertEquals("abcdef", client.read().bodyText());
    }

    /** H5: the head timeout does not run while the server is the one blocked writing to a slow reader. */
    @Test
    void theHeadTimeoutDoesNotRunWhileTheServerWaitsToWrite() throws Exception {
        byte[] body = GeneratedBody.bytes(64 * 1024);
        HttpServer server = start(b -> b.handler(r -> Response.bytes(200, "application/octet-stream", body))
                .config(HttpConfig.defaults().withTimeouts(500, 60_000, 30_000, 30_000)));
        RawClient client = connect(server, 4096);
        try {
            // 12 MiB of answers: more than the socket buffers hold, so the server waits to write.
            int requests = 200;
            client.send("GET /hello HTTP/1.1\r\nHost: kit\r\n\r\n".repeat(requests) + "GET /hel");
            Thread.sleep(1_500);
            client.send("lo HTTP/1.1\r\nHost: kit\r\n\r\n");
            for (int i = 0; i <= requests; i++) {
                RawResponse response = client.read();
                assertEquals(200, response.status(), "response " + i + ": " + response.text());
            }
        } finally {
            client.close();
        }
    }

    /** A malformed request gets the application's own protocol error response, and the connection closes. */
    @Test
    void aMalformedRequestGetsTheApplicationsProtocolErrorResponse() throws IOException {
        HttpServer server = start(b -> b.protocolErrorResponse(e -> Response.bytes(e.status(), "application/problem+json",
                ("{\"status\":" + e.status() + "}").getBytes(StandardCharsets.US_ASCII))));
        RawClient client = connect(server);
        RawResponse response = client.send("GET / HTTP/1.1\r\nHost: kit\r\nBad Name: x\r\n\r\n").read();
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals("{\"status\":400}", response.bodyText());
        assertEquals("close", response.header("Connection"));
        assertTrue(client.closedByServer());
    }

    /** The access log covers answers given below the handler: a protocol error and a 503 refusal. */
    @Test
    void theAccessLogCoversProtocolErrorsAndRefusals() throws Exception {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = start(b -> b.maxConnections(1).accessLog(dev.barehttp.AccessLog.Format.COMMON, lines::add));
        RawClient client = connect(server);
        assertEquals(400, client.send("GET / HTTP/1.1\r\nHost: kit\r\nBad Name: x\r\n\r\n").read().status());
        assertTrue(client.closedByServer());
        client.close();
        for (int i = 0; i < 250 && server.openConnections() > 0; i++) {
            Thread.sleep(20); // the server lingers until it sees the close
        }
        RawClient holder = connect(server);
        assertEquals(200, holder.send("GET /hello HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
        try (RawClient refused = openClient(server.port(), 0)) {
            assertEquals(503, refused.read().status());
        }
        for (int i = 0; i < 50 && lines.size() < 3; i++) {
            Thread.sleep(20);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains(" 400 ")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" 503 ")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"GET /hello HTTP/1.1\" 200 ")), lines::toString);
    }

    /** RFC 9110 section 7.8: after a 101 the handler owns the raw bytes both ways, starting with those sent early. */
    @Test
    void anUpgradedConnectionCarriesRawBytesBothWays() throws Exception {
        HttpServer server = serve(r -> Response.upgrade("x-echo", (in, out) -> {
            byte[] buffer = new byte[1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }));
        RawClient client = connect(server);
        client.send("GET /raw HTTP/1.1\r\nHost: kit\r\nUpgrade: x-echo\r\nConnection: upgrade\r\n\r\nabc");
        InputStream in = client.input();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "the connection closed inside the 101: " + head);
            head.append((char) b);
        }
        assertEquals("HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: x-echo\r\n\r\n",
                head.toString());
        assertEquals("abc", new String(in.readNBytes(3), StandardCharsets.US_ASCII));
        client.send("GET / HTTP/1.1\r\n\r\n");
        assertEquals("GET / HTTP/1.1\r\n\r\n", new String(in.readNBytes(18), StandardCharsets.US_ASCII),
                "bytes after a switch are never parsed as HTTP");
        client.shutdownOutput();
        assertTrue(client.closedByServer(), "the connection ends when the switched handler returns");
    }

    /** RFC 9110 section 7.8: a 101 to a request that did not ask for the protocol is a logged 500, not a switch. */
    @Test
    void anUpgradeTheRequestDidNotAskForIsA500() throws IOException {
        HttpServer server = serve(r -> Response.upgrade("x-echo", (in, out) -> { }));
        RawClient client = connect(server);
        assertEquals(500, client.send("GET /raw HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
    }

    /** RFC 8297: 103 Early Hints leaves before the final response, on its own; never to HTTP/1.0 (RFC 9110 section 15.2). */
    @Test
    void earlyHintsPrecedeTheFinalResponseExceptForHttp10() throws IOException {
        HttpServer server = serve(r -> {
            boolean sent = r.sendEarlyHints(dev.barehttp.codec.Headers.of("Link", "</style.css>; rel=preload; as=style"));
            return Response.text(200, "hints sent: " + sent);
        });
        RawClient client = connect(server);
        client.send("GET /page HTTP/1.1\r\nHost: kit\r\n\r\n");
        RawResponse hints = client.read();
        assertEquals(103, hints.status(), hints::text);
        assertEquals("</style.css>; rel=preload; as=style", hints.header("Link"));
        RawResponse page = client.read();
        assertEquals(200, page.status());
        assertEquals("hints sent: true", page.bodyText());
        RawClient old = connect(server);
        RawResponse only = old.send("GET /page HTTP/1.0\r\n\r\n").read();
        assertEquals(200, only.status(), "no interim response to HTTP/1.0");
        assertEquals("hints sent: false", only.bodyText());
    }

    /** maxConnectionsPerAddress: one address cannot hold every connection; a closed one frees its place. */
    @Test
    void oneAddressIsCappedAtItsConnectionLimit() throws Exception {
        HttpServer server = start(b -> b.option("maxConnectionsPerAddress", "2"));
        RawClient first = connect(server);
        RawClient second = connect(server);
        assertEquals(200, first.send("GET /hello HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
        assertEquals(200, second.send("GET /hello HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
        try (RawClient third = openClient(server.port(), 0)) {
            assertEquals(503, third.read().status());
        }
        first.close();
        for (int i = 0; i < 250 && server.openConnections() > 1; i++) {
            Thread.sleep(20);
        }
        RawClient again = connect(server);
        assertEquals(200, again.send("GET /hello HTTP/1.1\r\nHost: kit\r\n\r\n").read().status());
    }
}
