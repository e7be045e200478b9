package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.headOf;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The transitions of ServerConnection's state table, and the memory and time bounds they carry. */
class ConnectionStateTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    private final AtomicLong now = new AtomicLong(1_000);

    private ServerConnection connection(HttpConfig config) {
        return new ServerConnection(config, now::get);
    }

    @Test
    void table_headThenBodyThenResponseThenNextHead() {
        ServerConnection conn = connection(HttpConfig.defaults());
        assertEquals(ServerConnection.State.AWAIT_HEAD, conn.state());
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab");
        assertTrue(conn.nextEvent() instanceof RequestHead);
        assertEquals(ServerConnection.State.READ_BODY, conn.state());
        conn.nextEvent();
        assertTrue(conn.nextEvent() instanceof EndOfMessage);
        assertEquals(ServerConnection.State.AWAIT_RESPONSE_END, conn.state());
        assertEquals(Signal.PAUSED, conn.nextEvent());
        conn.response().status(200).end();
        assertEquals(ServerConnection.State.AWAIT_HEAD, conn.state());
    }

    @Test
    void table_responseBeforeTheBodyEndsDrainsThenAwaitsTheNextHead() {
        ServerConnection conn = connection(HttpConfig.defaults());
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab");
        conn.nextEvent();
        conn.response().status(200).end();
        assertEquals(ServerConnection.State.DRAIN, conn.state());
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        feed(conn, "cd" + GET);
        assertTrue(conn.nextEvent() instanceof RequestHead);
    }

    @Test
    void table_nonPersistentResponseMustClose() {
        ServerConnection conn = connection(HttpConfig.defaults());
        feed(conn, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + GET);
        conn.nextEvent();
        conn.nextEvent();
        conn.response().status(200).end();
        assertEquals(ServerConnection.State.MUST_CLOSE, conn.state());
        assertEquals(Signal.CLOSED, conn.nextEvent());
        assertFalse(conn.wantsInput(), "nothing more is read after a final response");
    }

    /** R1: maxPendingOutput: pipelined answers never pile up; the next head waits until output is written. */
    @Test
    void maxPendingOutput_pausesTheNextRequestUntilOutputIsWritten() {
        ServerConnection conn = connection(HttpConfig.builder().maxPendingOutput(1024).build());
        feed(conn, GET + GET);
        conn.nextEvent();
        conn.nextEvent();
        conn.response().status(200).contentLength(4096).write(new byte[4096]).end();
        assertEquals(Signal.PAUSED, conn.nextEvent(), "4 KiB pending is over the 1 KiB mark");
        assertEquals(Signal.PAUSED, conn.nextEvent());
        conn.consumeOutput(conn.pendingOutput() - 1025);
        assertEquals(Signal.PAUSED, conn.nextEvent(), "one byte over the mark still waits");
        conn.consumeOutput(1);
        assertTrue(conn.nextEvent() instanceof RequestHead, "at the mark the next request starts");
    }

    /** maxBufferedInput: the codec says when it wants no more bytes. */
    @Test
    void maxBufferedInput_wantsNoMoreInputAboveTheMark() {
        ServerConnection conn = connection(HttpConfig.builder().maxBufferedInput(64).build());
        assertTrue(conn.wantsInput());
        feed(conn, GET + GET + GET);
        assertFalse(conn.wantsInput());
        conn.nextEvent();
        conn.nextEvent();
        conn.response().status(204).end();
        conn.nextEvent();
        conn.nextEvent();
        assertTrue(conn.wantsInput(), "once requests are handed out the buffer is below the mark again");
    }

    /** R15: drainTimeoutMillis bounds the whole drain, however slowly the bytes trickle in. */
    @Test
    void drainTimeoutMillis_boundsTheWholeDrain() {
        HttpConfig config = HttpConfig.builder().drainTimeoutMillis(500).minBodyRate(0).build();
        ServerConnection conn = connection(config);
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n");
        conn.nextEvent();
        conn.response().status(200).end();
        conn.consumeOutput(conn.pendingOutput());
        for (int i = 0; i < 4; i++) {
            assertEquals(Signal.NEED_DATA, conn.nextEvent());
            now.addAndGet(100);
            feed(conn, "x");
        }
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(1_500, conn.nextDeadline());
        now.set(1_500);
        assertTrue(conn.expire(now.get()));
        assertEquals("", output(conn), "a drain that times out closes quietly: the response was already sent");
        assertTrue(conn.isClosed());
    }

    /** minBodyRate: a body arriving slower than the minimum average rate after the grace period gets 408. */
    @Test
    void minBodyRate_slowBodyIsCutAfterTheGracePeriod() {
        HttpConfig config = HttpConfig.builder().minBodyRate(100).bodyRateGraceMillis(1_000)
                .bodyTimeoutMillis(10_000).build();
        ServerConnection conn = connection(config);
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
        conn.nextEvent();
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(2_000, conn.nextDeadline(), "the grace period first");
        now.set(1_900);
        feed(conn, "x".repeat(50));
        conn.nextEvent();
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(2_000, conn.nextDeadline(), "50 bytes in 900 ms earns no time past the grace period");
        now.set(2_000);
        assertTrue(conn.expire(now.get()));
        assertTrue(output(conn).startsWith("HTTP/1.1 408 "));
    }

    @Test
    void minBodyRate_bodyAtTheRateKeepsGoing() {
        HttpConfig config = HttpConfig.builder().minBodyRate(100).bodyRateGraceMillis(1_000)
                .bodyTimeoutMillis(10_000).build();
        ServerConnection conn = connection(config);
        feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
        conn.nextEvent();
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        now.set(1_900);
        feed(conn, "x".repeat(200));
        conn.nextEvent();
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(3_000, conn.nextDeadline(), "200 bytes at 100 bytes/s allow 2 s of waiting in all");
    }

    /** H5: the head timeout does not run while the server itself has output to write. */
    @Test
    void headTimeoutMillis_doesNotRunWhileOutputIsPending() {
        HttpConfig config = HttpConfig.defaults().withTimeouts(300, 10_000, 10_000, 10_000);
        ServerConnection conn = connection(config);
        feed(conn, GET + "GET / HT");
        conn.nextEvent();
        conn.nextEvent();
        conn.response().status(200).contentLength(3).write("abc".getBytes(StandardCharsets.US_ASCII)).end();
        assertEquals(Signal.NEED_DATA, conn.nextEvent());
        assertEquals(Long.MAX_VALUE, conn.nextDeadline(), "the server is the one to wait for");
        now.set(60_000);
        conn.consumeOutput(conn.pendingOutput());
        assertEquals(60_300, conn.nextDeadline(), "the head clock starts once the output is written");
    }

    /** R7: a response none of whose bytes left can be taken back and replaced. */
    @Test
    void retractResponse_beforeAnyByteLeftAllowsAnother() {
        ServerConnection conn = connection(HttpConfig.defaults());
        feed(conn, GET);
        conn.nextEvent();
        conn.nextEvent();
        conn.response().status(200).commit().write(new byte[] {'a'});
        assertTrue(conn.retractResponse());
        conn.response().status(500).contentLength(0).end();
        String out = output(conn);
        assertTrue(out.startsWith("HTTP/1.1 500 "), out);
        assertFalse(out.contains("200"), out);
    }

    @Test
    void retractResponse_afterAByteLeftIsRefused() {
        ServerConnection conn = connection(HttpConfig.defaults());
        feed(conn, GET);
        conn.nextEvent();
        conn.nextEvent();
        conn.response().status(200).commit();
        conn.consumeOutput(1);
        assertFalse(conn.retractResponse());
    }

    /** An application may answer a malformed head with its own response; it always says close. */
    @Test
    void protocolError_applicationWritesItsOwnAnswer() {
        ServerConnection conn = connection(HttpConfig.defaults());
        feed(conn, "GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n");
        HttpProtocolException e = assertThrows(HttpProtocolException.class, conn::nextEvent);
        assertEquals(ServerConnection.State.ERROR, conn.state());
        assertTrue(conn.response().awaitingStatus());
        conn.response().status(e.status()).header("Content-Type", "application/problem+json").contentLength(2)
                .write("{}".getBytes(StandardCharsets.US_ASCII)).end();
        String out = output(conn);
        assertTrue(out.startsWith("HTTP/1.1 400 Bad Request\r\n"), out);
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
        assertTrue(out.endsWith("{}"), out);
        assertThrows(HttpProtocolException.class, conn::nextEvent, "the error state is final");
        assertTrue(conn.isClosed());
    }

    @Test
    void protocolError_respondToErrorGoesThroughTheWriter() {
        ServerConnection conn = connection(HttpConfig.defaults());
        feed(conn, "GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n");
        HttpProtocolException e = assertThrows(HttpProtocolException.class, conn::nextEvent);
        assertTrue(conn.respondToError(e));
        assertFalse(conn.respondToError(e), "one answer only");
        String out = output(conn);
        assertTrue(out.startsWith("HTTP/1.1 400 Bad Request\r\n"), out);
        assertTrue(headOf(out).contains("\r\nContent-Length: "), out);
        assertTrue(headOf(out).contains("\r\nConnection: close\r\n"), out);
    }
}
