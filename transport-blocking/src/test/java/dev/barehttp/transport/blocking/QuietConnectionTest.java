package dev.barehttp.transport.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import dev.barehttp.tck.RawClient;
import org.junit.jupiter.api.Test;

/** A keep-alive connection quiet for a while releases its buffers, and must still serve the next request. */
class QuietConnectionTest {

    @Test
    void connectionQuietPastTheTrimDelayStillServes() throws Exception {
        try (HttpServer server = HttpServer.builder().transport("blocking").port(0)
                .handler(request -> Response.text(200, request.bodyString(100))).start();
             RawClient client = RawClient.connect(server.port())) {
            String request = "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nfirst";
            assertEquals("first", client.send(request).read().bodyText());
            Thread.sleep(1_300);
            assertEquals("again", client.send(request.replace("first", "again")).read().bodyText());
        }
    }
}
