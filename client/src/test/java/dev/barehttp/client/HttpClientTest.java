package dev.barehttp.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import dev.barehttp.Router;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against barehttp's own server (blocking transport) over loopback. */
class HttpClientTest {
    private static final AtomicInteger REJECTED_BODIES = new AtomicInteger();
    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        Router router = Router.builder()
                .get("/port", r -> Response.ok(Integer.toString(r.remoteAddress().getPort())))
                .get("/hello", r -> Response.ok("hello").withHeader("X-Served", "yes"))
                .post("/echo", r -> Response.bytes(200, "application/octet-stream", r.bodyBytes(1 << 20))
                        .withHeader("X-Request-Framing", r.header("transfer-encoding") != null ? "chunked"
                                : "length " + r.header("content-length")))
                .post("/reject", r -> {
                    REJECTED_BODIES.incrementAndGet();
                    return Response.text(413, "too big\n");
                })
                .get("/close", r -> Response.ok("bye").withHeader("Connection", "close"))
                .get("/lines", r -> Response.stream(200, out -> {
                    for (int i = 1; i <= 3; i++) {
                        out.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }).withStream(out -> out.write("abc".getBytes(StandardCharsets.US_ASCII)),
                        () -> Headers.of("X-Checksum", "294")))
                .get("/big", r -> Response.bytes(200, "application/octet-stream", new byte[300_000]))
                .build();
        server = HttpServer.builder().host("127.0.0.1").port(0).transport("blocking").handler(router).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpClient client() throws IOException {
        return HttpClient.connect("127.0.0.1", server.port());
    }

    @Test
    void rfc9112_9_3_keepAliveCarriesEveryRequestOnTheOneConnection() throws IOException {
        try (HttpClient client = client()) {
            String first = client.send("GET", "/port").bodyText();
            String second = client.send("GET", "/port").bodyText();
            HttpResponse hello = client.send("GET", "/hello");
            assertEquals(first, second, "the same client port: the same connection");
            assertEquals(200, hello.status());
            assertEquals("OK", hello.reason());
            assertEquals("hello", hello.bodyText());
            assertEquals("yes", hello.header("x-served"));
            assertEquals(1, client.connectionsOpened());
            assertTrue(client.isConnected());
        }
    }

    @Test
    void rfc9112_6_2_aBodyOfBytesIsSentWithContentLength() throws IOException {
        byte[] body = new byte[70_000];
        Arrays.fill(body, (byte) 'x');
        try (HttpClient client = client()) {
            HttpResponse r = client.send("POST", "/echo", Headers.of("Content-Type", "text/plain"), body);
            assertEquals(200, r.status());
            assertArrayEquals(body, r.body());
            assertEquals("length 70000", r.header("x-request-framing"));
        }
    }

    @Test
    void rfc9112_7_1_aStreamedBodyIsSentChunked() throws IOException {
        try (HttpClient client = client()) {
            HttpResponse r = client.send("POST", "/echo", Headers.EMPTY, out -> {
                for (int i = 0; i < 1000; i++) {
                    out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
                }
            });
            assertEquals(10_000, r.body().length);
            assertEquals("chunked", r.header("x-request-framing"));
        }
    }

    @Test
    void rfc9112_7_1_2_aStreamedResponseIsReadAsItComesWithItsTrailers() throws IOException {
        try (HttpClient client = client(); ResponseStream r = client.open("GET", "/lines", Headers.EMPTY, null)) {
            assertEquals(200, r.status());
            assertEquals("chunked", r.header("transfer-encoding"));
            assertThrows(IllegalStateException.class, r::trailers, "trailers come after the body");
            InputStream body = r.body();
            assertEquals("abc", new String(body.readAllBytes(), StandardCharsets.US_ASCII));
            assertEquals("294", r.trailers().get("x-checksum"));
        }
    }

    @Test
    void rfc9110_9_3_2_aResponseToHeadHasNoBody() throws IOException {
        try (HttpClient client = client()) {
            HttpResponse r = client.send("HEAD", "/hello");
            assertEquals(200, r.status());
            assertEquals("5", r.header("content-length"));
            assertEquals(0, r.body().length);
            assertEquals("hello", client.send("GET", "/hello").bodyText(), "the connection is still in step");
            assertEquals(1, client.connectionsOpened());
        }
    }

    @Test
    void rfc9110_10_1_1_theBodyGoesOutAfter100Continue() throws IOException {
        try (HttpClient client = HttpClient.connect("127.0.0.1", server.port(),
                ClientOptions.defaults().withContinueTimeout(java.time.Duration.ofSeconds(30)))) {
            HttpResponse r = client.send("POST", "/echo", Headers.of("Expect", "100-continue"),
                    "waited".getBytes(StandardCharsets.US_ASCII));
            assertEquals("waited", r.bodyText(), "the server asked for the body with a 100, so it came");
            HttpResponse streamed = client.send("POST", "/echo", Headers.of("Expect", "100-continue"),
                    out -> out.write("streamed".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("streamed", streamed.bodyText());
            assertEquals(1, client.connectionsOpened());
        }
    }

    @Test
    void rfc9110_10_1_1_aFinalResponseFirstMeansTheBodyIsNotSent() throws IOException {
        try (HttpClient client = HttpClient.connect("127.0.0.1", server.port(),
                ClientOptions.defaults().withContinueTimeout(java.time.Duration.ofSeconds(30)))) {
            boolean[] written = {false};
            HttpResponse r = client.send("POST", "/reject", Headers.of("Expect", "100-continue"), out -> {
                written[0] = true;
                out.write(new byte[1000]);
            });
            assertEquals(413, r.status());
            assertEquals(false, written[0], "the body was never produced");
            assertEquals("hello", client.send("GET", "/hello").bodyText());
            assertEquals(2, client.connectionsOpened(), "a refused body ends the connection");
        }
    }

    @Test
    void rfc9112_9_6_connectionCloseFromTheServerOpensANewConnectionForTheNextRequest() throws IOException {
        try (HttpClient client = client()) {
            assertEquals("bye", client.send("GET", "/close").bodyText());
            assertEquals(false, client.isConnected());
            assertEquals("hello", client.send("GET", "/hello").bodyText());
            assertEquals(2, client.connectionsOpened());
        }
    }

    @Test
    void aResponseStreamClosedEarlyKeepsTheConnectionWhenLittleIsLeft() throws IOException {
        try (HttpClient client = client()) {
            try (ResponseStream r = client.open("GET", "/hello", Headers.EMPTY, null)) {
                assertEquals('h', r.body().read());
            }
            assertEquals(1, client.connectionsOpened());
            try (ResponseStream r = client.open("GET", "/big", Headers.EMPTY, null)) {
                assertEquals(0, r.body().read());
            }
            assertEquals(false, client.isConnected(), "300 KB left unread: closing is cheaper than reading them");
            assertEquals("hello", client.send("GET", "/hello").bodyText());
            assertEquals(2, client.connectionsOpened());
        }
    }

    @Test
    void oneExchangeAtATime() throws IOException {
        try (HttpClient client = client(); ResponseStream r = client.open("GET", "/hello", Headers.EMPTY, null)) {
            assertThrows(IllegalStateException.class, () -> client.send("GET", "/hello"));
            assertEquals(200, r.status());
        }
    }

    @Test
    void requestsTheCodecRefusesAreRefusedBeforeAnythingIsSent() throws IOException {
        try (HttpClient client = client()) {
            assertThrows(IllegalArgumentException.class, () -> client.send("GET", "/a b"));
            assertThrows(IllegalArgumentException.class, () -> client.send("BAD METHOD", "/"));
            assertThrows(IllegalArgumentException.class,
                    () -> client.send("POST", "/echo", Headers.of("Transfer-Encoding", "gzip"), new byte[1]));
            assertEquals("hello", client.send("GET", "/hello").bodyText());
        }
    }

    @Test
    void hostIsAddedUnlessGiven() throws IOException {
        try (ScriptedServer scripted = new ScriptedServer(s -> {
            String head = ScriptedServer.readHead(s.getInputStream());
            String host = head.substring(head.indexOf("Host: ") + 6, head.indexOf("\r\n", head.indexOf("Host: ")));
            ScriptedServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: " + host.length() + "\r\n\r\n" + host);
        }); HttpClient client = HttpClient.connect("127.0.0.1", scripted.port())) {
            assertEquals("127.0.0.1:" + scripted.port(), client.send("GET", "/").bodyText());
        }
    }

    @Test
    void rfc9112_9_3_1_anIdempotentRequestOnAConnectionTheServerClosedIsSentAgain() throws IOException {
        try (ScriptedServer scripted = new ScriptedServer(s -> {
            ScriptedServer.readHead(s.getInputStream());
            ScriptedServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        }); HttpClient client = HttpClient.connect("127.0.0.1", scripted.port())) {
            assertEquals("ok", client.send("GET", "/").bodyText());
            assertEquals("ok", client.send("GET", "/").bodyText(), "sent again on a new connection");
            assertEquals(2, client.connectionsOpened());
            assertThrows(IOException.class, () -> client.send("POST", "/", Headers.EMPTY, new byte[] {1}),
                    "a POST is not repeated");
        }
    }

    @Test
    void limitReadTimeoutEndsAWaitForASilentServer() throws IOException {
        try (ScriptedServer scripted = new ScriptedServer(s -> {
            ScriptedServer.readHead(s.getInputStream());
            s.getInputStream().read(); // never answers; returns when the client gives up
        }); HttpClient client = HttpClient.connect("127.0.0.1", scripted.port(),
                ClientOptions.defaults().withReadTimeout(java.time.Duration.ofMillis(200)))) {
            assertThrows(java.net.SocketTimeoutException.class, () -> client.send("GET", "/"));
            assertEquals(false, client.isConnected(), "a timed-out connection is not reused");
        }
    }

    @Test
    void rfc9110_15_6_3_anInvalidResponseIsAProtocolErrorWithStatus502() throws IOException {
        try (ScriptedServer scripted = new ScriptedServer(s -> {
            ScriptedServer.readHead(s.getInputStream());
            ScriptedServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc");
        }); HttpClient client = HttpClient.connect("127.0.0.1", scripted.port())) {
            HttpProtocolException e = assertThrows(HttpProtocolException.class, () -> client.send("GET", "/"));
            assertEquals(502, e.status());
            assertEquals(false, client.isConnected());
        }
    }

    @Test
    void rfc9110_9_3_6_aTunnelIsNotCarriedItsResponseIsReturnedAndTheConnectionClosed() throws IOException {
        try (ScriptedServer scripted = new ScriptedServer(s -> {
            ScriptedServer.readHead(s.getInputStream());
            ScriptedServer.write(s, "HTTP/1.1 200 Connection established\r\n\r\n");
        }); HttpClient client = HttpClient.connect("127.0.0.1", scripted.port())) {
            HttpResponse r = client.send("CONNECT", "example.com:443");
            assertEquals(200, r.status());
            assertEquals(0, r.body().length);
            assertNull(r.header("content-length"));
            assertEquals(false, client.isConnected());
        }
    }

    @Test
    void rfc9110_10_1_1_aServerThatNeverSends100GetsTheBodyAfterTheContinueTimeout() throws IOException {
        try (ScriptedServer scripted = new ScriptedServer(s -> {
            ScriptedServer.readHead(s.getInputStream());
            byte[] body = s.getInputStream().readNBytes(4);
            ScriptedServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n"
                    + new String(body, StandardCharsets.ISO_8859_1));
        }); HttpClient client = HttpClient.connect("127.0.0.1", scripted.port(),
                ClientOptions.defaults().withContinueTimeout(java.time.Duration.ofMillis(50)))) {
            HttpResponse r = client.send("PUT", "/", Headers.of("Expect", "100-continue"),
                    "late".getBytes(StandardCharsets.US_ASCII));
            assertEquals("late", r.bodyText(), "the body went out without a 100");
        }
    }
}
