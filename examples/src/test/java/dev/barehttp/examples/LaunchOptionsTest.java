package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsAreDemoOnLoopback8080WithTheTransportChosenAutomatically() {
        LaunchOptions options = LaunchOptions.parse();
        assertEquals("demo", options.app());
        assertEquals("127.0.0.1", options.host());
        assertEquals(8080, options.port());
        assertNull(options.transport());
    }

    @Test
    void appHostPortTransportAndAccessLogAreRead() {
        LaunchOptions options = LaunchOptions.parse("echo", "--host", "0.0.0.0", "--port", "0",
                "--transport", "nio", "--access-log");
        assertEquals(new LaunchOptions("echo", null, "0.0.0.0", 0, "nio", LaunchOptions.DEFAULT_MAX_CONNECTIONS,
                java.util.Map.of(), dev.barehttp.AccessLog.Format.COMMON, null, null, false), options);
    }

    @Test
    void tlsKeystoreAndPasswordGoTogether() {
        LaunchOptions options = LaunchOptions.parse("--tls-keystore", "server.p12", "--tls-password", "secret");
        assertEquals("server.p12", options.tlsKeystore());
        assertEquals("secret", options.tlsPassword());
        assertNull(LaunchOptions.parse().tlsKeystore());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--tls-keystore", "server.p12"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--tls-password", "secret"));
    }

    @Test
    void accessLogFormatIsCommonCombinedOrJson() {
        assertNull(LaunchOptions.parse().accessLog());
        assertEquals(dev.barehttp.AccessLog.Format.JSON, LaunchOptions.parse("--access-log-format", "json").accessLog());
        assertEquals(dev.barehttp.AccessLog.Format.COMBINED,
                LaunchOptions.parse("--access-log-format", "combined", "--access-log").accessLog());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--access-log-format", "JSON"));
    }

    @Test
    void transportOptionsAreNameEqualsValueAndRepeatable() {
        LaunchOptions options = LaunchOptions.parse("--option", "nio.virtualThreads=false", "--option", "nio.selectors=1");
        assertEquals(java.util.Map.of("nio.virtualThreads", "false", "nio.selectors", "1"), options.transportOptions());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--option", "novalue"));
    }

    @Test
    void maxConnectionsIsReadAndMustBePositive() {
        assertEquals(20_001, LaunchOptions.parse("--max-connections", "20001").maxConnections());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--max-connections", "0"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--max-connections", "+5"));
    }

    @Test
    void filesTakesItsDirectory() {
        assertEquals("/srv/www", LaunchOptions.parse("files", "/srv/www", "--port", "9000").directory());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("files"));
    }

    @Test
    void helpListsEveryAppAndOption() {
        assertTrue(LaunchOptions.parse("--help").help());
        for (String word : new String[] {"demo", "echo", "files DIR", "--host", "--port", "--transport", "--max-connections", "--option", "--access-log", "--access-log-format"}) {
            assertTrue(LaunchOptions.USAGE.contains(word), word);
        }
    }

    @Test
    void nonsenseIsRejectedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("nosuchapp"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--port", "+80"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--port", "65536"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--port"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--verbose"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("demo", "extra"));
    }
}
