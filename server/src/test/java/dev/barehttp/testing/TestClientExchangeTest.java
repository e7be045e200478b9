package dev.barehttp.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.barehttp.Handler;
import dev.barehttp.HttpException;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request and its answer through both codecs: methods, bodies, streams, trailers, 100-continue, exceptions. */
class TestClientExchangeTest {
    private static final Handler ECHO_BODY = request ->
            Response.ok(request.method() + " " + request.target() + " " + request.bodyString(1 << 20));

    @Test
    void methodTargetAndBodyReachTheHandlerAndTheAnswerComesBackDecoded() {
        TestClient client = TestClient.of(ECHO_BODY);
        TestResponse response = client.post("/users?x=1", "{\"name\": \"ada\"}");
        assertEquals(200, response.status());
        assertEquals("OK", response.reason());
        assertEquals("POST /users?x=1 {\"name\": \"ada\"}", response.bodyText());
        assertEquals(Integer.toString(response.body().length), response.header("content-length"));
    }

    @Test
    void everyShortcutSendsItsMethod() {
        TestClient client = TestClient.of(ECHO_BODY);
        assertEquals("GET /a ", client.get("/a").bodyText());
        assertEquals("PUT /b x", client.put("/b", "x").bodyText());
        assertEquals("DELETE /c ", client.delete("/c").bodyText());
        assertEquals("PUT /d \u00e9", client.put("/d", "\u00e9".getBytes(StandardCharsets.UTF_8)).bodyText());
    }

    @Test
    void rfc9112_3_2_aRequestWithoutHostGetsLocalhostAndTheHandlerSeesLoopbackAddresses() {
        TestClient client = TestClient.of(request -> Response.ok(request.header("host") + " "
                + request.remoteAddress().getAddress().isLoopbackAddress() + " " + request.localAddress().getPort()));
        assertEquals("localhost true " + TestClient.SERVER_PORT, client.get("/").bodyText());
        assertEquals("example.com true " + TestClient.SERVER_PORT,
                client.send("GET", "/", Headers.of("Host", "example.com"), new byte[0]).bodyText());
    }

    @Test
    void rfc9110_9_3_2_headAnswersWithTheHeadersOfGetAndNoBody() {
        TestClient client = TestClient.of(request -> Response.ok("twelve bytes"));
        TestResponse head = client.head("/");
        assertEquals(200, head.status());
        assertEquals("12", head.header("content-length"));
        assertEquals(0, head.body().length);
        assertEquals("twelve bytes", client.get("/").bodyText(), "the connection stays in step after HEAD");
    }

    @Test
    void rfc9112_7_1_aStreamedBodyIsChunkedAndDecodedWhole() {
        TestClient client = TestClient.of(request -> Response.stream(200, out -> {
            for (int i = 0; i < 3; i++) {
                out.write(("part" + i + ";").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }));
        TestResponse response = client.get("/stream");
        assertEquals("chunked", response.header("transfer-encoding"));
        assertEquals("part0;part1;part2;", response.bodyText());
    }

    @Test
    void rfc9112_7_1_2_trailersOfAStreamedResponseArriveAfterItsBody() {
        TestClient client = TestClient.of(request -> Response.of(200)
                .withStream(out -> out.write('x'), () -> Headers.of("Checksum", "abc")));
        TestResponse response = client.get("/");
        assertEquals("x", response.bodyText());
        assertEquals("abc", response.trailers().get("checksum"));
    }

    @Test
    void rfc9112_7_1_2_requestTrailersReachTheHandlerAfterItReadTheBody() {
        TestClient client = TestClient.of(request -> {
            String body = request.bodyString(100);
            return Response.ok(body + " " + request.trailers().get("x-sum"));
        });
        TestResponse response = client.send("PUT", "/t", Headers.EMPTY, "hi".getBytes(StandardCharsets.US_ASCII),
                Headers.of("X-Sum", "ab"));
        assertEquals("hi ab", response.bodyText());
    }

    @Test
    void rfc9110_10_1_1_theBodyIsSentAfterTheServerAnswers100Continue() {
        TestClient client = TestClient.of(ECHO_BODY);
        TestResponse response = client.send("POST", "/upload", Headers.of("Expect", "100-continue"),
                "payload".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(100), response.interimStatuses());
        assertEquals(200, response.status());
        assertEquals("POST /upload payload", response.bodyText());
    }

    @Test
    void theHandlerReadsTheRequestBodyAsAStream() {
        byte[] payload = new byte[100_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        TestClient client = TestClient.of(request -> {
            InputStream in = request.body();
            long sum = 0;
            int reads = 0;
            byte[] small = new byte[7];
            for (int n; (n = in.read(small)) >= 0; reads++) {
                for (int i = 0; i < n; i++) {
                    sum += small[i] & 0xFF;
                }
            }
            return Response.ok(sum + " " + (reads > 1));
        });
        long expected = 0;
        for (byte b : payload) {
            expected += b & 0xFF;
        }
        assertEquals(expected + " true", client.post("/", payload).bodyText());
    }

    @Test
    void aHandlerExceptionBecomes500AndTheConnectionStaysUsable() {
        TestClient client = TestClient.of(request -> {
            if (request.path().equals("/fail")) {
                throw new IllegalStateException("broken on purpose");
            }
            return Response.ok(Integer.toString(request.remoteAddress().getPort()));
        });
        String port = client.get("/").bodyText();
        TestResponse failed = client.get("/fail");
        assertEquals(500, failed.status());
        assertEquals("Internal Server Error\n", failed.bodyText());
        assertEquals(port, client.get("/").bodyText());
    }

    @Test
    void anHttpExceptionBecomesItsOwnResponseAsOnAServer() {
        TestClient client = TestClient.of(request -> {
            throw HttpException.unauthorized("Basic realm=\"test\"");
        });
        TestResponse response = client.get("/");
        assertEquals(401, response.status());
        assertEquals("Basic realm=\"test\"", response.header("www-authenticate"));
    }

    @Test
    void aResponseWithoutTheHeaderGivesNull() {
        assertNull(TestClient.of(ECHO_BODY).get("/").header("x-missing"));
    }

    @Test
    void theBodyCopyCannotChangeTheResponse() {
        TestResponse response = TestClient.of(request -> Response.ok("ab")).get("/");
        response.body()[0] = 'z';
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), response.body());
    }
}
