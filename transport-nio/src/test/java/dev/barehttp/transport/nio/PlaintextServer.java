package dev.barehttp.transport.nio;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import java.nio.charset.StandardCharsets;

/**
 * A server for benchmarks/idle-connections.sh when the demo app's connection limit is too low:
 * {@code GET /plaintext} answers {@code Hello, World!} on the {@code nio} transport, with room for
 * far more connections than the default limit.
 *
 * <pre>
 * SERVER_CMD='java -cp transport-nio/target/test-classes:transport-nio/target/classes:codec/target/classes \
 *     dev.barehttp.transport.nio.PlaintextServer {port}' benchmarks/idle-connections.sh nio 10000
 * </pre>
 */
public final class PlaintextServer {
    private PlaintextServer() {
    }

    /** Arguments: port [maxConnections]. Runs until killed. */
    public static void main(String[] args) throws Exception {
        byte[] hello = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.builder().port(Integer.parseInt(args[0])).transport("nio")
                .maxConnections(args.length > 1 ? Integer.parseInt(args[1]) : 100_000)
                .handler(r -> r.path().equals("/plaintext")
                        ? Response.bytes(200, "text/plain", hello)
                        : Response.text(404, "Not Found\n"))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("listening on " + server.port() + " (transport: " + server.transport() + ")");
        Thread.currentThread().join();
    }
}
