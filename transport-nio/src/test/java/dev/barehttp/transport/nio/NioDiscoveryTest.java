package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import dev.barehttp.spi.Transport;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NioDiscoveryTest {

    @Test
    void serviceLoaderFindsTheTransportNamedNioWithPriorityTwenty() {
        Transport nio = ServiceLoader.load(Transport.class).stream().map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("nio")).findFirst().orElseThrow();
        assertEquals(20, nio.priority());
    }

    @Test
    void aServerWithoutANamedTransportRunsOnNioWhenItIsTheOnlyOne() throws Exception {
        try (HttpServer server = HttpServer.builder().port(0).handler(r -> Response.ok("hi")).start()) {
            assertEquals("nio", server.transport());
            try (RawClient c = new RawClient(server.port())) {
                c.send(Servers.GET);
                assertTrue(c.readUntil("hi", 1).startsWith("HTTP/1.1 200 OK\r\n"));
            }
        }
    }
}
