package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The client side of one HTTP/1.1 connection, without I/O: requests in, bytes out; bytes in,
 * response events out.
 *
 * <h2>Driving it</h2>
 * <pre>{@code
 * conn.request().start("GET", "/").header("Host", "example.com").end();
 * write conn.peekOutput() to the socket, then conn.consumeOutput(n);
 * conn.receive(bytes, off, len);               // whatever the network produced
 * for (HttpEvent e = conn.nextEvent(); ...)    // ResponseHead, BodyData..., EndOfMessage, or a Signal
 * }</pre>
 * Without copies: {@link #nextEventAsView()} hands out body pieces as views of the input buffer (valid
 * until the next call), {@link RequestWriter#write(ByteBuffer)} queues a body by reference, and
 * {@link #gatherOutput} hands the head, the caller's buffers and the framing to one gathering write.
 *
 * <h2>The rules, all in this class</h2>
 * <ul>
 *   <li>Responses answer the sent requests in order (RFC 9112 section 9.3.2); the connection
 *       remembers each committed request's method, so a response to HEAD has no body and a 2xx to
 *       CONNECT opens a tunnel. Bytes that arrive with no request outstanding are an error.</li>
 *   <li>Interim responses (1xx but 101) come out as a {@link ResponseHead} alone, any number of them
 *       before the final one (RFC 9110 section 15.2); a final head is followed by {@link BodyData}
 *       and one {@link EndOfMessage}. The body is framed as RFC 9112 section 6.3 says for a client
 *       ({@link ResponseRules}); a body that runs until the close ends at {@link #receiveEndOfInput()}.</li>
 *   <li>Pipelining: a request may start while earlier ones await their responses, except after a
 *       request that says {@code Connection: close}, carries {@code Upgrade}, or is a CONNECT, and
 *       after a response that ends the connection.</li>
 *   <li>Persistence (RFC 9112 section 9.3): after an HTTP/1.1 response unless the request or the
 *       response says {@code Connection: close}; after HTTP/1.0 only with {@code Connection:
 *       keep-alive}; never after a body delimited by the close, or a body refused after
 *       {@code Expect: 100-continue}. After the last response of a closing connection nothing more
 *       is read: {@link Signal#CLOSED}.</li>
 *   <li>{@code Expect: 100-continue} (RFC 9110 section 10.1.1): the {@link RequestWriter} holds the
 *       body back; a {@code 100} releases it, a final response first refuses it.</li>
 *   <li>Protocol switch: a {@code 101} answering a request with {@code Upgrade} (RFC 9110 section
 *       15.2.2; a 101 nobody asked for is an error), or a 2xx answering CONNECT (RFC 9110 section
 *       9.3.6): its head and an {@link EndOfMessage} come out, then {@link Signal#SWITCHED} forever;
 *       {@link #switchedInput()} hands over the bytes that followed the head.</li>
 *   <li>Errors: every error in the peer's bytes is an {@link HttpProtocolException} with status 502
 *       (what a gateway would answer); the first one puts the connection in a final error state,
 *       and every later {@link #nextEvent()} throws it again.</li>
 *   <li>Limits come from {@link HttpConfig}: the status line is held to {@code maxRequestLineLength},
 *       the header section to {@code maxHeaderSectionSize} and {@code maxHeaderCount}, the body to
 *       {@code maxBodySize}, chunk lines to {@code maxChunkLineLength}.</li>
 * </ul>
 *
 * <p>Not thread-safe: a connection is driven by one thread at a time.
 */
public final class ClientConnection {
    private enum ReadState { AWAIT_HEAD, BODY, SWITCH_PENDING, SWITCHED, CLOSED }

    private final HttpConfig config;
    private final InputBuffer in = new InputBuffer();
    private final OutputBuffer out = new OutputBuffer();
    private final ResponseHeadParser headParser;
    private final RequestWriter writer;
    private final ArrayDeque<SentRequest> outstanding = new ArrayDeque<>();
    private final ContentLengthBody contentLengthBody = new ContentLengthBody(0);
    private final CloseDelimitedBody closeDelimitedBody;
    private ChunkedBody chunkedBody;

    private ReadState readState = ReadState.AWAIT_HEAD;
    private HttpProtocolException failure;
    private boolean inputEnded;
    private boolean bodyInputEnded;
    private boolean closing;

    private BodyDecoder body;
    private boolean persistent;

    /** A connection with the given limits. */
    public ClientConnection(HttpConfig config) {
        this.config = config;
        this.headParser = new ResponseHeadParser(config);
        this.writer = new RequestWriter(this, out);
        this.closeDelimitedBody = new CloseDelimitedBody(config.maxBodySize());
    }

    /** The limits this connection enforces. */
    public HttpConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- output

    /** The writer for the next request (and for the one being written). */
    public RequestWriter request() {
        return writer;
    }

    /** True when another request may be started now (see the pipelining rule in the class comment). */
    public boolean canSendRequest() {
        return !writer.inProgress() && whyNoRequest() == null;
    }

    /** Why no request may start now, or null when one may. */
    String whyNoRequest() {
        if (failure != null) {
            return "the connection failed: " + failure.getMessage();
        }
        if (readState == ReadState.SWITCHED || readState == ReadState.SWITCH_PENDING) {
            return "the connection switched protocols";
        }
        if (readState == ReadState.CLOSED || closing) {
            return "the connection closes after the response being read";
        }
        if (writer.awaitingContinue()) {
            return "the request before it awaits 100 Continue";
        }
        SentRequest last = outstanding.peekLast();
        if (last != null && last.mayChangeProtocol()) {
            return "the " + last.method() + " request before it may switch protocols; await its response";
        }
        return null;
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
     * A view of all the waiting output in one buffer; valid until the next call that writes a request.
     * Report what was written with {@link #consumeOutput(int)}. When bodies were queued by reference
     * ({@link RequestWriter#write(ByteBuffer)}), this copies them into the codec's own buffer first;
     * {@link #gatherOutput} hands them out without that copy.
     */
    public ByteBuffer peekOutput() {
        return out.view();
    }

    /**
     * The waiting output as buffers for one gathering write: fills {@code dst[0, k)} in order and
     * returns {@code k}, as {@link ServerConnection#gatherOutput} does. The buffers are the connection's
     * own, valid until the next call that writes or consumes output; report the bytes written with
     * {@link #consumeOutput(int)}.
     */
    public int gatherOutput(ByteBuffer[] dst) {
        return out.gather(dst);
    }

    /** Drops the first {@code n} waiting bytes, which the caller has written (across segments). */
    public void consumeOutput(int n) {
        out.consume(n);
    }

    /** Requests whose head has been committed and whose final response has not been read in full. */
    public int outstandingRequests() {
        return outstanding.size();
    }

    void requestCommitted(SentRequest request) {
        outstanding.addLast(request);
        if (request.saysClose()) {
            closing = true;
        }
    }

    // ---------------------------------------------------------------- input

    /** Hands over bytes received from the peer; they are copied. Ignored once the connection is closed. */
    public void receive(byte[] bytes, int off, int len) {
        if (len > 0 && readState != ReadState.CLOSED) {
            in.append(bytes, off, len);
        }
    }

    /** Hands over every remaining byte of {@code src}, advancing its position. */
    public void receive(ByteBuffer src) {
        if (!src.hasRemaining() || readState == ReadState.CLOSED) {
            src.position(src.limit());
            return;
        }
        in.append(src);
    }

    /** The peer closed its sending side: a body delimited by the close ends here; anything else cut short is an error. */
    public void receiveEndOfInput() {
        inputEnded = true;
    }

    /** Bytes received and not yet handed out as events. */
    public int bufferedInput() {
        return in.size();
    }

    /**
     * The next event: a {@link ResponseHead}, {@link BodyData}, {@link EndOfMessage}, or a {@link Signal}
     * ({@code NEED_DATA}, {@code CLOSED}, {@code SWITCHED}).
     *
     * @throws HttpProtocolException (status 502) when the peer's bytes break the protocol; again on
     *     every later call
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
     *
     * @throws HttpProtocolException (status 502) when the peer's bytes break the protocol; again on
     *     every later call
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
            failure = e.status() == 502 ? e : HttpProtocolException.invalidResponse(e.getMessage());
            writer.close();
            throw failure;
        }
    }

    private HttpEvent advance(BodyDelivery delivery) {
        while (true) {
            switch (readState) {
                case AWAIT_HEAD -> {
                    HttpEvent e = readHead();
                    if (e != null) {
                        return e;
                    }
                }
                case BODY -> {
                    HttpEvent e = readBody(delivery);
                    if (e != null) {
                        return e;
                    }
                }
                case SWITCH_PENDING -> {
                    readState = ReadState.SWITCHED;
                    outstanding.clear();
                    return EndOfMessage.NO_TRAILERS;
                }
                case SWITCHED -> {
                    return Signal.SWITCHED;
                }
                default -> {
                    return Signal.CLOSED;
                }
            }
        }
    }

    /** A head, a signal, or null to go round again (the state changed). */
    private HttpEvent readHead() {
        SentRequest request = outstanding.peekFirst();
        if (request == null) {
            if (in.size() > 0) {
                throw HttpProtocolException.invalidResponse("bytes arrived with no request outstanding");
            }
            return inputEnded ? closedByPeer() : Signal.NEED_DATA;
        }
        ResponseHead head = headParser.parse(in);
        if (head == null) {
            if (inputEnded) {
                if (headParser.inProgress() || in.size() > 0) {
                    throw HttpProtocolException.invalidResponse("the connection ended inside a response head");
                }
                return closedByPeer();
            }
            return Signal.NEED_DATA;
        }
        if (head.isInterim()) {
            if (head.status() == 100 && awaitsContinueForThisResponse()) {
                writer.continueReceived();
            }
            return head;
        }
        startResponse(request, head);
        return head;
    }

    /**
     * True when the writer holds a body back for the request this response answers: the writer's
     * request is the last outstanding one (nothing is pipelined behind a held body), so it is the one
     * answered when it is the only one.
     */
    private boolean awaitsContinueForThisResponse() {
        return writer.awaitingContinue() && outstanding.size() == 1;
    }

    private void startResponse(SentRequest request, ResponseHead head) {
        if (switchesProtocol(request, head)) {
            readState = ReadState.SWITCH_PENDING;
            return;
        }
        ResponseFraming framing = ResponseRules.framing(request.method(), head);
        boolean refused = false;
        if (awaitsContinueForThisResponse()) {
            writer.refuseBody();
            refused = true;
        }
        persistent = !refused && !request.saysClose() && framing != ResponseFraming.CLOSE_DELIMITED
                && (head.version() == HttpVersion.HTTP_1_1
                        ? !head.headers().containsToken("connection", "close")
                        : head.headers().containsToken("connection", "keep-alive"));
        if (!persistent) {
            closing = true;
        }
        body = switch (framing) {
            case NONE -> contentLengthBody.reset(0);
            case CONTENT_LENGTH -> contentLengthBody.reset(declaredLength(head));
            case CHUNKED -> chunkedBody();
            case CLOSE_DELIMITED -> closeDelimitedBody.reset();
        };
        bodyInputEnded = false;
        readState = ReadState.BODY;
    }

    private long declaredLength(ResponseHead head) {
        long length = ResponseRules.contentLength(head.headers());
        if (length > config.maxBodySize()) {
            throw HttpProtocolException.invalidResponse("Content-Length " + length + " is over the limit of "
                    + config.maxBodySize() + " bytes");
        }
        return length;
    }

    /**
     * A 101 answering a request with Upgrade (a 101 to any other request is an error, RFC 9110
     * section 15.2.2, and must name the protocol in Upgrade, section 7.8), or a 2xx answering CONNECT.
     */
    private static boolean switchesProtocol(SentRequest request, ResponseHead head) {
        if (head.status() == 101) {
            if (!request.upgrade()) {
                throw HttpProtocolException.invalidResponse("101 Switching Protocols to a request without Upgrade "
                        + "(RFC 9110 section 15.2.2)");
            }
            if (!head.headers().contains("upgrade")) {
                throw HttpProtocolException.invalidResponse("101 Switching Protocols without Upgrade (RFC 9110 section 7.8)");
            }
            return true;
        }
        return request.method().equals(Methods.CONNECT) && head.status() >= 200 && head.status() < 300;
    }

    /** The connection's chunked decoder, made on first use and reused, as its tables are not small. */
    private ChunkedBody chunkedBody() {
        if (chunkedBody == null) {
            chunkedBody = new ChunkedBody(config);
        }
        return chunkedBody.reset();
    }

    /** A body event, a signal, or null to go round again. */
    private HttpEvent readBody(BodyDelivery delivery) {
        HttpEvent e = body.next(in, delivery);
        if (e == null) {
            if (inputEnded && !bodyInputEnded) {
                bodyInputEnded = true;
                body.endOfInput();
                return null;
            }
            return Signal.NEED_DATA;
        }
        if (e instanceof EndOfMessage) {
            outstanding.pollFirst();
            body = null;
            if (persistent) {
                readState = ReadState.AWAIT_HEAD;
                in.shrinkIfLarge();
            } else {
                closeReading();
            }
        }
        return e;
    }

    /** The peer closed between responses: requests still outstanding were not answered. */
    private Signal closedByPeer() {
        closeReading();
        return Signal.CLOSED;
    }

    private void closeReading() {
        readState = ReadState.CLOSED;
        closing = true;
        if (!writer.inProgress()) {
            writer.close();
        }
    }

    // ---------------------------------------------------------------- state

    /**
     * Whether the connection stays usable after the final response being read (or the last one
     * read): known once its {@link ResponseHead} has been handed out.
     */
    public boolean persistent() {
        return persistent && readState != ReadState.CLOSED && failure == null;
    }

    /** True after a protocol switch: the connection no longer speaks HTTP/1.1. */
    public boolean isSwitched() {
        return readState == ReadState.SWITCHED || readState == ReadState.SWITCH_PENDING;
    }

    /**
     * The bytes received after the head that switched protocols, handed over once: from now on the
     * caller reads the peer directly (later {@link #receive} calls collect bytes for another call).
     *
     * @throws IllegalStateException before {@link Signal#SWITCHED} was handed out
     */
    public byte[] switchedInput() {
        if (readState != ReadState.SWITCHED) {
            throw new IllegalStateException("the connection has not switched protocols");
        }
        byte[] rest = in.copy(0, in.size());
        in.consume(in.size());
        return rest;
    }

    /** The protocol error that ended this connection, or null. */
    public HttpProtocolException failure() {
        return failure;
    }

    /** True once the connection will read no further response. */
    public boolean isClosed() {
        return readState == ReadState.CLOSED || failure != null;
    }

    /** Ends the connection now: no further event but {@link Signal#CLOSED}, no further request. */
    public void close() {
        readState = ReadState.CLOSED;
        closing = true;
        writer.close();
    }

    /** Releases buffers that hold nothing, so an idle connection keeps little memory. */
    public void trimBuffers() {
        in.trim();
        out.trim();
    }

    @Override
    public String toString() {
        return "ClientConnection[" + readState + ", " + writer + ", outstanding=" + outstanding.size()
                + ", in=" + in.size() + ", out=" + out.size() + "]";
    }
}
