package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On virtual threads a busy connection keeps one handler thread, parked between its requests, so a
 * handler that may block costs no thread start per request; the thread ends with the connection.
 */
class KeptHandlerThreadTest {

    private static boolean virtualThreads() {
        return Runtime.version().feature() >= 21;
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void aBusyConnectionsRequestsRunOnTheOneHandlerThreadItKeeps() throws Exception {
        assumeTrue(virtualThreads(), "kept threads are virtual threads (Java 21+)");
        try (HttpServer server = Servers.start(r -> Response.ok(Thread.currentThread().getName()));
             RawClient c = new RawClient(server.port());
             RawClient other = new RawClient(server.port())) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                c.send(Servers.GET);
                names.add(body(c.readUntil("barehttp-nio-handler-", 1)).trim());
                Thread.sleep(5);
            }
            assertEquals(1, names.size(), names::toString);
            other.send(Servers.GET);
            String otherName = body(other.readUntil("barehttp-nio-handler-", 1)).trim();
            assertTrue(!names.contains(otherName), "each connection keeps its own: " + otherName);
        }
    }

    /** A kept thread ends when its connection closes, so shutdown does not wait for it. */
    @Test
    void closingTheServerDoesNotWaitForKeptThreads() throws Exception {
        HttpServer server = Servers.start(r -> Response.ok("x"));
        try (RawClient c = new RawClient(server.port())) {
            for (int i = 0; i < 3; i++) {
                c.send(Servers.GET);
                c.readUntil("\r\n\r\nx", 1);
            }
            long start = System.nanoTime();
            server.close();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2_000, "shutdown took " + millis + " ms");
        }
    }
}
