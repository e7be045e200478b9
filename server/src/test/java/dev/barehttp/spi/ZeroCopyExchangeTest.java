package dev.barehttp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Handler;
import dev.barehttp.Response;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionDriver.Action;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The server path without copies: a {@code Response.bytes} body reaches the transport as the
 * handler's own array beside the head, and a request body is read straight from views of the input
 * into the handler's array (RFC 9112 sections 6.2 and 7.1 framing), also when it arrives in pieces.
 */
class ZeroCopyExchangeTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

    private static ConnectionDriver driver(Handler handler) {
        return new ConnectionDriver(new ServerConnection(HttpConfig.defaults(), () -> 0L), PEER, PEER,
                new DriverSettings(handler, false, 1_000, 500, 2_000, ErrorAnswers.STANDARD));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A ConnectionIO that hands the connection the next piece each time the handler waits for input. */
    private static ConnectionIO pieces(ConnectionDriver d, List<String> rest) {
        ArrayDeque<String> queue = new ArrayDeque<>(rest);
        return new ConnectionIO() {
            @Override
            public void awaitInput() {
                byte[] b = ascii(queue.removeFirst());
                d.connection().receive(b, 0, b.length);
            }

            @Override
            public void flush() {
            }
        };
    }

    /** Writes every pending byte through gathering writes and returns them. */
    private static String written(ConnectionDriver d) {
        ByteBuffer[] segments = new ByteBuffer[16];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (d.connection().hasOutput()) {
            int k = d.output(segments);
            int n = 0;
            for (int i = 0; i < k; i++) {
                byte[] b = new byte[segments[i].remaining()];
                segments[i].get(b);
                out.writeBytes(b);
                n += b.length;
            }
            d.onOutputWritten(n);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads the whole body three bytes at a time, as a handler with a small buffer would. */
    private static String readInSmallSteps(InputStream in) {
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] step = new byte[3];
            for (int n; (n = in.read(step, 0, step.length)) >= 0; ) {
                all.write(step, 0, n);
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rfc9112_6_2_aBytesBodyReachesTheTransportAsTheHandlersArrayBesideTheHead() {
        byte[] body = new byte[10_000];
        Arrays.fill(body, (byte) 'z');
        ConnectionDriver d = driver(r -> Response.bytes(200, "application/octet-stream", body));
        d.start(true);
        byte[] request = ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(Action.DISPATCH, d.onInput(request, 0, request.length));
        d.dispatch(pieces(d, List.of()));
        assertEquals(Action.WRITE, d.afterDispatch());
        ByteBuffer[] segments = new ByteBuffer[4];
        assertEquals(2, d.output(segments), "the head, then the body");
        assertSame(body, segments[1].array(), "the body is not copied into the codec");
        String response = written(d);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"));
        assertTrue(response.endsWith("\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1)));
        assertEquals(Action.READ, d.action());
    }

    @Test
    void rfc9112_7_1_aChunkedBodyArrivingInPiecesIsReadFromViewsInSmallSteps() {
        ConnectionDriver d = driver(r -> Response.text(200, "got " + readInSmallSteps(r.body())));
        d.start(true);
        byte[] head = ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nhello, ");
        d.onInput(head, 0, head.length);
        d.dispatch(pieces(d, List.of("\r\n6", "\r\nworld!\r\n", "0\r\n\r\n")));
        d.afterDispatch();
        assertTrue(written(d).endsWith("\r\n\r\ngot hello, world!"));
    }

    @Test
    void whatAHandlerLeftOfAPieceIsCopiedWhenTheExchangeEnds() throws IOException {
        AtomicReference<InputStream> kept = new AtomicReference<>();
        ConnectionDriver d = driver(r -> {
            try {
                byte[] two = new byte[2];
                assertEquals(2, r.body().read(two));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kept.set(r.body());
            return Response.text(200, "early");
        });
        d.start(true);
        byte[] request = ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabcdefghij");
        d.onInput(request, 0, request.length);
        d.dispatch(pieces(d, List.of()));
        d.afterDispatch();
        written(d);
        byte[] next = ascii("GET /overwrites-the-input-buffer HTTP/1.1\r\nHost: x\r\n\r\n");
        d.onInput(next, 0, next.length);
        assertEquals("cdefghij", readInSmallSteps(kept.get()), "the rest of the piece, not the next request's bytes");
    }
}
