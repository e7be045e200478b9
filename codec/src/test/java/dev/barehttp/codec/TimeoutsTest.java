package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Timeouts as connection state, checked with an injected clock (no sleeping). */
class TimeoutsTest {
    private static final HttpConfig TIMEOUTS = HttpConfig.defaults().withTimeouts(100, 1000, 300, 500);

    private final AtomicLong now = new AtomicLong(5_000);

    private ServerConnection connection() {
        return new ServerConnection(TIMEOUTS, now::get);
    }

    @Test
    void idleTimeoutMillis_idleConnectionClosesQuietly() {
        ServerConnection conn = connection();
        assertEquals(6_000, conn.nextDeadline());
        assertFalse(conn.expire(5_999));
        assertTrue(conn.expire(6_000));
        assertFalse(conn.hasOutput());
        assertEquals(Signal.CLOSED, conn.nextEvent());
    }

    @Test
    void headTimeoutMillis_incompleteHeadGets408AndCloses() {
        ServerConnection conn = connection();
        now.set(5_500);
        feed(conn, "GET / HT");
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(5_600, conn.nextDeadline());
        now.set(5_550);
        feed(conn, "TP/1.1\r\n");
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(5_600, conn.nextDeadline(), "the head deadline runs from its first byte");
        assertFalse(conn.expire(5_599));
        assertTrue(conn.expire(5_600));
        String out = output(conn);
        assertTrue(out.startsWith("HTTP/1.1 408 Request Timeout\r\n"), out);
        assertTrue(Wire.headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertTrue(conn.isClosed());
    }

    @Test
    void bodyTimeoutMillis_stalledBodyGets408() {
        ServerConnection conn = connection();
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01");
        assertTrue(conn.nextEvent() instanceof RequestHead);
        assertEquals(Events.data("01"), conn.nextEvent());
        assertEquals(Long.MAX_VALUE, conn.nextDeadline(), "no body deadline while the application has bytes to read");
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(5_300, conn.nextDeadline(), "the body clock runs once the codec waits for bytes");
        now.set(5_200);
        feed(conn, "23");
        assertEquals(5_500, conn.nextDeadline(), "each body byte restarts the body deadline");
        assertFalse(conn.expire(5_499));
        assertTrue(conn.expire(5_500));
        assertTrue(output(conn).startsWith("HTTP/1.1 408 "));
        assertTrue(conn.isClosed());
    }

    @Test
    void idleTimeoutMillis_runsFromTheEndOfTheLastExchange() {
        ServerConnection conn = connection();
        feed(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        conn.nextEvent();
        conn.nextEvent();
        assertEquals(Long.MAX_VALUE, conn.nextDeadline(), "no timeout while the application answers");
        now.set(9_000);
        conn.response().status(200).end();
        output(conn);
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(10_000, conn.nextDeadline());
        assertTrue(conn.expire(10_000));
        assertFalse(conn.hasOutput());
    }

    @Test
    void timeouts_zeroDisablesThem() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults().withTimeouts(0, 0, 0, 0), now::get);
        assertEquals(Long.MAX_VALUE, conn.nextDeadline());
        feed(conn, "GET /");
        assertEquals(Long.MAX_VALUE, conn.nextDeadline());
        assertFalse(conn.expire(Long.MAX_VALUE - 1));
    }

    @Test
    void timeouts_defaults() {
        HttpConfig d = HttpConfig.defaults();
        assertEquals(10_000, d.headTimeoutMillis());
        assertEquals(60_000, d.idleTimeoutMillis());
        assertEquals(30_000, d.bodyTimeoutMillis());
        assertEquals(30_000, d.writeTimeoutMillis());
    }
}
