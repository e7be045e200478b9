package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.headOf;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** maxDrainSize: a body the application did not read is discarded when small, else the connection closes. */
class UnreadBodyTest {
    private static final HttpConfig DRAIN_10 = HttpConfig.defaults().withMaxDrainSize(10);
    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: x\r\n\r\n";

    private static ServerConnection answeredAfterHead(HttpConfig config, String request) {
        ServerConnection conn = new ServerConnection(config);
        feed(conn, request);
        assertTrue(conn.nextEvent() instanceof RequestHead);
        conn.response().status(200).end();
        return conn;
    }

    @Test
    void maxDrainSize_smallContentLengthBodyIsDrainedAndTheNextRequestFollows() {
        ServerConnection conn = answeredAfterHead(DRAIN_10,
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789" + NEXT);
        assertFalse(headOf(output(conn)).contains("Connection: close"));
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
    }

    @Test
    void maxDrainSize_drainingWaitsForBodyBytesStillToCome() {
        ServerConnection conn = answeredAfterHead(DRAIN_10, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01");
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        feed(conn, "23456789" + NEXT);
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
    }

    @Test
    void maxDrainSize_largerContentLengthClosesAndSaysSo() {
        ServerConnection conn = answeredAfterHead(DRAIN_10,
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n0123456789a" + NEXT);
        assertTrue(headOf(output(conn)).contains("\r\nConnection: close\r\n"));
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    /**
     * An unread chunked body has no known length when the head is committed, so keep-alive cannot be
     * promised: the head says close and nothing more is read (a promise of keep-alive is always kept).
     */
    @Test
    void maxDrainSize_unreadChunkedBodyOfUnknownLengthSaysClose() {
        ServerConnection conn = answeredAfterHead(DRAIN_10,
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + NEXT);
        assertTrue(headOf(output(conn)).contains("\r\nConnection: close\r\n"));
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    /** A chunked body read to its end before the response keeps the connection. */
    @Test
    void chunkedBodyReadBeforeTheResponseKeepsTheConnection() {
        ServerConnection conn = new ServerConnection(DRAIN_10);
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + NEXT);
        conn.nextEvent();
        assertEquals(Events.data("hello"), conn.nextEvent());
        assertTrue(conn.nextEvent() instanceof EndOfMessage);
        conn.response().status(200).end();
        assertFalse(headOf(output(conn)).contains("Connection: close"));
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
    }

    /** The drain counts wire bytes: chunk framing and extensions count against maxDrainSize (CVE-2023-39326 class). */
    @Test
    void maxDrainSize_countsWireBytesNotDecodedBytes() {
        ServerConnection conn = new ServerConnection(DRAIN_10);
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n");
        conn.nextEvent();
        conn.response().status(200).end();
        assertFalse(headOf(output(conn)).contains("Connection: close"));
        feed(conn, "0123456789" + NEXT);
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
    }

    @Test
    void maxDrainSize_largerChunkedBodyClosesWhileDraining() {
        ServerConnection conn = answeredAfterHead(DRAIN_10,
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello!\r\n6\r\nhello!\r\n0\r\n\r\n"
                        + NEXT);
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void maxDrainSize_partlyReadBodyDrainsTheRest() {
        ServerConnection conn = new ServerConnection(DRAIN_10);
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 14\r\n\r\n0123");
        conn.nextEvent();
        assertEquals(Events.data("0123"), conn.nextEvent());
        conn.response().status(200).end();
        assertFalse(headOf(output(conn)).contains("Connection: close"));
        feed(conn, "456789abcd" + NEXT);
        assertEquals("/next", ((RequestHead) conn.nextEvent()).target());
    }
}
