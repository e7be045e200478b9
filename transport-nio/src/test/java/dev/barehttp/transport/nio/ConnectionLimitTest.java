package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import org.junit.jupiter.api.Test;

/** Above maxConnections a new connection is answered 503 and closed; the others carry on. */
class ConnectionLimitTest {

    @Test
    void theConnectionOverTheLimitGets503AndTheOthersKeepWorking() throws Exception {
        try (HttpServer server = Servers.nio(r -> Response.ok("ok")).maxConnections(2).start();
             RawClient a = new RawClient(server.port());
             RawClient b = new RawClient(server.port())) {
            a.send(Servers.GET);
            a.readUntil("\r\n\r\nok", 1);
            b.send(Servers.GET);
            b.readUntil("\r\n\r\nok", 1);
            assertEquals(2, server.openConnections());
            try (RawClient third = new RawClient(server.port())) {
                third.send(Servers.GET);
                String answer = third.readToEnd();
                assertTrue(answer.startsWith("HTTP/1.1 503 "), answer);
                assertTrue(answer.contains("Connection: close"), answer);
            }
            a.send(Servers.GET);
            assertTrue(a.readUntil("\r\n\r\nok", 1).startsWith("HTTP/1.1 200 OK"));
            assertEquals(2, server.openConnections());
        }
    }

    @Test
    void aClosedConnectionFreesItsPlace() throws Exception {
        try (HttpServer server = Servers.nio(r -> Response.ok("ok")).maxConnections(1).start()) {
            try (RawClient a = new RawClient(server.port())) {
                a.send(Servers.GET);
                a.readUntil("\r\n\r\nok", 1);
            }
            for (int i = 0; i < 100 && server.openConnections() > 0; i++) {
                Thread.sleep(20);
            }
            try (RawClient b = new RawClient(server.port())) {
                b.send(Servers.GET);
                assertTrue(b.readUntil("\r\n\r\nok", 1).startsWith("HTTP/1.1 200 OK"));
            }
        }
    }
}
