package dev.barehttp.codec;

import static dev.barehttp.codec.Events.data;
import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.get;
import static dev.barehttp.codec.Events.head;
import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * RFC 9112 section 9.3.2: pipelined requests come out one at a time, in order, and the next head
 * is held back (PAUSED) until the current response has ended; events come as soon as complete.
 */
class PipeliningTest {
    private static final String TWO = "GET /1 HTTP/1.1\r\nHost: example.com\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: example.com\r\nContent-Length: 3\r\n\r\nabc";

    @Test
    void rfc9112_9_3_2_nextHeadIsPausedUntilTheResponseEnds() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, TWO);
        assertEquals(get("/1"), conn.nextEvent());
        assertEquals(end(), conn.nextEvent());
        assertEquals(Signal.PAUSED, conn.nextEvent());
        conn.response().status(200).header("X", "1");
        assertEquals(Signal.PAUSED, conn.nextEvent());
        conn.response().write(new byte[] {'a'});
        assertEquals(Signal.PAUSED, conn.nextEvent());
        conn.response().end();
        assertEquals(head("POST", "/2", HttpVersion.HTTP_1_1, 3, "host", "example.com", "content-length", "3"),
                conn.nextEvent());
        assertEquals(data("abc"), conn.nextEvent());
        assertEquals(end(), conn.nextEvent());
        assertEquals(Signal.PAUSED, conn.nextEvent());
        conn.response().status(204).end();
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
    }

    @Test
    void rfc9112_9_3_2_responsesGoOutInRequestOrder() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, TWO + "GET /3 HTTP/1.1\r\nHost: example.com\r\n\r\n");
        StringBuilder order = new StringBuilder();
        for (HttpEvent e = conn.nextEvent(); e != Signal.NEED_DATA; e = conn.nextEvent()) {
            if (e instanceof RequestHead) {
                order.append(((RequestHead) e).target());
            } else if (e instanceof EndOfMessage) {
                conn.response().status(200).write(("for " + order.charAt(order.length() - 1)).getBytes()).end();
            }
        }
        String out = output(conn);
        assertEquals("/1/2/3", order.toString());
        assertTrue(out.indexOf("for 1") < out.indexOf("for 2") && out.indexOf("for 2") < out.indexOf("for 3"), out);
    }

    @Test
    void fragments_headComesOutAsSoonAsItsEmptyLineArrives() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 4\r\n\r");
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        feed(conn, "\n");
        assertEquals(head("POST", "/", HttpVersion.HTTP_1_1, 4, "host", "example.com", "content-length", "4"),
                conn.nextEvent());
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        feed(conn, "ab");
        assertEquals(data("ab"), conn.nextEvent());
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        feed(conn, "cd");
        assertEquals(data("cd"), conn.nextEvent());
        assertEquals(end(), conn.nextEvent());
    }

    @Test
    void fragments_byteBufferInputIsTheSameAsArrays() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        java.nio.ByteBuffer src = java.nio.ByteBuffer.wrap(Exchanges.ascii(TWO));
        conn.receive(src);
        assertEquals(0, src.remaining());
        assertEquals(get("/1"), conn.nextEvent());
    }

    @Test
    void fragments_directByteBufferFromAnOffset() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        byte[] wire = Exchanges.ascii("xx" + TWO);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(wire.length).put(wire).flip().position(2);
        conn.receive(direct);
        assertEquals(get("/1"), conn.nextEvent());
        assertEquals(end(), conn.nextEvent());
        assertEquals(0, direct.remaining());
    }

    @Test
    void fragments_oneByteAtATimeThroughAPipeline() {
        Exchanges.assertEvents(Exchanges.ascii(TWO), get("/1"), end(),
                head("POST", "/2", HttpVersion.HTTP_1_1, 3, "host", "example.com", "content-length", "3"), data("abc"), end());
    }

    @Test
    void endOfInput_betweenRequestsClosesQuietly() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        Exchanges.Outcome out = Exchanges.run(conn, java.util.List.of(Exchanges.ascii(TWO)), true);
        assertEquals(true, out.closed());
        assertEquals(5, out.events().size());
    }

    @Test
    void endOfInput_insideAHeadIs400() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        Exchanges.Outcome out = Exchanges.run(conn, java.util.List.of(Exchanges.ascii("GET / HTTP/1.1\r\nHo")), true);
        assertEquals(400, out.status());
    }
}
