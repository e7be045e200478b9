package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the response to the current request, and refuses calls out of order.
 *
 * <pre>
 *   IDLE --request head--> AWAIT_STATUS --status--> HEADERS --write/commit/end--> BODY --end--> ENDED
 *                                                      ^ header                     ^ write
 * </pre>
 *
 * A header after the body has begun, a second status, a body write after {@link #end()}, or any
 * call when no request awaits an answer throws {@link IllegalStateException} naming the misuse.
 * The framing (Content-Length, chunked, close-delimited, none) is chosen when the head is
 * committed, by {@link ResponseFraming#choose}; {@code Date} and {@code Connection} are added then.
 */
public final class ResponseWriter {
    private enum State { IDLE, AWAIT_STATUS, HEADERS, BODY, ENDED, CLOSED }

    /**
     * {@link #write(ByteBuffer)} (and {@link RequestWriter#write(ByteBuffer)}) copy a buffer with fewer
     * remaining bytes than this instead of queuing it by reference: below it a copy costs less than one
     * more segment in a gathering write.
     */
    public static final int COPY_BELOW = OutputBuffer.COPY_BELOW;

    private static final byte[] CHUNKED_FIELD = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_FIELD = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE_FIELD = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATE_PREFIX = "Date: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH_PREFIX = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "0\r\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * What the writer reports to the connection that owns it: the writer encodes, the connection
     * decides whether the connection persists and what follows.
     */
    interface Events {
        /** The head is being committed: answers whether the connection persists after this response. */
        boolean committing(boolean responseSaysClose, ResponseFraming framing);

        /** The response ended; {@code persistent} is what {@link #committing} answered. */
        void ended(boolean persistent);

        /** The body broke its own framing (too many or too few bytes): the connection must close. */
        void framingBroken();
    }

    /** Stands in for the request when a protocol error is answered before any head was read. */
    private static final RequestHead NO_REQUEST = new RequestHead("GET", "/", HttpVersion.HTTP_1_1, Headers.EMPTY, 0);

    private final Events events;
    private final OutputBuffer out;
    private State state = State.IDLE;
    private long startMark = -1;
    private RequestHead request;
    private int status;
    private long declaredLength;
    private boolean dateSet;
    private boolean saysClose;
    private String connectionTokens;
    private ResponseFraming framing;
    private boolean persistent;
    private long written;

    ResponseWriter(Events events, OutputBuffer out) {
        this.events = events;
        this.out = out;
    }

    void begin(RequestHead head) {
        request = head;
        clear();
    }

    /**
     * A protocol error is to be answered: unless a response has already been committed, the writer
     * awaits a status again (a response begun but not committed is forgotten).
     */
    void beginErrorAnswer() {
        if (state == State.IDLE) {
            request = NO_REQUEST;
            clear();
        } else if (state == State.HEADERS) {
            retract();
        }
    }

    /**
     * Forgets the response in progress if none of its bytes has been consumed by the transport.
     *
     * @return true when the writer awaits a status again
     */
    boolean retract() {
        if (state == State.AWAIT_STATUS) {
            return true;
        }
        if ((state != State.HEADERS && state != State.BODY) || startMark < 0 || !out.unsentSince(startMark)) {
            return false;
        }
        out.truncateTo(startMark);
        clear();
        return true;
    }

    private void clear() {
        startMark = -1;
        status = 0;
        declaredLength = -1;
        dateSet = false;
        saysClose = false;
        connectionTokens = null;
        framing = null;
        written = 0;
        state = State.AWAIT_STATUS;
    }

    void reset() {
        if (state != State.CLOSED) {
            state = State.IDLE;
        }
        request = null;
        startMark = -1;
    }

    void close() {
        state = State.CLOSED;
    }

    boolean idle() {
        return state == State.IDLE;
    }

    /** True when a response is owed and nothing of it has been written: the status comes next. */
    public boolean awaitingStatus() {
        return state == State.AWAIT_STATUS;
    }

    /** The request being answered, or null between requests and when answering a malformed head. */
    public RequestHead request() {
        return request == NO_REQUEST ? null : request;
    }

    /** Starts the response with {@code status} and its standard reason phrase. */
    public ResponseWriter status(int status) {
        return status(status, null);
    }

    /**
     * Starts the response with {@code status} and a reason phrase (null for the standard one).
     *
     * @throws IllegalArgumentException for a code outside 200-599 (interim responses are the
     *     connection's business) or a reason holding CR, LF or other controls
     */
    public ResponseWriter status(int status, String reason) {
        switch (state) {
            case AWAIT_STATUS -> { }
            case HEADERS, BODY -> throw misuse("a second status (" + status + ") after " + this.status);
            default -> throw notAnswering("status");
        }
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200-599 (interim responses are sent by the connection): "
                    + status);
        }
        if (reason != null && !ByteClass.isFieldValue(reason)) {
            throw new IllegalArgumentException("the reason phrase holds CR, LF or another control character");
        }
        this.status = status;
        startMark = out.mark();
        out.hold();
        out.putStatusLine(status, reason);
        state = State.HEADERS;
        return this;
    }

    /**
     * Adds a header field. {@code Content-Length} declares the body length; {@code Transfer-Encoding}
     * is refused, since the codec chooses the framing.
     *
     * @throws IllegalStateException after the body has begun, or before the status
     * @throws IllegalArgumentException for a name that is not a token or a value with CR, LF or controls
     */
    public ResponseWriter header(String name, String value) {
        requireHeaders(name);
        if (!ByteClass.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: \"" + name + "\"");
        }
        if (value == null || !ByteClass.isFieldValue(value)) {
            throw new IllegalArgumentException("header value for " + name
                    + " holds a forbidden character (CR, LF, NUL or another control)");
        }
        return validField(name, value);
    }

    /** Adds a field already known to be a token name and a valid value. */
    private ResponseWriter validField(String name, String value) {
        // One comparison at most: the names the writer handles itself differ in length.
        int special = switch (name.length()) {
            case 14 -> ByteClass.equalsAsciiIgnoringCase(name, "content-length") ? 14 : 0;
            case 17 -> ByteClass.equalsAsciiIgnoringCase(name, "transfer-encoding") ? 17 : 0;
            case 4 -> ByteClass.equalsAsciiIgnoringCase(name, "date") ? 4 : 0;
            case 10 -> ByteClass.equalsAsciiIgnoringCase(name, "connection") ? 10 : 0;
            default -> 0;
        };
        if (special == 14) {
            long length;
            try {
                length = RequestRules.contentLength(value);
            } catch (HttpProtocolException e) {
                throw new IllegalArgumentException("Content-Length is not a number: " + value);
            }
            return declareLength(length);
        } else if (special == 17) {
            throw new IllegalArgumentException("Transfer-Encoding is chosen by the codec, not set by hand");
        } else if (special == 4) {
            dateSet = true;
        } else if (special == 10) {
            connectionTokens = connectionTokens == null ? value : connectionTokens + ", " + value;
            saysClose |= ListTokens.contains(value, "close");
            return this;
        }
        out.field(name, value);
        return this;
    }

    /**
     * Adds every field of {@code headers}, as {@link #header} would. A {@link Headers} holds only valid
     * names and values (its builder checks them, the parser refuses the rest), so they are not checked again.
     */
    public ResponseWriter headers(Headers headers) {
        if (headers.size() > 0) {
            requireHeaders(headers.nameAsWritten(0));
        }
        for (int i = 0; i < headers.size(); i++) {
            validField(headers.nameAsWritten(i), headers.value(i));
        }
        return this;
    }

    /** Notes the declared body length and writes the field once, however often the application repeated it. */
    private ResponseWriter declareLength(long length) {
        if (declaredLength >= 0) {
            if (declaredLength != length) {
                throw new IllegalArgumentException("two different Content-Length values");
            }
            return this;
        }
        declaredLength = length;
        if (!ResponseFraming.statusForbidsBody(status)) {
            // one field, one value, whatever the application repeated ("5", " 5", "5, 5")
            out.put(CONTENT_LENGTH_PREFIX);
            out.putDecimal(length);
            out.crlf();
        }
        return this;
    }

    /**
     * Declares the body length: the same as {@code header("Content-Length", ...)}.
     */
    public ResponseWriter contentLength(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        requireHeaders("Content-Length");
        return declareLength(length);
    }

    /** Throws unless the head is open for fields (after the status, before the body). */
    private void requireHeaders(String name) {
        if (state != State.HEADERS) {
            throw state == State.BODY || state == State.ENDED ? misuse("header " + name + " after the body has begun")
                    : state == State.AWAIT_STATUS ? misuse("header " + name + " before the status") : notAnswering("header");
        }
    }

    /** Writes the head now, choosing the framing; later calls may only write body bytes. */
    public ResponseWriter commit() {
        if (state == State.HEADERS) {
            commitHead(-1);
        } else if (state != State.BODY) {
            throw state == State.AWAIT_STATUS ? misuse("commit before a status") : notAnswering("commit");
        }
        return this;
    }

    private void commitHead(long lengthIfEnding) {
        long length = declaredLength >= 0 ? declaredLength : lengthIfEnding;
        framing = ResponseFraming.choose(request, status, length);
        persistent = events.committing(saysClose, framing);
        if (framing == ResponseFraming.CONTENT_LENGTH && declaredLength < 0) {
            out.put(CONTENT_LENGTH_PREFIX);
            out.putDecimal(length);
            out.crlf();
            declaredLength = length;
        } else if (framing == ResponseFraming.CHUNKED) {
            out.put(CHUNKED_FIELD);
        }
        if (!dateSet) {
            out.put(DATE_PREFIX);
            out.put(HttpDate.nowBytes());
            out.crlf();
        }
        writeConnectionField();
        out.crlf();
        out.release();
        state = State.BODY;
    }

    /**
     * {@code Connection}: just {@code close} when the connection ends (whatever else the application
     * listed); otherwise the application's tokens, plus {@code keep-alive} for an HTTP/1.0 client.
     */
    private void writeConnectionField() {
        if (!persistent) {
            out.put(CLOSE_FIELD);
            return;
        }
        boolean http10 = request.version() == HttpVersion.HTTP_1_0;
        if (connectionTokens != null) {
            out.field("Connection", http10 && !ListTokens.contains(connectionTokens, "keep-alive")
                    ? connectionTokens + ", keep-alive" : connectionTokens);
        } else if (http10) {
            out.put(KEEP_ALIVE_FIELD);
        }
    }

    /** Writes all of {@code body}. */
    public ResponseWriter write(byte[] body) {
        return write(body, 0, body.length);
    }

    /**
     * Writes body bytes, committing the head first if needed. For a HEAD request they are dropped.
     * The bytes are copied: {@code b} may be reused as soon as this returns.
     *
     * @throws IllegalStateException after {@link #end()}, before the status, past a declared
     *     Content-Length, or for a body on a 204 or 304
     */
    public ResponseWriter write(byte[] b, int off, int len) {
        if (bodyWriteAllowed(len)) {
            openChunk(len);
            out.put(b, off, len);
            closeChunk(len);
        }
        return this;
    }

    /**
     * Writes the remaining bytes of {@code body} by reference: the buffer is queued as one segment of
     * the output, not copied (under {@value #COPY_BELOW} bytes it is copied, which costs
     * less), and handed to the transport by {@link ServerConnection#gatherOutput}. Its position moves to
     * its limit now (the codec keeps a duplicate); its bytes <b>must not be modified</b> until the output
     * holding them has been consumed, at the latest once {@link ServerConnection#hasOutput()} is false (or
     * the response was retracted). Framing and length checks are those of {@link #write(byte[], int, int)}.
     *
     * @throws IllegalStateException as {@link #write(byte[], int, int)}
     */
    public ResponseWriter write(ByteBuffer body) {
        int len = body.remaining();
        if (bodyWriteAllowed(len)) {
            openChunk(len);
            out.putReference(body);
            closeChunk(len);
        } else {
            body.position(body.limit());
        }
        return this;
    }

    /**
     * Commits the head if needed and checks a body write of {@code len} bytes: false when there is
     * nothing to queue (no bytes, or a HEAD answer whose body is dropped and not counted).
     */
    private boolean bodyWriteAllowed(int len) {
        if (state == State.HEADERS) {
            commitHead(-1);
        } else if (state != State.BODY) {
            throw state == State.ENDED ? misuse("body after the end of the response")
                    : state == State.AWAIT_STATUS ? misuse("body before the status") : notAnswering("write");
        }
        if (len == 0) {
            return false;
        }
        if (framing == ResponseFraming.NONE) {
            if (!request.isHead()) {
                throw misuse("a " + status + " response has no body");
            }
            return false;
        }
        if (framing == ResponseFraming.CONTENT_LENGTH && len > declaredLength - written) {
            events.framingBroken();
            throw misuse("body overruns the declared Content-Length of " + declaredLength);
        }
        return true;
    }

    /** Before {@code len} body bytes: the chunk size line, when the body is chunked. */
    private void openChunk(int len) {
        if (framing == ResponseFraming.CHUNKED) {
            out.putHex(len);
            out.crlf();
        }
    }

    /** After {@code len} body bytes: the CRLF that ends a chunk's data, and the count. */
    private void closeChunk(int len) {
        if (framing == ResponseFraming.CHUNKED) {
            out.crlf();
        }
        written += len;
    }

    /**
     * Accounts for {@code n} body bytes the caller sent to the peer itself, after writing all
     * pending output (a file sent with {@code transferTo}, say). Only under Content-Length framing.
     */
    public ResponseWriter bodySentDirectly(long n) {
        if (state != State.BODY || framing != ResponseFraming.CONTENT_LENGTH) {
            throw misuse("bytes sent directly need a committed head with Content-Length framing");
        }
        if (out.size() > 0) {
            throw misuse("bytes sent directly before the pending output was written");
        }
        if (n > declaredLength - written) {
            events.framingBroken();
            throw misuse("body overruns the declared Content-Length of " + declaredLength);
        }
        written += n;
        return this;
    }

    /** Ends the response without trailers. */
    public void end() {
        end(Headers.EMPTY);
    }

    /**
     * Ends the response. If nothing was committed yet the body is empty, so the head says
     * {@code Content-Length: 0}. Trailers are sent only with chunked framing; otherwise dropped, and
     * with no framing at all (HEAD, 204, 304) not a byte follows the head.
     *
     * @throws IllegalStateException when a declared Content-Length was not reached
     * @throws IllegalArgumentException for a trailer named Content-Length, Transfer-Encoding, Host,
     *     Connection or Expect
     */
    public void end(Headers trailers) {
        if (state == State.HEADERS) {
            commitHead(0);
        } else if (state != State.BODY) {
            throw state == State.ENDED ? misuse("end() called twice")
                    : state == State.AWAIT_STATUS ? misuse("end before a status") : notAnswering("end");
        }
        if (framing == ResponseFraming.CONTENT_LENGTH && written < declaredLength) {
            events.framingBroken();
            throw misuse("body underruns the declared Content-Length: " + written + " of " + declaredLength);
        }
        if (framing == ResponseFraming.CHUNKED) {
            checkTrailers(trailers);
            out.put(LAST_CHUNK);
            for (int i = 0; i < trailers.size(); i++) {
                out.field(trailers.nameAsWritten(i), trailers.value(i));
            }
            out.crlf();
        }
        state = State.ENDED;
        events.ended(persistent);
    }

    /** RFC 9110 section 6.5.1: no field that frames, routes or controls the message is sent as a trailer. */
    private static void checkTrailers(Headers trailers) {
        for (int i = 0; i < trailers.size(); i++) {
            if (FramingFields.of(trailers.name(i)) != 0) {
                throw new IllegalArgumentException("a trailer may not be " + trailers.name(i)
                        + " (framing, routing and control fields belong in the head)");
            }
        }
    }

    /**
     * The body bytes of the response in progress (or the one just ended) queued for the peer, framing
     * excluded; none for a HEAD answer.
     */
    public long bodyBytes() {
        return written;
    }

    /** The framing chosen at commit, or null before. */
    public ResponseFraming framing() {
        return framing;
    }

    /** Whether the committed response leaves the connection open. */
    public boolean persistent() {
        return persistent;
    }

    /** True between the request head and {@link #end()}: a response is owed or in progress. */
    public boolean inProgress() {
        return state == State.AWAIT_STATUS || state == State.HEADERS || state == State.BODY;
    }

    /** True once the head has been committed (the status can no longer change). */
    public boolean committed() {
        return state == State.BODY || state == State.ENDED;
    }

    private IllegalStateException misuse(String what) {
        return new IllegalStateException("response writer misuse: " + what);
    }

    private IllegalStateException notAnswering(String call) {
        return new IllegalStateException("response writer misuse: " + call + "() "
                + (state == State.ENDED ? "after the end of the response"
                : state == State.CLOSED ? "on a closed connection" : "with no request awaiting a response"));
    }

    @Override
    public String toString() {
        return "ResponseWriter[" + state + (status > 0 ? " " + status : "") + "]";
    }
}
