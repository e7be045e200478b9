package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.barehttp.Router;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.spi.Transport;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Swapping transports by class path (DESIGN: "an application swaps transports by swapping a jar"):
 * the examples started in a child JVM whose class path holds the codec, the server, the examples and exactly
 * one transport must serve with that transport, and stop gracefully on SIGTERM.
 */
class TransportSwapTest {
    private static final Pattern STARTUP =
            Pattern.compile("barehttp demo listening on http://127\\.0\\.0\\.1:(\\d+) \\(transport: (\\w+)\\)");
    private static final String SERVICE = "META-INF/services/dev.barehttp.spi.Transport";

    /** Where {@code type} was loaded from: a module's jar, or its target/classes in a reactor build. */
    private static String locationOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The class path entry of the transport named {@code name}, or null when it is not on the test class path. */
    private static String transportLocation(String name) throws Exception {
        for (Transport transport : ServiceLoader.load(Transport.class)) {
            if (transport.name().equals(name)) {
                return locationOf(transport.getClass());
            }
        }
        return null;
    }

    /** A child JVM running the demo with one transport, and the lines it printed. */
    private record Child(Process process, BlockingQueue<String> lines, String startup) {
    }

    private static Child launch(String transport) throws Exception {
        String transportEntry = transportLocation(transport);
        assumeTrue(transportEntry != null, "transport " + transport + " is not on the class path yet (no "
                + SERVICE + " entry names it): build and install barehttp-transport-" + transport);
        String classPath = String.join(File.pathSeparator, locationOf(HttpConfig.class), locationOf(Router.class), transportEntry,
                locationOf(Main.class));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", classPath, Main.class.getName(), "--port", "0")
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = readLines(process);
        String startup = lines.poll(30, TimeUnit.SECONDS);
        return new Child(process, lines, startup);
    }

    private static int port(Child child, String transport) {
        assertNotNull(child.startup(), "no startup line within 30 s");
        Matcher m = STARTUP.matcher(child.startup());
        assertTrue(m.matches(), "startup line: " + child.startup());
        assertEquals(transport, m.group(2));
        int port = Integer.parseInt(m.group(1));
        assertTrue(port > 0, "the real bound port, not 0: " + child.startup());
        return port;
    }

    /** Sends SIGTERM (Process.destroy() would also close the streams) and expects the two shutdown lines. */
    private static void terminate(Child child) throws InterruptedException {
        child.process().toHandle().destroy();
        assertEquals("barehttp: shutting down gracefully...", child.lines().poll(30, TimeUnit.SECONDS));
        assertEquals("barehttp: stopped", child.lines().poll(30, TimeUnit.SECONDS));
        assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "the child exits after the shutdown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "nio"})
    void examplesWithOneTransportOnTheClassPathUseIt(String transport) throws Exception {
        Child child = launch(transport);
        try {
            assertEquals("Hello, World!", plaintext(port(child, transport)));
            terminate(child);
        } finally {
            child.process().destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "nio"})
    void sigtermLetsTheRequestInFlightFinish(String transport) throws Exception {
        Child child = launch(transport);
        try {
            int port = port(child, transport);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write("GET /stream?n=8 HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                StringBuilder received = new StringBuilder();
                while (!received.toString().contains("line 1 of 8")) {
                    received.append(in.readLine()).append('\n');
                }
                child.process().toHandle().destroy();
                for (String line; (line = in.readLine()) != null; ) {
                    received.append(line).append('\n');
                }
                // Each chunk's data ends with its own LF before the chunk's CRLF; then the last chunk.
                assertTrue(received.toString().endsWith("line 8 of 8\n\n0\n\n"), "the whole stream: " + received);
            }
            assertEquals("barehttp: shutting down gracefully...", child.lines().poll(30, TimeUnit.SECONDS));
            assertEquals("barehttp: stopped", child.lines().poll(30, TimeUnit.SECONDS));
        } finally {
            child.process().destroyForcibly();
        }
    }

    private static String plaintext(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/plaintext"))
                .timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static BlockingQueue<String> readLines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading the child's output failed: " + e + ")");
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
