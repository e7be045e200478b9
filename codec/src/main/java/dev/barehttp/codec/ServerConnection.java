package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The server side of one HTTP/1.1 connection, without I/O: bytes in, request events out;
 * responses in, bytes out.
 *
 * <h2>Driving it</h2>
 * <pre>{@code
 * conn.receive(bytes, off, len);               // whatever the network produced
 * for (HttpEvent e = conn.nextEvent(); ...)    // RequestHead, BodyData..., EndOfMessage, or a Signal
 * conn.response().status(200).header(...).write(...).end();
 * conn.writeOutputTo(socket::write);           // or peekOutput()/consumeOutput(n)
 * }</pre>
 *
 * <h2>The rules, all in this class</h2>
 * <ul>
 *   <li>One request at a time: after a request's {@link EndOfMessage}, {@link #nextEvent()} answers
 *       {@link Signal#PAUSED} until its response has ended; pipelined bytes stay buffered meanwhile,
 *       so responses go out in request order (RFC 9112 section 9.3.2).</li>
 *   <li>Persistence (RFC 9112 section 9.3): HTTP/1.1 persists unless the request or the response says
 *       {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}. A CONNECT, a
 *       close-delimited response, {@link #shutdown()}, or an unread body too large to drain also end
 *       the connection. The response head says {@code Connection: close} whenever it will not persist.</li>
 *   <li>After a non-persistent exchange nothing more is read: {@link Signal#CLOSED}.</li>
 *   <li>{@code Expect: 100-continue} (RFC 9110 section 10.1.1): {@link #bodyRequested()} queues
 *       {@code 100 Continue} when the application first wants the body and no response has begun;
 *       never to HTTP/1.0. A final response sent instead, with the body unread, closes the
 *       connection, since the client may or may not send the body.</li>
 *   <li>A body left unread when the response ends is read and discarded if it is at most
 *       {@code maxDrainSize}; a larger one closes the connection.</li>
 *   <li>Errors: the first {@link HttpProtocolException} puts the connection in a final error state;
 *       every later {@link #nextEvent()} throws it again. {@link #respondToError} queues its
 *       response when no response has begun.</li>
 *   <li>Time: {@link #nextDeadline()} names the next moment something times out (head, idle, body);
 *       {@link #expire(long)} applies it.</li>
 * </ul>
 *
 * <p>Not thread-safe: a connection is driven by one thread at a time.
 */
public final class ServerConnection {
    private enum ReadState { AWAIT_HEAD, BODY, REQUEST_DONE, CLOSED }

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpConfig config;
    private final LongSupplier clock;
    private final InputBuffer in = new InputBuffer();
    private final OutputBuffer out = new OutputBuffer();
    private final RequestHeadParser headParser;
    private final ResponseWriter response;
    private final ContentLengthBody contentLengthBody = new ContentLengthBody(0);
    private ChunkedBody chunkedBody;

    private ReadState readState = ReadState.AWAIT_HEAD;
    private HttpProtocolException failure;
    private boolean inputEnded;
    private volatile boolean shutdownRequested;

    private RequestHead request;
    private BodyDecoder body;
    private boolean requestKeepAlive;
    private boolean continueSent;
    private boolean draining;
    private long drained;

    private long idleSince;
    private long headStartedAt = -1;
    private long lastBodyActivity;

    /** A connection with the given limits and a monotonic millisecond clock ({@code System.nanoTime}). */
    public ServerConnection(HttpConfig config) {
        this(config, () -> System.nanoTime() / 1_000_000);
    }

    /**
     * A connection with the given limits and clock.
     *
     * @param clock monotonic milliseconds; tests pass a fake one to check timeouts without sleeping
     */
    public ServerConnection(HttpConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.headParser = new RequestHeadParser(config);
        this.response = new ResponseWriter(this, out);
        this.idleSince = clock.getAsLong();
    }

    /** The limits this connection enforces. */
    public HttpConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- input

    /** Hands over bytes received from the peer; they are copied. Ignored once the connection is closed. */
    public void receive(byte[] bytes, int off, int len) {
        if (len == 0 || readState == ReadState.CLOSED) {
            return;
        }
        noteArrival();
        in.append(bytes, off, len);
    }

    /** Hands over every remaining byte of {@code src}, advancing its position. */
    public void receive(ByteBuffer src) {
        if (!src.hasRemaining() || readState == ReadState.CLOSED) {
            src.position(src.limit());
            return;
        }
        noteArrival();
        in.append(src);
    }

    /** The peer closed its sending side: buffered requests are still delivered and answered. */
    public void receiveEndOfInput() {
        inputEnded = true;
    }

    /** Bytes received and not yet handed out as events (a transport may stop reading above a bound). */
    public int bufferedInput() {
        return in.size();
    }

    private void noteArrival() {
        long now = clock.getAsLong();
        if (readState == ReadState.BODY) {
            lastBodyActivity = now;
        } else if (readState == ReadState.AWAIT_HEAD && headStartedAt < 0 && in.size() == 0
                && response.idle()) {
            headStartedAt = now;
        }
    }

    /**
     * The next event: a {@link RequestHead}, {@link BodyData}, {@link EndOfMessage}, or a {@link Signal}.
     *
     * @throws HttpProtocolException when the peer's bytes break the protocol; again on every later call
     */
    public HttpEvent nextEvent() {
        if (failure != null) {
            throw failure;
        }
        try {
            return advance();
        } catch (HttpProtocolException e) {
            failure = e;
            throw e;
        }
    }

    private HttpEvent advance() {
        while (true) {
            switch (readState) {
                case AWAIT_HEAD -> {
                    HttpEvent e = readHead();
                    if (e != null) {
                        return e;
                    }
                }
                case BODY -> {
                    HttpEvent e = readBody();
                    if (e != null) {
                        return e;
                    }
                }
                case REQUEST_DONE -> {
                    return Signal.PAUSED;
                }
                default -> {
                    return Signal.CLOSED;
                }
            }
        }
    }

    /** A head, a signal, or null to go round again (the state changed). */
    private HttpEvent readHead() {
        if (!response.idle()) {
            return Signal.PAUSED;
        }
        if (shutdownRequested) {
            readState = ReadState.CLOSED;
            return Signal.CLOSED;
        }
        RequestHead head = headParser.parse(in);
        if (head == null) {
            if (inputEnded) {
                if (headParser.inProgress() || in.size() > 0) {
                    throw HttpProtocolException.badRequest("the connection ended inside a request head");
                }
                readState = ReadState.CLOSED;
                return Signal.CLOSED;
            }
            return Signal.NEED_DATA;
        }
        startRequest(head);
        return head;
    }

    private void startRequest(RequestHead head) {
        request = head;
        requestKeepAlive = head.version() == HttpVersion.HTTP_1_1
                ? !head.headers().containsToken("connection", "close")
                : head.headers().containsToken("connection", "keep-alive");
        body = head.bodyLength() == RequestHead.CHUNKED ? chunkedBody() : contentLengthBody.reset(head.bodyLength());
        continueSent = false;
        draining = false;
        drained = 0;
        headStartedAt = -1;
        lastBodyActivity = clock.getAsLong();
        readState = ReadState.BODY;
        response.begin(head);
    }

    /** The connection's chunked decoder, made on first use and reused, as its tables are not small. */
    private ChunkedBody chunkedBody() {
        if (chunkedBody == null) {
            chunkedBody = new ChunkedBody(config);
        }
        return chunkedBody.reset();
    }

    /** A body event, a signal, or null to go round again. */
    private HttpEvent readBody() {
        HttpEvent e = body.next(in);
        if (e == null) {
            if (inputEnded) {
                body.endOfInput();
            }
            return Signal.NEED_DATA;
        }
        if (e instanceof EndOfMessage) {
            readState = ReadState.REQUEST_DONE;
            if (draining) {
                afterExchange();
                return null;
            }
            return e;
        }
        if (draining) {
            drained += ((BodyData) e).data().length;
            if (drained > config.maxDrainSize()) {
                readState = ReadState.CLOSED;
            }
            return null;
        }
        return e;
    }

    // ---------------------------------------------------------------- output

    /** The writer for the response to the current request. */
    public ResponseWriter response() {
        return response;
    }

    /** True when encoded bytes wait to be written to the peer. */
    public boolean hasOutput() {
        return out.size() > 0;
    }

    /** The number of encoded bytes waiting. */
    public int pendingOutput() {
        return out.size();
    }

    /**
     * A view of the waiting output; valid until the next call that writes a response. Report what
     * was written with {@link #consumeOutput(int)}.
     */
    public ByteBuffer peekOutput() {
        return out.view();
    }

    /** Drops the first {@code n} waiting bytes, which the caller has written. */
    public void consumeOutput(int n) {
        out.consume(n);
    }

    /** Writes every waiting byte to {@code sink}, then drops them. */
    public void writeOutputTo(OutputSink sink) throws java.io.IOException {
        int n = out.size();
        if (n > 0) {
            sink.write(out.array(), out.start(), n);
            out.consume(n);
        }
    }

    /** Where {@link #writeOutputTo} puts bytes, e.g. {@code socketOutputStream::write}. */
    @FunctionalInterface
    public interface OutputSink {
        /** Writes {@code len} bytes of {@code b} from {@code off}. */
        void write(byte[] b, int off, int len) throws java.io.IOException;
    }

    /**
     * The application wants the request body. When the client waits for {@code 100 Continue} and no
     * response has begun, queues it and returns true (the caller should write the output now).
     */
    public boolean bodyRequested() {
        if (readState != ReadState.BODY || continueSent || request == null || !request.expectsContinue()
                || !response.awaitingStatus()) {
            return false;
        }
        continueSent = true;
        out.put(CONTINUE);
        return true;
    }

    /**
     * Queues the response to a protocol error if no response has begun: the error's status, a
     * one-line text body, {@code Connection: close}. Either way the connection is then closed.
     *
     * @return true when a response was queued
     */
    public boolean respondToError(HttpProtocolException error) {
        boolean canAnswer = response.awaitingStatus() || response.idle();
        readState = ReadState.CLOSED;
        if (failure == null) {
            failure = error;
        }
        if (canAnswer) {
            response.writeError(error.status(), error.getMessage());
        }
        response.close();
        return canAnswer;
    }

    /** Ends the connection now: no further event but {@link Signal#CLOSED}, no further response. */
    public void close() {
        readState = ReadState.CLOSED;
        response.close();
    }

    /**
     * Graceful shutdown: the response in progress (or the next one) carries {@code Connection: close}
     * and no further request is started. Unlike every other method, this one may be called from
     * another thread than the one driving the connection; its effect is applied by that thread.
     *
     * @return true when the connection looked idle (between requests, nothing buffered), so the
     *     caller may close it at once
     */
    public boolean shutdown() {
        shutdownRequested = true;
        return isIdle();
    }

    /** True when no request is in progress and no input is buffered: a keep-alive connection between requests. */
    public boolean isIdle() {
        return readState == ReadState.AWAIT_HEAD && response.idle() && in.size() == 0 && !headParser.inProgress();
    }

    /**
     * True when the current request's whole body has already been received (or it has none) and the
     * client does not wait for {@code 100 Continue}: answering it needs no further input.
     */
    public boolean requestReceivedWhole() {
        if (readState == ReadState.REQUEST_DONE) {
            return true;
        }
        if (readState != ReadState.BODY || request.expectsContinue()) {
            return false;
        }
        long remaining = body.remaining();
        return remaining >= 0 && remaining <= in.size();
    }

    /** The protocol error that ended this connection, or null. */
    public HttpProtocolException failure() {
        return failure;
    }

    /** True once the connection will handle nothing more. */
    public boolean isClosed() {
        return readState == ReadState.CLOSED || failure != null;
    }

    /** Lenient acceptances so far (lines ended by a bare LF when {@code allowBareLf} is set). */
    public int violations() {
        return headParser.bareLineFeeds();
    }

    /** Releases buffers that hold nothing, so an idle connection keeps little memory. */
    public void trimBuffers() {
        in.trim();
        out.trim();
    }

    // ---------------------------------------------------------------- called by the writer

    /** Whether the response being committed may leave the connection open. */
    boolean persistsAfterResponse(boolean responseSaysClose, ResponseFraming framing) {
        if (!requestKeepAlive || responseSaysClose || shutdownRequested || readState == ReadState.CLOSED
                || framing == ResponseFraming.CLOSE_DELIMITED || request.method().equals(Methods.CONNECT)) {
            return false;
        }
        if (readState == ReadState.BODY) {
            if (request.expectsContinue() && !continueSent) {
                return false;
            }
            return body.remaining() <= config.maxDrainSize();
        }
        return true;
    }

    /** The response ended: go on to the next request, drain the rest of this one, or close. */
    void responseEnded(boolean persistent) {
        if (!persistent) {
            readState = ReadState.CLOSED;
            return;
        }
        if (readState == ReadState.BODY) {
            draining = true;
            lastBodyActivity = clock.getAsLong();
        } else if (readState == ReadState.REQUEST_DONE) {
            afterExchange();
        }
    }

    private void afterExchange() {
        readState = ReadState.AWAIT_HEAD;
        request = null;
        body = null;
        response.reset();
        long now = clock.getAsLong();
        idleSince = now;
        headStartedAt = in.size() > 0 ? now : -1;
        in.shrinkIfLarge();
    }

    // ---------------------------------------------------------------- time

    /**
     * The monotonic time (same clock as given) at which {@link #expire} should next be called, or
     * {@link Long#MAX_VALUE} when nothing times out in the current state. A body deadline applies
     * only while the transport waits for body bytes.
     */
    public long nextDeadline() {
        if (readState == ReadState.AWAIT_HEAD && response.idle()) {
            if (headStartedAt >= 0 || headParser.inProgress()) {
                long started = headStartedAt >= 0 ? headStartedAt : idleSince;
                return after(started, config.headTimeoutMillis());
            }
            return after(idleSince, config.idleTimeoutMillis());
        }
        if (readState == ReadState.BODY) {
            return after(lastBodyActivity, config.bodyTimeoutMillis());
        }
        return Long.MAX_VALUE;
    }

    private static long after(long start, long millis) {
        return millis <= 0 ? Long.MAX_VALUE : start + millis;
    }

    /**
     * Applies the deadline if {@code now} has reached it: an idle connection closes quietly; a head
     * or body that stalled gets 408 (when no response has begun) and the connection closes.
     *
     * @return true when the connection timed out: write any output, then close it
     */
    public boolean expire(long now) {
        if (now < nextDeadline()) {
            return false;
        }
        boolean quiet = readState == ReadState.AWAIT_HEAD && headStartedAt < 0 && !headParser.inProgress();
        if (quiet) {
            close();
        } else {
            respondToError(HttpProtocolException.requestTimeout(readState == ReadState.BODY
                    ? "the request body stalled" : "the request head did not arrive in time"));
        }
        return true;
    }

    @Override
    public String toString() {
        return "ServerConnection[" + readState + ", " + response + ", in=" + in.size() + ", out=" + out.size() + "]";
    }
}
