package dev.barehttp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Handler;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the calls share a connection, and when the next one opens a new one. */
class TestClientConnectionTest {
    private static final Handler REMOTE_PORT = request ->
            Response.ok(Integer.toString(request.remoteAddress().getPort()));

    @Test
    void rfc9112_9_3_callsShareOnePersistentConnection() {
        TestClient client = TestClient.of(REMOTE_PORT);
        String first = client.get("/").bodyText();
        assertEquals(first, client.get("/").bodyText());
        assertEquals(first, client.post("/", "body").bodyText());
    }

    @Test
    void rfc9112_9_6_aResponseWithConnectionCloseMakesTheNextCallOpenAConnection() {
        TestClient client = TestClient.of(request -> Response.ok(Integer.toString(request.remoteAddress().getPort()))
                .withHeader("Connection", "close"));
        TestResponse first = client.get("/");
        assertTrue(first.headers().containsToken("connection", "close"));
        assertNotEquals(first.bodyText(), client.get("/").bodyText());
    }

    @Test
    void rfc9112_9_6_aRequestWithConnectionCloseAlsoEndsTheConnection() {
        TestClient client = TestClient.of(REMOTE_PORT);
        String first = client.send("GET", "/", Headers.of("Connection", "close"), new byte[0]).bodyText();
        assertNotEquals(first, client.get("/").bodyText());
    }

    @Test
    void rfc9110_10_1_1_aFinalAnswerBeforeReadingRefusesTheBodyAndNo100IsSent() {
        TestClient client = TestClient.of(request -> Response.text(413, request.remoteAddress().getPort() + "\n"));
        TestResponse response = client.send("POST", "/upload", Headers.of("Expect", "100-continue"),
                "payload".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(), response.interimStatuses());
        assertEquals(413, response.status());
        assertNotEquals(response.bodyText(), client.get("/").bodyText(),
                "a connection whose body was refused is not used again: the next call opens a new one");
    }

    /** RFC 9112 section 8: a message whose framing cannot be completed is incomplete, and says so. */
    @Test
    void rfc9112_8_aStreamThatFailsAfterItsFirstBytesLeftCutsTheAnswerShort() {
        TestClient client = TestClient.of(request -> request.path().equals("/ok") ? Response.ok("fine")
                : Response.stream(200, out -> {
                    out.write("half".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    throw new java.io.IOException("the source went away");
                }));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.get("/"));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertEquals("fine", client.get("/ok").bodyText(), "the next call opens a new connection");
    }

    @Test
    void rfc9110_9_3_6_afterA2xxToConnectTheServersBytesAreTheTunnelsAndComeAsTheBody() {
        TestClient client = TestClient.of(request -> request.method().equals("CONNECT")
                ? Response.ok("tunnel bytes") : Response.ok(Integer.toString(request.remoteAddress().getPort())));
        TestResponse tunnel = client.send("CONNECT", "example.com:443", Headers.EMPTY, new byte[0]);
        assertEquals(200, tunnel.status());
        assertEquals("tunnel bytes", tunnel.bodyText());
        assertEquals(200, client.get("/").status(), "the next call opens a connection of its own");
    }
}
