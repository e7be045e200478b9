package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.codec.Headers;
import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The echo contract checked through the codecs and the connection driver, with no socket. */
class EchoAppTest {
    private final TestClient client = TestClient.of(new EchoApp());

    private static String json(TestResponse response) {
        assertEquals(200, response.status());
        assertEquals("application/json", response.header("content-type"));
        return new String(response.body(), StandardCharsets.US_ASCII);
    }

    /** The one answer to a request written by hand. */
    private String echoRaw(String request) {
        List<TestResponse> answers = client.sendRaw(request);
        assertEquals(1, answers.size());
        return json(answers.get(0));
    }

    @Test
    void requestLineAndHeadersAreEchoedInOrder() {
        assertEquals("{\"method\": \"GET\", \"target\": \"/a?b=c\", \"version\": \"HTTP/1.0\", \"secure\": false, "
                + "\"headers\": [[\"host\", \"x\"], [\"x-b\", \"2\"], [\"x-a\", \"1\"]], \"body\": \"\"}",
                echoRaw("GET /a?b=c HTTP/1.0\r\nHost: x\r\nX-B: 2\r\nx-a: 1\r\n\r\n"));
    }

    @Test
    void bodyIsStandardBase64() {
        TestResponse response = client.send("POST", "/", Headers.of("Host", "x"),
                new byte[] {(byte) 0xFB, (byte) 0xFF, 0x3F});
        assertEquals("{\"method\": \"POST\", \"target\": \"/\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"host\", \"x\"], [\"content-length\", \"3\"]], \"body\": \"+/8/\"}", json(response));
    }

    @Test
    void trailersGoInTheirOwnMemberAfterTheBody() {
        TestResponse response = client.send("PUT", "/t", Headers.of("Host", "x"),
                "hi".getBytes(StandardCharsets.US_ASCII), Headers.of("X-Sum", "ab"));
        assertEquals("{\"method\": \"PUT\", \"target\": \"/t\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"host\", \"x\"], [\"transfer-encoding\", \"chunked\"]], \"body\": \"aGk=\", "
                + "\"trailers\": [[\"x-sum\", \"ab\"]]}", json(response));
    }

    @Test
    void nonAsciiHeaderBytesAreEscapedAsTheirIso88591Characters() {
        TestResponse response = client.send("GET", "/", Headers.of("Host", "x", "x", "caf\u00e9 \"q\""), new byte[0]);
        assertEquals("{\"method\": \"GET\", \"target\": \"/\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"host\", \"x\"], [\"x\", \"caf\\u00e9 \\\"q\\\"\"]], \"body\": \"\"}", json(response));
    }

    @Test
    void anyMethodAndTargetFormIsEchoed() {
        TestResponse asterisk = client.send("OPTIONS", "*", Headers.of("Host", "x"), new byte[0]);
        assertEquals("{\"method\": \"OPTIONS\", \"target\": \"*\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"host\", \"x\"]], \"body\": \"\"}", json(asterisk));
        TestResponse absolute = client.send("GET", "http://x/p?q", Headers.of("Host", "x"), new byte[0]);
        assertEquals("{\"method\": \"GET\", \"target\": \"http://x/p?q\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"host\", \"x\"]], \"body\": \"\"}", json(absolute));
        assertEquals("{\"method\": \"CONNECT\", \"target\": \"example.com:443\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"host\", \"example.com:443\"]], \"body\": \"\"}",
                echoRaw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"));
    }
}
