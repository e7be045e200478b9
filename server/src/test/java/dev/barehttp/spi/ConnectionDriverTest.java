package dev.barehttp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Handler;
import dev.barehttp.Response;
import dev.barehttp.Router;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionDriver.Action;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The connection driver alone, without sockets or threads: the actions it answers to each event. */
class ConnectionDriverTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    private final AtomicLong now = new AtomicLong(10_000);

    /** A ConnectionIO for a request received whole: nothing to wait for, flushes leave output queued. */
    private static final ConnectionIO NO_IO = new ConnectionIO() {
        @Override
        public void awaitInput() {
            throw new AssertionError("the request was received whole");
        }

        @Override
        public void flush() {
        }
    };

    private ConnectionDriver driver(Handler handler, HttpConfig config) {
        return new ConnectionDriver(new ServerConnection(config, now::get), PEER, PEER,
                new DriverSettings(handler, false, 1_000, 500, 2_000, ErrorAnswers.STANDARD));
    }

    private ConnectionDriver driver(Handler handler) {
        return driver(handler, HttpConfig.defaults());
    }

    private static Action send(ConnectionDriver d, String wire) {
        return d.onInput(ByteBuffer.wrap(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Writes every pending byte and returns them, with the action that follows. */
    private static String drain(ConnectionDriver d, Action[] next) {
        ByteBuffer out = d.output();
        byte[] b = new byte[out.remaining()];
        out.get(b);
        next[0] = d.onOutputWritten(b.length);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aRequestIsDispatchedAnsweredInOneWriteAndTheConnectionReadsAgain() {
        ConnectionDriver d = driver(r -> Response.text(200, "hi"));
        assertEquals(Action.READ, d.start(true));
        assertEquals(Action.DISPATCH, send(d, "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n"));
        d.dispatch(NO_IO);
        assertEquals(Action.WRITE, d.afterDispatch());
        Action[] next = new Action[1];
        String written = drain(d, next);
        assertEquals(2, written.split("HTTP/1.1 200 OK", -1).length - 1, "both pipelined answers in one write");
        assertEquals(Action.READ, next[0]);
        assertTrue(d.idle());
    }

    @Test
    void connectionCloseEndsInALingerThatTheEndOfInputCuts() {
        ConnectionDriver d = driver(r -> Response.text(200, "bye"));
        d.start(true);
        send(d, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        d.dispatch(NO_IO);
        d.afterDispatch();
        Action[] next = new Action[1];
        assertTrue(drain(d, next).contains("\r\nConnection: close\r\n"));
        assertEquals(Action.LINGER, next[0]);
        assertEquals(10_500, d.deadline(), "lingerMillis from the end of the output");
        assertEquals(Action.CLOSE, d.onEndOfInput());
    }

    @Test
    void aLingerEndsAtItsDeadline() {
        ConnectionDriver d = driver(r -> Response.text(200, "bye"));
        d.start(true);
        send(d, "GET / HTTP/1.0\r\n\r\n");
        d.dispatch(NO_IO);
        d.afterDispatch();
        drain(d, new Action[1]);
        assertEquals(Action.LINGER, d.action());
        assertEquals(Action.LINGER, d.onDeadline(10_499));
        assertEquals(Action.CLOSE, d.onDeadline(10_500));
    }

    @Test
    void aProtocolErrorIsAnsweredThenTheConnectionLingers() {
        ConnectionDriver d = driver(r -> Response.text(200, "never"));
        d.start(true);
        assertEquals(Action.WRITE, send(d, "GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n"));
        Action[] next = new Action[1];
        assertTrue(drain(d, next).startsWith("HTTP/1.1 400 Bad Request\r\n"));
        assertEquals(Action.LINGER, next[0]);
    }

    @Test
    void theWriteTimeoutIsInactivity() {
        ConnectionDriver d = driver(r -> Response.bytes(200, "application/octet-stream", new byte[10_000]));
        d.start(true);
        send(d, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        d.dispatch(NO_IO);
        assertEquals(Action.WRITE, d.afterDispatch());
        assertEquals(11_000, d.deadline());
        now.set(10_900);
        assertEquals(Action.WRITE, d.onOutputWritten(100));
        assertEquals(11_900, d.deadline(), "progress restarts the write timeout");
        assertEquals(Action.WRITE, d.onDeadline(11_899));
        assertEquals(Action.CLOSE, d.onDeadline(11_900));
    }

    /**
     * The trim of an idle connection, the write timeout and the linger share one time in the driver: each
     * action's deadline must run from when that action began, never from what an earlier one left there.
     */
    @Test
    void eachActionsDeadlineRunsFromItsOwnStartNotFromTheActionBefore() {
        ConnectionDriver d = driver(r -> Response.bytes(200, "application/octet-stream", new byte[10_000]),
                HttpConfig.defaults().withTimeouts(10_000, 60_000, 30_000, 1_000));
        assertEquals(Action.READ, d.start(true));
        assertEquals(12_000, d.deadline(), "idle: the trim, trimDelayMillis after the start");
        now.set(11_500);
        send(d, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        d.dispatch(NO_IO);
        assertEquals(Action.WRITE, d.afterDispatch());
        assertEquals(12_500, d.deadline(), "writing: the write timeout from the start of the write");
        now.set(12_200);
        assertEquals(Action.READ, d.onOutputWritten(d.output().remaining()));
        assertEquals(14_200, d.deadline(), "idle again: a new trim, trimDelayMillis after the answer left");
        now.set(13_000);
        send(d, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        d.dispatch(NO_IO);
        assertEquals(Action.WRITE, d.afterDispatch());
        assertEquals(14_000, d.deadline());
        assertEquals(Action.LINGER, d.onOutputWritten(d.output().remaining()));
        assertEquals(13_500, d.deadline(), "lingering: lingerMillis from the end of the output");
    }

    @Test
    void anIdleConnectionTrimsItsBuffersThenTimesOutQuietly() {
        ConnectionDriver d = driver(r -> Response.text(200, "x"), HttpConfig.defaults().withTimeouts(10_000, 5_000, 30_000, 1_000));
        assertEquals(Action.READ, d.start(true));
        assertEquals(12_000, d.deadline(), "the trim comes before the idle timeout");
        assertEquals(Action.READ, d.onDeadline(12_000));
        assertTrue(d.buffersTrimmed());
        assertEquals(15_000, d.deadline());
        assertEquals(Action.CLOSE, d.onDeadline(15_000), "an idle timeout closes without a 408");
        assertEquals(0, d.output().remaining());
    }

    @Test
    void aSmallBodyIsAwaitedBeforeTheDispatch() {
        ConnectionDriver d = driver(r -> Response.text(200, new String(r.bodyBytes(10), StandardCharsets.US_ASCII)));
        d.start(true);
        assertEquals(Action.READ, send(d, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab"));
        assertFalse(d.idle());
        assertEquals(20_000, d.deadline(), "the body's rate grace (10 s), not the idle buffer trim");
        assertEquals(Action.DISPATCH, send(d, "cd"));
        d.dispatch(NO_IO);
        d.afterDispatch();
        assertTrue(drain(d, new Action[1]).endsWith("abcd"));
    }

    @Test
    void shutdownClosesAnIdleConnectionAndMarksABusyOne() {
        ConnectionDriver idle = driver(r -> Response.text(200, "x"));
        idle.start(true);
        idle.markShutdown();
        assertEquals(Action.CLOSE, idle.onShutdown());

        ConnectionDriver busy = driver(r -> Response.text(200, "x"));
        busy.start(true);
        send(busy, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        busy.markShutdown();
        assertEquals(Action.DISPATCH, busy.onShutdown(), "a request in flight is finished");
        busy.dispatch(NO_IO);
        busy.afterDispatch();
        Action[] next = new Action[1];
        assertTrue(drain(busy, next).contains("\r\nConnection: close\r\n"));
        assertEquals(Action.LINGER, next[0]);
    }

    @Test
    void aRefusedConnectionGets503() {
        ConnectionDriver d = driver(r -> Response.text(200, "x"));
        assertEquals(Action.WRITE, d.start(false));
        Action[] next = new Action[1];
        assertTrue(drain(d, next).startsWith("HTTP/1.1 503 "));
        assertEquals(Action.LINGER, next[0]);
    }

    /** A ConnectionIO of a thread that must never block, as a selector thread's. */
    private static final ConnectionIO LOOP_IO = new ConnectionIO() {
        @Override
        public void awaitInput() {
            throw new AssertionError("a thread that must not block waited for input");
        }

        @Override
        public boolean mayBlock() {
            return false;
        }

        @Override
        public void flush() {
        }
    };

    private static Handler where(String name) {
        return r -> Response.text(200, name);
    }

    @Test
    void aWholeRequestWhoseHandlerIsDeclaredNonBlockingMayRunOnAThreadThatMustNotBlock() {
        ConnectionDriver d = driver(Handler.nonBlocking(where("declared")));
        d.start(true);
        assertEquals(Action.DISPATCH, send(d, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertTrue(d.dispatchNonBlocking());
        d.dispatch(LOOP_IO);
        assertEquals(Action.WRITE, d.afterDispatch());
        assertTrue(drain(d, new Action[1]).endsWith("declared"));
    }

    @Test
    void aHandlerThatIsNotDeclaredNeverRunsOnAThreadThatMustNotBlock() {
        ConnectionDriver d = driver(where("plain"));
        d.start(true);
        assertEquals(Action.DISPATCH, send(d, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertFalse(d.dispatchNonBlocking());
        d.dispatch(LOOP_IO);
        assertEquals(Action.DISPATCH, d.afterDispatch(), "a misdirected dispatch runs nothing and asks again");
        assertFalse(d.dispatchNonBlocking());
        d.dispatch(NO_IO);
        assertEquals(Action.WRITE, d.afterDispatch());
        assertTrue(drain(d, new Action[1]).endsWith("plain"));
    }

    @Test
    void aDeclaredHandlerWhoseBodyHasNotArrivedWholeRunsOffThatThread() {
        ConnectionDriver d = driver(Handler.nonBlocking(r -> Response.text(200, new String(r.body().readAllBytes(),
                StandardCharsets.US_ASCII))));
        d.start(true);
        assertEquals(Action.DISPATCH, send(d, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n"));
        assertFalse(d.dispatchNonBlocking(), "a chunked body not yet ended");
    }

    @Test
    void aSmallBodyAwaitedBeforeTheDispatchLetsADeclaredHandlerRunOnThatThread() {
        ConnectionDriver d = driver(Handler.nonBlocking(r -> Response.text(200, new String(r.bodyBytes(10),
                StandardCharsets.US_ASCII))));
        d.start(true);
        assertEquals(Action.READ, send(d, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab"));
        assertEquals(Action.DISPATCH, send(d, "cd"));
        assertTrue(d.dispatchNonBlocking());
        d.dispatch(LOOP_IO);
        d.afterDispatch();
        assertTrue(drain(d, new Action[1]).endsWith("abcd"));
    }

    @Test
    void onThatThreadAPipelinedRequestOfAnUndeclaredHandlerWaitsForTheNextDispatchAndAnswersStayInOrder() {
        Router router = Router.builder().get("/fast", Handler.nonBlocking(where("fast"))).get("/slow", where("slow"))
                .build();
        ConnectionDriver d = driver(router);
        d.start(true);
        send(d, "GET /fast HTTP/1.1\r\nHost: x\r\n\r\nGET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(d.dispatchNonBlocking());
        d.dispatch(LOOP_IO);
        assertEquals(Action.DISPATCH, d.afterDispatch(), "the undeclared one is not run there");
        assertFalse(d.dispatchNonBlocking());
        d.dispatch(NO_IO);
        assertEquals(Action.WRITE, d.afterDispatch());
        String written = drain(d, new Action[1]);
        assertTrue(written.indexOf("fast") < written.indexOf("slow")
                && written.indexOf("slow") < written.lastIndexOf("fast"), written);
    }

    @Test
    void aStreamedBodyFromADeclaredHandlerIsWrittenByTheNextDispatchOffThatThread() {
        AtomicLong writerRuns = new AtomicLong();
        ConnectionDriver d = driver(Handler.nonBlocking(r -> Response.stream(200, out -> {
            writerRuns.incrementAndGet();
            out.write("streamed".getBytes(StandardCharsets.US_ASCII));
        })));
        d.start(true);
        send(d, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(d.dispatchNonBlocking());
        d.dispatch(LOOP_IO);
        assertEquals(0, writerRuns.get(), "the writer may block: not run on that thread");
        assertEquals(Action.DISPATCH, d.afterDispatch());
        assertFalse(d.dispatchNonBlocking());
        d.dispatch(NO_IO);
        assertEquals(1, writerRuns.get());
        assertEquals(Action.WRITE, d.afterDispatch());
        assertTrue(drain(d, new Action[1]).contains("streamed"));
    }
}
