package dev.barehttp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.Handler;
import dev.barehttp.Response;
import dev.barehttp.codec.HttpConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written requests: protocol errors, pipelining, bodies cut short, the server side's limits. */
class TestClientRawTest {
    private static final Handler ECHO_BODY = request ->
            Response.ok(request.method() + " " + request.target() + " " + request.bodyString(1 << 20));

    @Test
    void rfc9112_5_1_whitespaceBeforeTheColonIsAnsweredWith400() {
        TestClient client = TestClient.of(request -> Response.ok("never"));
        List<TestResponse> answers = client.sendRaw("GET / HTTP/1.1\r\nHost : x\r\n\r\n");
        assertEquals(1, answers.size());
        assertEquals(400, answers.get(0).status());
    }

    @Test
    void rfc9112_9_3_2_pipelinedRawRequestsAreAnsweredInOrder() {
        TestClient client = TestClient.of(ECHO_BODY);
        List<TestResponse> answers = client.sendRaw("GET /one HTTP/1.1\r\nHost: x\r\n\r\n"
                + "HEAD /two HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /three HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
        assertEquals(3, answers.size());
        assertEquals("GET /one ", answers.get(0).bodyText());
        assertEquals(0, answers.get(1).body().length);
        assertEquals("POST /three abc", answers.get(2).bodyText());
    }

    @Test
    void rfc9112_8_aBodyCutShortByTheEndOfInputIsAnsweredWith400() {
        TestClient client = TestClient.of(ECHO_BODY);
        List<TestResponse> answers = client.sendRaw("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        assertEquals(1, answers.size());
        assertEquals(400, answers.get(0).status());
    }

    @Test
    void rfc9112_8_aLargeBodyCutShortWhileTheHandlerReadsItIsAnsweredWith400() {
        TestClient client = TestClient.of(ECHO_BODY);
        List<TestResponse> answers = client.sendRaw("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nabc");
        assertEquals(1, answers.size());
        assertEquals(400, answers.get(0).status());
    }

    @Test
    void rfc9110_15_5_14_theServerSideEnforcesTheGivenConfig() {
        TestClient client = TestClient.of(ECHO_BODY, HttpConfig.defaults().withMaxBodySize(4));
        assertEquals(413, client.post("/", "more than four").status());
        assertEquals("POST / four", client.post("/", "four").bodyText());
    }
}
