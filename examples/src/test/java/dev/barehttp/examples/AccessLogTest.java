package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(lines, true, StandardCharsets.UTF_8);

    private static Request request(String method, String target) {
        return new Request(new RequestHead(method, target, HttpVersion.HTTP_1_1, Headers.of("host", "x"), 0),
                InputStream.nullInputStream(), () -> Headers.EMPTY,
                new InetSocketAddress("127.0.0.1", 50412), new InetSocketAddress("127.0.0.1", 8080), false);
    }

    private String line() {
        return lines.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lineHasRemoteMethodTargetStatusBytesAndDuration() throws Exception {
        Response response = new AccessLog(r -> Response.ok("hello"), out).handle(request("GET", "/a?b=1"));
        assertEquals(200, response.status());
        assertTrue(line().matches("127\\.0\\.0\\.1:50412 GET /a\\?b=1 200 5 \\d+\\.\\dms\\R"), line());
    }

    @Test
    void streamedBodyIsLoggedWhenItEndsWithTheBytesWritten() throws Exception {
        Response response = new AccessLog(r -> Response.stream(200, o -> {
            o.write(1);
            o.write(new byte[] {2, 3, 4}, 1, 2);
        }), out).handle(request("GET", "/s"));
        assertEquals("", line(), "nothing is logged before the body is written");
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ((Response.StreamBody) response.body()).writer().writeTo(sent);
        assertEquals(3, sent.size());
        assertTrue(line().startsWith("127.0.0.1:50412 GET /s 200 3 "), line());
    }

    @Test
    void brokenStreamLogsADashForBytes() throws Exception {
        Response response = new AccessLog(r -> Response.stream(200, o -> {
            throw new java.io.IOException("peer gone");
        }), out).handle(request("GET", "/s"));
        assertThrows(java.io.IOException.class,
                () -> ((Response.StreamBody) response.body()).writer().writeTo(new ByteArrayOutputStream()));
        assertTrue(line().startsWith("127.0.0.1:50412 GET /s 200 - "), line());
    }

    @Test
    void protocolErrorIsLoggedWithItsStatusAndRethrown() {
        AccessLog log = new AccessLog(r -> {
            throw HttpProtocolException.badRequest("no");
        }, out);
        assertThrows(HttpProtocolException.class, () -> log.handle(request("POST", "/x")));
        assertTrue(line().startsWith("127.0.0.1:50412 POST /x 400 - "), line());
    }

    @Test
    void otherFailureIsLoggedAs500AndRethrown() {
        AccessLog log = new AccessLog(r -> {
            throw new IllegalStateException("boom");
        }, out);
        assertThrows(IllegalStateException.class, () -> log.handle(request("GET", "/x")));
        assertTrue(line().startsWith("127.0.0.1:50412 GET /x 500 - "), line());
    }
}
