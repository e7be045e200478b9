package dev.barehttp.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Netty anchor serves /plaintext as the demo app does, and flushes a pipelined batch once. */
class NettyPlaintextHandlerTest {
    private static final String GET = "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private static String exchange(EmbeddedChannel channel, String requests) {
        channel.writeInbound(Unpooled.copiedBuffer(requests, StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder();
        for (ByteBuf b = channel.readOutbound(); b != null; b = channel.readOutbound()) {
            out.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return out.toString();
    }

    @Test
    void plaintextAnswersHelloWorldWithServerAndDateAndKeepsTheConnection() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new NettyPlaintextHandler());
        String response = exchange(channel, GET);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("content-type: text/plain\r\n"), response);
        assertTrue(response.contains("content-length: 13\r\n"), response);
        assertTrue(response.contains("server: netty4.2\r\n"), response);
        assertTrue(response.matches("(?s).*date: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n.*"), response);
        assertTrue(response.endsWith("\r\n\r\nHello, World!"), response);
        assertTrue(channel.isOpen());
        channel.finishAndReleaseAll();
    }

    @Test
    void sixteenPipelinedRequestsGetSixteenResponsesInOrder() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new NettyPlaintextHandler());
        String response = exchange(channel, GET.repeat(16));
        assertEquals(16, response.split("HTTP/1.1 200 OK", -1).length - 1);
        channel.finishAndReleaseAll();
    }

    @Test
    void otherPathsAre404AndConnectionCloseIsHonoured() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new NettyPlaintextHandler());
        assertTrue(exchange(channel, "GET /other HTTP/1.1\r\nHost: a\r\n\r\n").startsWith("HTTP/1.1 404 Not Found\r\n"));
        String closing = exchange(channel, "GET /plaintext HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertTrue(closing.contains("connection: close\r\n"), closing);
        assertFalse(channel.isOpen());
        channel.finishAndReleaseAll();
    }
}
