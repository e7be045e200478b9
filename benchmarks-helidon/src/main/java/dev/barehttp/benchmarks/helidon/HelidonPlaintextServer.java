package dev.barehttp.benchmarks.helidon;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import java.nio.charset.StandardCharsets;

/**
 * An anchor of the load benchmark: a Helidon 4 SE server answering {@code GET /plaintext} like the
 * examples jar's {@code demo} app does (200, {@code text/plain}, {@code Hello, World!}, with
 * {@code Server} and the {@code Date} Helidon adds). Helidon's defaults otherwise: one virtual
 * thread per connection, with {@code TCP_NODELAY} turned on as barehttp and Netty have it.
 *
 * <p>Usage: {@code java -jar benchmarks-helidon/target/benchmarks-helidon.jar [--host H]
 * [--port P]}; the defaults are 127.0.0.1 and 8080. It needs Java 21 or newer.
 */
public final class HelidonPlaintextServer {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    // "helidon4" has the byte length of "barehttp", so the responses are the size of the demo's.
    private static final Header SERVER = HeaderValues.createCached(HeaderNames.SERVER, "helidon4");
    private static final Header CONTENT_LENGTH = HeaderValues.createCached(HeaderNames.CONTENT_LENGTH, HELLO.length);

    private HelidonPlaintextServer() {
    }

    /** Starts the server and serves until the JVM is stopped. */
    public static void main(String[] args) {
        String host = "127.0.0.1";
        int port = 8080;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --host, --port)");
            }
        }
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .backlog(4096)
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                .routing(routing -> routing.get("/plaintext", (request, response) -> {
                    response.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
                    response.header(CONTENT_LENGTH);
                    response.header(SERVER);
                    response.send(HELLO);
                }))
                .build()
                .start();
        System.out.println("helidon plaintext listening on http://" + host + ":" + server.port());
        System.out.flush();
    }
}
