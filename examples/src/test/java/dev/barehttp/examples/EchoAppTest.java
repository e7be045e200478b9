package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The echo contract checked on the handler alone, without a transport. */
class EchoAppTest {

    private static String echo(RequestHead head, byte[] body, Headers trailers) throws Exception {
        InputStream in = new ByteArrayInputStream(body);
        Response response = new EchoApp().handle(new Request(head, in, () -> trailers, null, null, false));
        assertEquals(200, response.status());
        assertEquals("application/json", response.headers().get("content-type"));
        return new String(((Response.BytesBody) response.body()).bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void requestLineAndHeadersAreEchoedInOrder() throws Exception {
        RequestHead head = new RequestHead("GET", "/a?b=c", HttpVersion.HTTP_1_0,
                Headers.of("Host", "x", "X-B", "2", "x-a", "1"), 0);
        assertEquals("{\"method\": \"GET\", \"target\": \"/a?b=c\", \"version\": \"HTTP/1.0\", \"secure\": false, "
                + "\"headers\": [[\"host\", \"x\"], [\"x-b\", \"2\"], [\"x-a\", \"1\"]], \"body\": \"\"}",
                echo(head, new byte[0], Headers.EMPTY));
    }

    @Test
    void bodyIsStandardBase64() throws Exception {
        RequestHead head = new RequestHead("POST", "/", HttpVersion.HTTP_1_1, Headers.of("content-length", "3"), 3);
        String json = echo(head, new byte[] {(byte) 0xFB, (byte) 0xFF, 0x3F}, Headers.EMPTY);
        assertEquals("{\"method\": \"POST\", \"target\": \"/\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"content-length\", \"3\"]], \"body\": \"+/8/\"}", json);
    }

    @Test
    void trailersGoInTheirOwnMemberAfterTheBody() throws Exception {
        RequestHead head = new RequestHead("PUT", "/t", HttpVersion.HTTP_1_1,
                Headers.of("transfer-encoding", "chunked"), RequestHead.CHUNKED);
        String json = echo(head, "hi".getBytes(StandardCharsets.US_ASCII), Headers.of("X-Sum", "ab"));
        assertEquals("{\"method\": \"PUT\", \"target\": \"/t\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"transfer-encoding\", \"chunked\"]], \"body\": \"aGk=\", "
                + "\"trailers\": [[\"x-sum\", \"ab\"]]}", json);
    }

    @Test
    void nonAsciiHeaderBytesAreEscapedAsTheirIso88591Characters() throws Exception {
        RequestHead head = new RequestHead("GET", "/", HttpVersion.HTTP_1_1, Headers.of("x", "caf\u00e9 \"q\""), 0);
        assertEquals("{\"method\": \"GET\", \"target\": \"/\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [[\"x\", \"caf\\u00e9 \\\"q\\\"\"]], \"body\": \"\"}",
                echo(head, new byte[0], Headers.EMPTY));
    }

    @Test
    void anyMethodAndTargetFormIsEchoed() throws Exception {
        RequestHead asterisk = new RequestHead("OPTIONS", "*", HttpVersion.HTTP_1_1, Headers.EMPTY, 0);
        assertEquals("{\"method\": \"OPTIONS\", \"target\": \"*\", \"version\": \"HTTP/1.1\", \"secure\": false, \"headers\": [], "
                + "\"body\": \"\"}", echo(asterisk, new byte[0], Headers.EMPTY));
        RequestHead connect = new RequestHead("CONNECT", "example.com:443", HttpVersion.HTTP_1_1, Headers.EMPTY, 0);
        assertEquals("{\"method\": \"CONNECT\", \"target\": \"example.com:443\", \"version\": \"HTTP/1.1\", \"secure\": false, "
                + "\"headers\": [], \"body\": \"\"}", echo(connect, new byte[0], Headers.EMPTY));
    }
}
