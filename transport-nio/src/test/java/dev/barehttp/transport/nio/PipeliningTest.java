package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Handler;
import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9112 section 9.3.2: pipelined requests are answered in order, and one read's answers leave in one write. */
class PipeliningTest {

    /** With {@code declared}, /a and /b are answered on the selector thread and /slow (undeclared) off it. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void answersToPipelinedRequestsAreHeldUntilTheLastOfTheReadIsDone(boolean declared) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Handler fast = r -> Response.ok(r.path());
        Handler fastRoute = declared ? Handler.nonBlocking(fast) : fast;
        try (HttpServer server = Servers.nio(dev.barehttp.Router.builder().get("/a", fastRoute).get("/b", fastRoute)
                .get("/slow", r -> {
                    release.await(5, TimeUnit.SECONDS);
                    return Response.ok(r.path());
                }).build()).start();
             RawClient c = new RawClient(server.port())) {
            c.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\nGET /b HTTP/1.1\r\nHost: t\r\n\r\nGET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
            assertTrue(c.silentFor(300), "the first answers must wait for the one write");
            release.countDown();
            String all = c.readUntil("/slow", 1);
            assertEquals(3, RawClient.occurrences(all, "HTTP/1.1 200 OK"));
            assertTrue(all.indexOf("\r\n\r\n/a") < all.indexOf("\r\n\r\n/b"));
            assertTrue(all.indexOf("\r\n\r\n/b") < all.indexOf("\r\n\r\n/slow"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 100})
    void everyPipelinedRequestIsAnsweredInOrder(int count) throws Exception {
        try (HttpServer server = Servers.start(r -> Response.ok(r.path()));
             RawClient c = new RawClient(server.port())) {
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < count; i++) {
                requests.append("GET /r").append(i).append(" HTTP/1.1\r\nHost: t\r\n\r\n");
            }
            c.send(requests.toString());
            String all = c.readUntil("\r\n\r\n/r" + (count - 1), 1);
            int last = -1;
            for (int i = 0; i < count; i++) {
                int at = all.indexOf("\r\n\r\n/r" + i);
                assertTrue(at > last, "answer " + i + " out of order");
                last = at;
            }
        }
    }
}
