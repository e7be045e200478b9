package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The server side of one HTTP/1.1 connection, without I/O: bytes in, request events out;
 * responses in, bytes out. Every rule about the life of the connection is in this class.
 *
 * <h2>Driving it</h2>
 * <pre>{@code
 * conn.receive(bytes, off, len);        // whatever the network produced, while conn.wantsInput()
 * HttpEvent e = conn.nextEvent();       // RequestHead, BodyData..., EndOfMessage, or a Signal:
 *                                       //   NEED_DATA: read more; PAUSED: write output / end the response first;
 *                                       //   CLOSED: write output, then close
 * conn.response().status(200).header(...).write(...).end();
 * conn.peekOutput() / conn.consumeOutput(n)   // or writeOutputTo(socket::write)
 * }</pre>
 * Without copies: {@link #nextEventAsView()} hands out body pieces as views of the input buffer (valid
 * until the next call), {@link ResponseWriter#write(ByteBuffer)} queues a body by reference, and
 * {@link #gatherOutput} hands the head, the caller's buffers and the framing to one gathering write.
 * {@code PAUSED} is never answered twice without a change: it means the next request waits until the
 * response in progress has ended, or until pending output has been written below
 * {@link HttpConfig#maxPendingOutput()}. A loop that gets it writes output or waits for its handler.
 *
 * <h2>States and transitions</h2>
 * <pre>
 *  state               event                                           next state
 *  ------------------  ----------------------------------------------  ------------------
 *  AWAIT_HEAD          a head parsed (handed out)                      READ_BODY
 *  AWAIT_HEAD          input ended with nothing buffered               CLOSED
 *  AWAIT_HEAD          shutdown requested                              CLOSED
 *  READ_BODY           end of the request body                         AWAIT_RESPONSE_END
 *  READ_BODY           response ended, connection persists            DRAIN
 *  READ_BODY           response ended, connection does not persist     MUST_CLOSE
 *  AWAIT_RESPONSE_END  response ended, connection persists             AWAIT_HEAD
 *  AWAIT_RESPONSE_END  response ended, connection does not persist     MUST_CLOSE
 *  AWAIT_RESPONSE_END  skipResponse(), persists / does not persist     AWAIT_HEAD / MUST_CLOSE
 *  DRAIN               end of the unread body                          AWAIT_HEAD
 *  DRAIN               more than maxDrainSize wire bytes, or past
 *                      drainTimeoutMillis, or too slow                 MUST_CLOSE
 *  any open state      bad bytes or a timeout (HttpProtocolException)  ERROR
 *  ERROR               the error response ended (or cannot be sent)   MUST_CLOSE (the error stays)
 *  AWAIT_RESPONSE_END  switchProtocols (101) or openTunnel (2xx to a
 *                      CONNECT)                                        SWITCHED (bytes pass through)
 *  any                 close()                                         CLOSED
 * </pre>
 *
 * <h2>The rules</h2>
 * <ul>
 *   <li>One request at a time, answered in order (RFC 9112 section 9.3.2): the next head is not parsed
 *       before the response to the current one has ended, nor while more than
 *       {@link HttpConfig#maxPendingOutput()} bytes wait to be written; {@link #nextEvent()} answers
 *       {@link Signal#PAUSED} meanwhile and pipelined bytes stay buffered (at most
 *       {@link HttpConfig#maxBufferedInput()}: {@link #wantsInput()}).</li>
 *   <li>Persistence (RFC 9112 section 9.3): HTTP/1.1 persists unless the request or the response says
 *       {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}. A CONNECT, a
 *       close-delimited response, {@link #shutdown()}, an unread body that is too large or of unknown
 *       length when the head is committed, or a 100-continue body never asked for also end it. The
 *       head says {@code Connection: close} whenever the connection will not persist, so a promise of
 *       keep-alive is always kept.</li>
 *   <li>{@code Expect: 100-continue} (RFC 9110 section 10.1.1): {@link #bodyRequested()} queues
 *       {@code 100 Continue} when the application first wants the body and no response has begun.</li>
 *   <li>An unread body is discarded after its response (state DRAIN) without copying, counting wire
 *       bytes (chunk framing and extensions included) against {@code maxDrainSize} and time against
 *       {@code drainTimeoutMillis}.</li>
 *   <li>Errors: the first {@link HttpProtocolException} puts the connection in the error state; every
 *       later {@link #nextEvent()} throws it again. Its response goes through {@link #response()} like any
 *       other, always with {@code Connection: close}: {@link #respondToError} writes the standard one, or
 *       the application writes its own while {@link ResponseWriter#awaitingStatus()}.</li>
 *   <li>Time: deadlines run only while the server waits for the peer. {@link #nextDeadline()} names the
 *       next one (head, idle, body stall, body rate, drain); while output is pending none runs (the
 *       transport's write timeout applies instead), and the head and body clocks restart once the
 *       output has been written. {@link #expire(long)} applies a deadline.</li>
 * </ul>
 *
 * <p>Not thread-safe: a connection is driven by one thread at a time, except {@link #shutdown()}.
 */
public final class ServerConnection {
    /** The joint state of the request and response streams; see the table in the class comment. */
    public enum State { AWAIT_HEAD, READ_BODY, AWAIT_RESPONSE_END, DRAIN, MUST_CLOSE, ERROR, SWITCHED, CLOSED }

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpConfig config;
    private final LongSupplier clock;
    /** What only a connection at work needs; null until then, and again once trimBuffers() dropped it. */
    private Parts parts;
    /** The bare line feeds counted by head parsers already dropped. */
    private int bareLineFeedsOfDroppedParsers;

    private State state = State.AWAIT_HEAD;
    private HttpProtocolException failure;
    private boolean inputEnded;
    private volatile boolean shutdownRequested;

    private long idleSince;
    private long headStartedAt = -1;

    /**
     * The buffers, the head parser, the writer, the body decoders and the state of the exchange in
     * progress: made when the connection first needs one of them, reused for every later request while
     * it is busy, and dropped as a whole by trimBuffers() while it is idle, so that a kept-alive
     * connection that waits holds none of them. The parser, the writer and the decoders are made when
     * first needed within it.
     */
    private static final class Parts {
        final InputBuffer in = new InputBuffer();
        final OutputBuffer out = new OutputBuffer();
        RequestHeadParser headParser;
        ResponseWriter response;
        ContentLengthBody contentLengthBody;
        ChunkedBody chunkedBody;

        RequestHead request;
        BodyDecoder body;
        boolean requestKeepAlive;
        boolean continueSent;
        long drainStartWire;
        long drainStartedAt;
        /** When the codec last answered NEED_DATA for body bytes, or -1 while it is not waiting. */
        long bodyWaitSince = -1;
        long bodyWaitedMillis;
        long bodyWireStart;
    }

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
        this.idleSince = clock.getAsLong();
    }

    /** The limits this connection enforces. */
    public HttpConfig config() {
        return config;
    }

    /**
     * The monotonic millisecond clock this connection reads, the one {@link #nextDeadline()} is on: code
     * around the codec that keeps deadlines of its own (a write timeout, a linger) reads the same one.
     */
    public LongSupplier clock() {
        return clock;
    }

    /** The connection's state, as in the table of the class comment. */
    public State state() {
        return state;
    }

    // ---------------------------------------------------------------- input

    /** Hands over bytes received from the peer; they are copied. Ignored once nothing more is read. */
    public void receive(byte[] bytes, int off, int len) {
        if (len == 0 || !reading()) {
            return;
        }
        noteArrival();
        input().append(bytes, off, len);
    }

    /** Hands over every remaining byte of {@code src}, advancing its position. */
    public void receive(ByteBuffer src) {
        if (!src.hasRemaining() || !reading()) {
            src.position(src.limit());
            return;
        }
        noteArrival();
        input().append(src);
    }

    /** The peer closed its sending side: buffered requests are still delivered and answered. */
    public void receiveEndOfInput() {
        inputEnded = true;
    }

    /** True once the peer ended its input. */
    public boolean inputEnded() {
        return inputEnded;
    }

    /** Bytes received and not yet handed out as events. */
    public int bufferedInput() {
        return inSize();
    }

    /**
     * True when the codec takes more input now: it still reads from this connection and holds less
     * than {@link HttpConfig#maxBufferedInput()}. A transport stops reading while this is false.
     */
    public boolean wantsInput() {
        return reading() && !inputEnded && inSize() < config.maxBufferedInput();
    }

    private boolean reading() {
        return state == State.AWAIT_HEAD || state == State.READ_BODY || state == State.AWAIT_RESPONSE_END
                || state == State.DRAIN || state == State.SWITCHED;
    }

    private void noteArrival() {
        long now = clock.getAsLong();
        if (parts != null && parts.bodyWaitSince >= 0) {
            parts.bodyWaitedMillis += now - parts.bodyWaitSince;
            parts.bodyWaitSince = now;
        }
        if (state == State.AWAIT_HEAD && headStartedAt < 0 && inSize() == 0 && writerIdle()) {
            headStartedAt = now;
        }
    }

    /**
     * The next event: a {@link RequestHead}, {@link BodyData}, {@link EndOfMessage}, or a {@link Signal}.
     *
     * @throws HttpProtocolException when the peer's bytes break the protocol; again on every later call
     */
    public HttpEvent nextEvent() {
        return next(BodyDelivery.COPY);
    }

    /**
     * The next event, as {@link #nextEvent()}, except that body bytes come out without a copy: a
     * {@link BodyData} that is a {@linkplain BodyData#isView() view} of the input buffer. No array and
     * no object is made per piece, since the connection reuses one view event; it is valid only until
     * the next {@code nextEvent}, {@code nextEventAsView} or {@code receive} call on this connection.
     * Read it with {@link BodyData#view()} or {@link BodyData#copyTo}, or keep it with {@link BodyData#copy()}.
     * The two methods may be mixed freely: only the body pieces differ.
     *
     * @throws HttpProtocolException when the peer's bytes break the protocol; again on every later call
     */
    public HttpEvent nextEventAsView() {
        return next(BodyDelivery.VIEW);
    }

    private HttpEvent next(BodyDelivery delivery) {
        if (failure != null) {
            throw failure;
        }
        try {
            return advance(delivery);
        } catch (HttpProtocolException e) {
            fail(e);
            throw e;
        }
    }

    private HttpEvent advance(BodyDelivery delivery) {
        while (true) {
            HttpEvent e = switch (state) {
                case AWAIT_HEAD -> readHead();
                case READ_BODY -> readBody(delivery);
                case AWAIT_RESPONSE_END -> Signal.PAUSED;
                case DRAIN -> drain();
                case SWITCHED -> Signal.SWITCHED;
                default -> Signal.CLOSED;
            };
            if (e != null) {
                return e;
            }
        }
    }

    /** A head, a signal, or null to go round again (the state changed). */
    private HttpEvent readHead() {
        if (shutdownRequested) {
            state = State.CLOSED;
            return Signal.CLOSED;
        }
        if (outSize() > config.maxPendingOutput()) {
            return Signal.PAUSED;
        }
        // With nothing buffered there is nothing to parse: a trimmed connection stays without a parser.
        RequestHead head = inSize() == 0 && (parts == null || parts.headParser == null) ? null : parser().parse(input());
        if (head == null) {
            if (inputEnded) {
                if (headInProgress() || inSize() > 0) {
                    throw HttpProtocolException.badRequest("the connection ended inside a request head");
                }
                state = State.CLOSED;
                return Signal.CLOSED;
            }
            return Signal.NEED_DATA;
        }
        startRequest(head);
        return head;
    }

    private void startRequest(RequestHead head) {
        Parts p = parts();
        p.request = head;
        p.requestKeepAlive = head.version() == HttpVersion.HTTP_1_1
                ? !head.headers().containsToken("connection", "close")
                : head.headers().containsToken("connection", "keep-alive");
        p.body = head.bodyLength() == RequestHead.CHUNKED ? chunkedBody() : contentLengthBody(head.bodyLength());
        p.continueSent = false;
        headStartedAt = -1;
        p.bodyWaitSince = -1;
        p.bodyWaitedMillis = 0;
        p.bodyWireStart = p.in.consumedTotal();
        state = State.READ_BODY;
        writer().begin(head);
    }

    private Parts parts() {
        if (parts == null) {
            parts = new Parts();
        }
        return parts;
    }

    /** The request in progress, or null. */
    private RequestHead request() {
        return parts == null ? null : parts.request;
    }

    private InputBuffer input() {
        return parts().in;
    }

    private int inSize() {
        return parts == null ? 0 : parts.in.size();
    }

    private OutputBuffer output() {
        return parts().out;
    }

    private int outSize() {
        return parts == null ? 0 : parts.out.size();
    }

    private RequestHeadParser parser() {
        Parts p = parts();
        if (p.headParser == null) {
            p.headParser = new RequestHeadParser(config);
        }
        return p.headParser;
    }

    private boolean headInProgress() {
        return parts != null && parts.headParser != null && parts.headParser.inProgress();
    }

    private ResponseWriter writer() {
        Parts p = parts();
        if (p.response == null) {
            p.response = new ResponseWriter(new WriterEvents(), p.out);
        }
        return p.response;
    }

    /** True when no response is in progress; a writer not made yet is idle. */
    private boolean writerIdle() {
        return parts == null || parts.response == null || parts.response.idle();
    }

    private ContentLengthBody contentLengthBody(long length) {
        Parts p = parts();
        if (p.contentLengthBody == null) {
            p.contentLengthBody = new ContentLengthBody(0);
        }
        return p.contentLengthBody.reset(length);
    }

    /** The connection's chunked decoder, made on first use and reused, as its tables are not small. */
    private ChunkedBody chunkedBody() {
        Parts p = parts();
        if (p.chunkedBody == null) {
            p.chunkedBody = new ChunkedBody(config);
        }
        return p.chunkedBody.reset();
    }

    /** A body event, a signal, or null to go round again. */
    private HttpEvent readBody(BodyDelivery delivery) {
        HttpEvent e = parts.body.next(parts.in, delivery);
        if (e == null) {
            return needBodyBytes();
        }
        parts.bodyWaitSince = -1;
        if (e instanceof EndOfMessage) {
            state = State.AWAIT_RESPONSE_END;
        }
        return e;
    }

    /** Discards the unread body of an answered request: no event, only NEED_DATA or a state change. */
    private HttpEvent drain() {
        while (true) {
            HttpEvent e = parts.body.next(parts.in, BodyDelivery.DISCARD);
            if (parts.in.consumedTotal() - parts.drainStartWire > config.maxDrainSize()) {
                state = State.MUST_CLOSE;
                return null;
            }
            if (e == null) {
                return needBodyBytes();
            }
            if (e instanceof EndOfMessage) {
                afterExchange();
                return null;
            }
        }
    }

    private HttpEvent needBodyBytes() {
        if (inputEnded) {
            parts.body.endOfInput();
        }
        if (parts.bodyWaitSince < 0) {
            parts.bodyWaitSince = clock.getAsLong();
        }
        return Signal.NEED_DATA;
    }

    private void fail(HttpProtocolException e) {
        if (failure == null) {
            failure = e;
        }
        if (state != State.CLOSED && state != State.MUST_CLOSE) {
            state = State.ERROR;
            writer().beginErrorAnswer();
        }
    }

    // ---------------------------------------------------------------- output

    /** The writer for the response to the current request (or to the protocol error). */
    public ResponseWriter response() {
        return writer();
    }

    /** True when encoded bytes wait to be written to the peer. */
    public boolean hasOutput() {
        return outSize() > 0;
    }

    /** The number of encoded bytes waiting. */
    public int pendingOutput() {
        return outSize();
    }

    /**
     * A view of all the waiting output in one buffer; valid until the next call that writes a response.
     * Report what was written with {@link #consumeOutput(int)}. When bodies were queued by reference
     * ({@link ResponseWriter#write(ByteBuffer)}), this copies them into the codec's own buffer first;
     * {@link #gatherOutput} hands them out without that copy.
     */
    public ByteBuffer peekOutput() {
        return output().view();
    }

    /**
     * The waiting output as buffers for one gathering write ({@code GatheringByteChannel.write(dst, 0, k)},
     * {@code SSLEngine.wrap(dst, 0, k, net)}): fills {@code dst[0, k)} in order and returns {@code k},
     * at most {@code dst.length} (0 when nothing waits). The segments are the head and framing bytes the
     * codec wrote and the caller's buffers queued by reference, which are not copied. The buffers are the
     * connection's own and valid until the next call that writes or consumes output; a write may advance
     * their positions. Report the bytes written with {@link #consumeOutput(int)}, which may end inside any
     * segment; call again while {@link #hasOutput()}.
     */
    public int gatherOutput(ByteBuffer[] dst) {
        return output().gather(dst);
    }

    /** Drops the first {@code n} waiting bytes, which the caller has written (across segments). */
    public void consumeOutput(int n) {
        output().consume(n);
        if (n > 0 && outSize() == 0) {
            outputDrained();
        }
    }

    /**
     * Writes every waiting byte to {@code sink}, segment by segment (a body queued by reference is handed
     * over from its own array, not copied), then drops them.
     */
    public void writeOutputTo(OutputSink sink) throws java.io.IOException {
        int n = outSize();
        if (n > 0) {
            output().writeTo(sink);
            outputDrained();
        }
    }

    /** The deadlines that wait for the peer start again once the server's own output is out. */
    private void outputDrained() {
        long now = clock.getAsLong();
        if (state == State.AWAIT_HEAD && writerIdle()) {
            idleSince = now;
            if (headStartedAt >= 0 || inSize() > 0) {
                headStartedAt = now;
            }
        }
        if (parts == null) {
            return;
        }
        if (parts.bodyWaitSince >= 0) {
            parts.bodyWaitSince = now;
        }
        if (state == State.DRAIN) {
            parts.drainStartedAt = Math.max(parts.drainStartedAt, now);
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
        if (state != State.READ_BODY || parts.continueSent || !parts.request.expectsContinue()
                || !writer().awaitingStatus()) {
            return false;
        }
        parts.continueSent = true;
        output().put(CONTINUE);
        return true;
    }

    /**
     * Answers a protocol error with the standard response, if no response has begun: the error's
     * status, a one-line text body, {@code Connection: close}. Either way nothing more is read.
     *
     * @return true when a response was queued
     */
    public boolean respondToError(HttpProtocolException error) {
        fail(error);
        ResponseWriter response = writer();
        if (!response.awaitingStatus()) {
            if (state != State.CLOSED) {
                state = State.MUST_CLOSE;
            }
            return false;
        }
        byte[] text = (error.status() + " " + StatusReasons.of(error.status()) + ": " + error.getMessage() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        response.status(error.status()).header("Content-Type", "text/plain; charset=utf-8")
                .contentLength(text.length).write(text).end();
        return true;
    }

    /**
     * Takes back the response in progress when none of its bytes has been written to the peer yet,
     * so that another (a 500, say) can be sent instead.
     *
     * @return true when the writer awaits a status again; false when bytes already left (close then)
     */
    public boolean retractResponse() {
        return writer().retract();
    }

    /**
     * Ends the exchange without a response, for a reader that only decodes requests (a capture
     * analyser, a decode benchmark): allowed once the request has been read to its end and before a
     * response has begun. The connection persists, or not, as after a response of known length that
     * does not say {@code Connection: close}.
     *
     * @throws IllegalStateException in any other state
     */
    public void skipResponse() {
        if (state != State.AWAIT_RESPONSE_END || !writer().awaitingStatus()) {
            throw new IllegalStateException("no request read to its end awaits a response (" + state + ")");
        }
        if (persistsAfterResponse(false, ResponseFraming.CONTENT_LENGTH)) {
            afterExchange();
        } else {
            state = State.MUST_CLOSE;
        }
    }

    /** Ends the connection now: no further event but {@link Signal#CLOSED}, no further response. */
    public void close() {
        state = State.CLOSED;
        writer().close();
    }

    /**
     * Graceful shutdown: the response in progress (or the next one) carries {@code Connection: close}
     * and no further request is started. Unlike every other method, this one may be called from
     * another thread than the one driving the connection; its effect is applied by that thread.
     */
    public void shutdown() {
        shutdownRequested = true;
    }

    /** True when no request is in progress and no input is buffered: a keep-alive connection between requests. */
    public boolean isIdle() {
        return state == State.AWAIT_HEAD && writerIdle() && inSize() == 0 && !headInProgress();
    }

    /**
     * The caller holds the current request until its body has arrived (answering it then needs no
     * thread that waits): the body's stall and rate clocks run from now, as if the codec had
     * answered {@link Signal#NEED_DATA}.
     */
    public void awaitBodyBytes() {
        if (state == State.READ_BODY && parts.bodyWaitSince < 0) {
            parts.bodyWaitSince = clock.getAsLong();
        }
    }

    /**
     * True when the current request's whole body has already been received (or it has none) and the
     * client does not wait for {@code 100 Continue}: answering it needs no further input.
     */
    public boolean requestReceivedWhole() {
        if (state == State.AWAIT_RESPONSE_END) {
            return true;
        }
        if (state != State.READ_BODY || parts.request.expectsContinue()) {
            return false;
        }
        long remaining = parts.body.remaining();
        return remaining >= 0 && remaining <= inSize();
    }

    /** The protocol error that ended this connection, or null. */
    public HttpProtocolException failure() {
        return failure;
    }

    /** True once the connection will handle nothing more: write the pending output, then close. */
    public boolean isClosed() {
        return state == State.CLOSED || state == State.MUST_CLOSE || state == State.ERROR;
    }

    /** Lenient acceptances so far (lines ended by a bare LF when {@code allowBareLf} is set). */
    public int violations() {
        return bareLineFeedsOfDroppedParsers
                + (parts == null || parts.headParser == null ? 0 : parts.headParser.bareLineFeeds());
    }

    /**
     * Releases buffers that hold nothing, so an idle connection keeps little memory. Between requests
     * ({@link #isIdle()}) with no output pending it drops the buffers themselves, the head parser, the
     * response writer and the body decoders, all made again when the next request arrives.
     */
    public void trimBuffers() {
        if (parts == null) {
            return;
        }
        if (isIdle() && parts.out.isEmpty()) {
            if (parts.headParser != null) {
                bareLineFeedsOfDroppedParsers += parts.headParser.bareLineFeeds();
            }
            parts = null;
            return;
        }
        parts.in.trim();
        parts.out.trim();
        if (parts.headParser != null) {
            parts.headParser.trim();
        }
    }

    /**
     * Queues an interim response before the final one: {@code 103 Early Hints} (RFC 8297), a
     * {@code 100 Continue} the application sends itself, or a 1xx a proxy forwards; any status from 100
     * to 199 but 101 ({@link #switchProtocols}). Interim responses are never sent to HTTP/1.0 (RFC 9110
     * section 15.2) nor once the final response has begun: then nothing is queued.
     *
     * @return true when it was queued (write the output to send it now)
     * @throws IllegalArgumentException for another status, or a field that is not a valid name and value
     *     or frames the message
     */
    public boolean sendInterim(int status, Headers fields) {
        if (status < 100 || status > 199 || status == 101) {
            throw new IllegalArgumentException("an interim response is a 1xx other than 101: " + status);
        }
        RequestHead request = request();
        if (request == null || request.version() != HttpVersion.HTTP_1_1 || !writer().awaitingStatus()
                || (state != State.READ_BODY && state != State.AWAIT_RESPONSE_END)) {
            return false;
        }
        long mark = output().mark();
        output().putStatusLine(status, null);
        try {
            putFields(fields);
        } catch (IllegalArgumentException e) {
            output().truncateTo(mark);
            throw e;
        }
        output().crlf();
        if (status == 100) {
            parts.continueSent = true;
        }
        return true;
    }

    // ---------------------------------------------------------------- protocol switches

    /**
     * Answers {@code 101 Switching Protocols} to a request that asked for {@code protocol} in its
     * {@code Upgrade} field (RFC 9110 section 7.8), with {@code fields} added to the head; from then on
     * the connection carries that protocol's bytes: {@link #readSwitched} and {@link #writeSwitched}, and
     * {@link #nextEvent()} answers {@link Signal#SWITCHED}. Bytes already received after the request
     * are the first ones {@link #readSwitched} hands out.
     *
     * @throws IllegalStateException when the request did not offer {@code protocol}, is not HTTP/1.1, its
     *     body has not been read to its end, or a response has begun
     * @throws IllegalArgumentException for a field that is not a valid name and value
     */
    public void switchProtocols(String protocol, Headers fields) {
        RequestHead request = request();
        if (request == null || !request.headers().containsToken("upgrade", protocol)
                || request.version() != HttpVersion.HTTP_1_1) {
            throw new IllegalStateException("the request did not ask to upgrade to " + protocol);
        }
        checkSwitchable();
        output().putStatusLine(101, null);
        output().field("Connection", "upgrade");
        output().field("Upgrade", protocol);
        putFields(fields);
        output().crlf();
        switched();
    }

    /**
     * Answers a {@code CONNECT} request with a 2xx (RFC 9110 section 9.3.6), which has no body and no
     * framing fields, and turns the connection into a tunnel as {@link #switchProtocols} does.
     *
     * @throws IllegalStateException when the request is not CONNECT, or as {@link #switchProtocols}
     */
    public void openTunnel(int status, Headers fields) {
        RequestHead request = request();
        if (request == null || !request.method().equals(Methods.CONNECT)) {
            throw new IllegalStateException("only a CONNECT request becomes a tunnel");
        }
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a tunnel opens with a 2xx status: " + status);
        }
        checkSwitchable();
        output().putStatusLine(status, null);
        putFields(fields);
        output().crlf();
        switched();
    }

    private void checkSwitchable() {
        if (state != State.AWAIT_RESPONSE_END || !writer().awaitingStatus()) {
            throw new IllegalStateException("a protocol switch needs the request read to its end and no response begun: "
                    + this);
        }
    }

    private void putFields(Headers fields) {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.nameAsWritten(i);
            String value = fields.value(i);
            if (!ByteClass.isToken(name) || !ByteClass.isFieldValue(value)) {
                throw new IllegalArgumentException("not a valid field for a switch: " + name);
            }
            if (FramingFields.of(fields.name(i)) != 0) {
                throw new IllegalArgumentException(name + " is set by the codec, not by hand, in a switch");
            }
            output().field(name, value);
        }
    }

    private void switched() {
        state = State.SWITCHED;
        writer().close();
    }

    /**
     * After a switch: moves up to {@code len} received bytes into {@code b}, the count (0 when none is
     * buffered: read more from the peer, or the end of input was reached, see {@link #inputEnded()}).
     */
    public int readSwitched(byte[] b, int off, int len) {
        if (state != State.SWITCHED) {
            throw new IllegalStateException("the connection has not switched protocols");
        }
        int n = Math.min(len, inSize());
        System.arraycopy(input().array(), input().start(), b, off, n);
        input().consume(n);
        return n;
    }

    /** After a switch: queues {@code len} bytes of the new protocol for the peer, as they are. */
    public void writeSwitched(byte[] b, int off, int len) {
        if (state != State.SWITCHED) {
            throw new IllegalStateException("the connection has not switched protocols");
        }
        output().put(b, off, len);
    }

    // ---------------------------------------------------------------- what the writer reports

    /** The writer's reports: it decides nothing about the connection itself. */
    private final class WriterEvents implements ResponseWriter.Events {
        @Override
        public boolean committing(boolean responseSaysClose, ResponseFraming framing) {
            return persistsAfterResponse(responseSaysClose, framing);
        }

        @Override
        public void ended(boolean persistent) {
            responseEnded(persistent);
        }

        @Override
        public void framingBroken() {
            if (state != State.CLOSED) {
                state = State.MUST_CLOSE;
            }
        }
    }

    private boolean persistsAfterResponse(boolean responseSaysClose, ResponseFraming framing) {
        Parts p = parts;
        if (state == State.ERROR || p.request == null || !p.requestKeepAlive || responseSaysClose || shutdownRequested
                || framing == ResponseFraming.CLOSE_DELIMITED || p.request.method().equals(Methods.CONNECT)) {
            return false;
        }
        if (state == State.READ_BODY) {
            if (p.request.expectsContinue() && !p.continueSent) {
                return false;
            }
            long remaining = p.body.remaining();
            return remaining >= 0 && remaining <= config.maxDrainSize();
        }
        return state == State.AWAIT_RESPONSE_END;
    }

    private void responseEnded(boolean persistent) {
        if (!persistent || (state != State.READ_BODY && state != State.AWAIT_RESPONSE_END)) {
            if (state != State.CLOSED) {
                state = State.MUST_CLOSE;
            }
            return;
        }
        if (state == State.READ_BODY) {
            state = State.DRAIN;
            parts.drainStartWire = parts.in.consumedTotal();
            parts.drainStartedAt = clock.getAsLong();
        } else {
            afterExchange();
        }
    }

    private void afterExchange() {
        state = State.AWAIT_HEAD;
        parts.request = null;
        parts.body = null;
        parts.bodyWaitSince = -1;
        writer().reset();
        long now = clock.getAsLong();
        idleSince = now;
        headStartedAt = inSize() > 0 ? now : -1;
        input().shrinkIfLarge();
    }

    // ---------------------------------------------------------------- time

    /**
     * The monotonic time (same clock as given) at which {@link #expire} should next be called, or
     * {@link Long#MAX_VALUE} when nothing times out in the current state. Nothing times out while
     * output is pending: the server, not the peer, is then the one to wait for.
     */
    public long nextDeadline() {
        if (outSize() > 0) {
            return Long.MAX_VALUE;
        }
        return switch (state) {
            case AWAIT_HEAD -> headOrIdleDeadline();
            case READ_BODY -> bodyDeadline();
            case DRAIN -> Math.min(bodyDeadline(), after(parts.drainStartedAt, config.drainTimeoutMillis()));
            default -> Long.MAX_VALUE;
        };
    }

    private long headOrIdleDeadline() {
        if (!writerIdle()) {
            return Long.MAX_VALUE;
        }
        if (headStartedAt >= 0 || headInProgress()) {
            return after(headStartedAt >= 0 ? headStartedAt : idleSince, config.headTimeoutMillis());
        }
        return after(idleSince, config.idleTimeoutMillis());
    }

    /** While waiting for body bytes: the stall timeout, and the minimum average rate after its grace period. */
    private long bodyDeadline() {
        Parts p = parts;
        if (p.bodyWaitSince < 0) {
            return Long.MAX_VALUE;
        }
        long stall = after(p.bodyWaitSince, config.bodyTimeoutMillis());
        if (config.minBodyRate() <= 0) {
            return stall;
        }
        long received = p.in.consumedTotal() + p.in.size() - p.bodyWireStart;
        long allowed = Math.max(config.bodyRateGraceMillis(), received * 1000 / config.minBodyRate());
        long rate = p.bodyWaitSince + Math.max(0, allowed - p.bodyWaitedMillis);
        return Math.min(stall, rate);
    }

    private static long after(long start, long millis) {
        return millis <= 0 ? Long.MAX_VALUE : start + millis;
    }

    /**
     * Applies the deadline if {@code now} has reached it: an idle connection or a drain closes
     * quietly; a head or body that stalled gets 408 (when no response has begun) and the connection
     * closes.
     *
     * @return true when the connection timed out: write any output, then close it
     */
    public boolean expire(long now) {
        if (now < nextDeadline()) {
            return false;
        }
        boolean quiet = state == State.DRAIN
                || (state == State.AWAIT_HEAD && headStartedAt < 0 && !headInProgress());
        if (quiet) {
            state = State.MUST_CLOSE;
            writer().close();
        } else {
            respondToError(HttpProtocolException.requestTimeout(state == State.READ_BODY
                    ? "the request body stalled or arrived too slowly" : "the request head did not arrive in time"));
        }
        return true;
    }

    @Override
    public String toString() {
        return "ServerConnection[" + state + ", " + (parts == null ? null : parts.response) + ", in=" + inSize() + ", out=" + outSize() + "]";
    }
}
