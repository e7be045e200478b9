package dev.barehttp.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Response;
import dev.barehttp.codec.HttpConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** maxConnectionsPerAddress counts per client address, not per port, and frees a place on close. */
class ConnectionsPerAddressTest {
    private static ConnectionsPerAddress cap(String max) {
        return ConnectionsPerAddress.of(new ServerSettings("127.0.0.1", 0, r -> Response.ok("x"), HttpConfig.defaults(),
                100, Duration.ofSeconds(1), null, Map.of(ConnectionsPerAddress.OPTION, max)));
    }

    @Test
    void eachAddressHasItsOwnCap() {
        ConnectionsPerAddress cap = cap("2");
        assertTrue(cap.tryOpen(new InetSocketAddress("127.0.0.1", 5001)));
        assertTrue(cap.tryOpen(new InetSocketAddress("127.0.0.1", 5002)));
        assertFalse(cap.tryOpen(new InetSocketAddress("127.0.0.1", 5003)), "a third from the same address");
        assertTrue(cap.tryOpen(new InetSocketAddress("127.0.0.2", 5001)), "another address is not held back");
        cap.closed(new InetSocketAddress("127.0.0.1", 5001));
        assertTrue(cap.tryOpen(new InetSocketAddress("127.0.0.1", 5004)), "a closed connection frees its place");
    }

    @Test
    void zeroMeansNoCap() {
        ConnectionsPerAddress cap = cap("0");
        for (int i = 0; i < 1000; i++) {
            assertTrue(cap.tryOpen(new InetSocketAddress("127.0.0.1", 6000 + i)));
        }
    }
}
