package dev.barehttp.transport.nio;

import dev.barehttp.Handler;
import dev.barehttp.HttpServer;
import dev.barehttp.codec.HttpConfig;
import java.io.IOException;
import java.time.Duration;

/** Starts servers on the {@code nio} transport for the tests, on a free loopback port. */
final class Servers {
    private Servers() {
    }

    static HttpServer.Builder nio(Handler handler) {
        return HttpServer.builder().host("127.0.0.1").port(0).transport("nio").handler(handler)
                .shutdownGrace(Duration.ofSeconds(2)).option("nio.selectors", "2");
    }

    static HttpServer start(Handler handler) throws IOException {
        return nio(handler).start();
    }

    static HttpServer start(Handler handler, HttpConfig config) throws IOException {
        return nio(handler).config(config).start();
    }

    static final String GET = "GET / HTTP/1.1\r\nHost: t\r\n\r\n";
}
