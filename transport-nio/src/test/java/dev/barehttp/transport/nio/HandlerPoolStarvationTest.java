package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * H4: with platform handler threads (Java 17, or {@code nio.virtualThreads=false}), handlers parked on slow
 * uploads never starve a request that could be answered: the pool grows while every thread is busy, up to
 * one thread per connection.
 */
class HandlerPoolStarvationTest {
    private static final int SLOW_UPLOADS = 250; // more than the 200-thread pool this transport once had

    @Test
    void slowUploadsHoldingHandlerThreadsDoNotStarveAnAnswerableRequest() throws Exception {
        try (HttpServer server = Servers.nio(r -> {
            if (r.path().equals("/upload")) {
                r.body().readAllBytes();
            }
            return Response.ok("answered");
        }).option("nio.virtualThreads", "false").start()) {
            List<RawClient> uploads = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_UPLOADS; i++) {
                    RawClient c = new RawClient(server.port());
                    // Chunked, so the request is dispatched at once and its handler parks reading the body.
                    c.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n");
                    uploads.add(c);
                }
                try (RawClient quick = new RawClient(server.port())) {
                    quick.send(Servers.GET);
                    assertTrue(quick.readUntil("answered", 1).contains("answered"),
                            "a GET waited behind " + SLOW_UPLOADS + " parked uploads");
                }
            } finally {
                for (RawClient c : uploads) {
                    c.close();
                }
            }
        }
    }
}
