package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the requests of a {@link ClientConnection}, one at a time, and refuses calls out of order.
 *
 * <pre>
 *   IDLE --start--> HEADERS --commit/write/end--> BODY --end--> IDLE (the next request may start)
 *                     ^ header                      ^ write
 * </pre>
 *
 * A header after the body has begun, a body write after {@link #end()}, a second {@link #start}
 * before the first request ended, or a request the connection can no longer carry throws
 * {@link IllegalStateException} naming the misuse. The framing (Content-Length, chunked, none) is
 * chosen when the head is committed, by {@link RequestFraming#choose}.
 *
 * <p>{@code Expect: 100-continue} (RFC 9110 section 10.1.1) is sent only with a body. Body bytes
 * written after it are held back until a {@code 100 Continue} arrives (they then go out) or a final
 * response does (they are dropped, the body is "refused", and the connection closes after that
 * response); {@link #proceedWithoutContinue()} sends them without waiting any longer.
 */
public final class RequestWriter {
    private enum State { IDLE, HEADERS, BODY, CLOSED }

    private static final byte[] HTTP_1_1_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED_FIELD = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH_PREFIX = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXPECT_CONTINUE_FIELD = "Expect: 100-continue\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK = "0\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ClientConnection connection;
    private final OutputBuffer out;
    private final OutputBuffer held = new OutputBuffer();
    private State state = State.IDLE;
    private String method;
    private long declaredLength;
    private int hosts;
    private boolean upgrade;
    private boolean saysClose;
    private boolean expectsContinue;
    private RequestFraming framing;
    private long written;
    private boolean holding;
    private boolean refused;

    RequestWriter(ClientConnection connection, OutputBuffer out) {
        this.connection = connection;
        this.out = out;
    }

    /**
     * Starts a request: {@code method SP target SP HTTP/1.1}.
     *
     * @throws IllegalStateException when a request is still being written, or the connection cannot
     *     carry another one (see {@link ClientConnection#canSendRequest()})
     * @throws IllegalArgumentException for a method that is not a token, or a target that is in none
     *     of the four forms of RFC 9112 section 3.2 or holds a character RFC 3986 does not allow
     */
    public RequestWriter start(String method, String target) {
        if (state == State.HEADERS || state == State.BODY) {
            throw misuse("start(" + method + ") before the previous request ended");
        }
        String refusal = connection.whyNoRequest();
        if (refusal != null) {
            throw misuse("start(" + method + "): " + refusal);
        }
        checkRequestLine(method, target);
        this.method = method;
        declaredLength = -1;
        hosts = 0;
        upgrade = false;
        saysClose = false;
        expectsContinue = false;
        framing = null;
        written = 0;
        holding = false;
        refused = false;
        out.hold();
        out.putLatin1(method);
        out.put((byte) ' ');
        out.putLatin1(target);
        out.put(HTTP_1_1_CRLF);
        state = State.HEADERS;
        return this;
    }

    private static void checkRequestLine(String method, String target) {
        if (method == null || !ByteClass.isToken(method)) {
            throw new IllegalArgumentException("the method is not a token: \"" + method + "\"");
        }
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("an empty request-target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c > 0xFF || !ByteClass.isTargetChar((byte) c)) {
                throw new IllegalArgumentException("the request-target holds a character RFC 3986 does not allow: \""
                        + target + "\"");
            }
        }
        try {
            RequestTargets.check(method, target);
        } catch (HttpProtocolException e) {
            throw new IllegalArgumentException(e.getMessage() + ": \"" + target + "\"");
        }
    }

    /**
     * Adds a header field. {@code Content-Length} declares the body length; {@code Transfer-Encoding}
     * is refused, since the codec chooses the framing; {@code Host} must come exactly once.
     *
     * @throws IllegalStateException outside a request head
     * @throws IllegalArgumentException for a name that is not a token, a value with CR, LF, NUL or
     *     other controls, an invalid Host, or a body length on CONNECT
     */
    public RequestWriter header(String name, String value) {
        if (state != State.HEADERS) {
            throw misuse(state == State.BODY ? "header " + name + " after the body has begun"
                    : "header " + name + " with no request started");
        }
        if (!ByteClass.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: \"" + name + "\"");
        }
        if (value == null || !ByteClass.isFieldValue(value)) {
            throw new IllegalArgumentException("header value for " + name
                    + " holds a forbidden character (CR, LF, NUL or another control)");
        }
        switch (FramingFields.of(name)) {
            case FramingFields.CONTENT_LENGTH -> declareLength(value);
            case FramingFields.TRANSFER_ENCODING ->
                throw new IllegalArgumentException("Transfer-Encoding is chosen by the codec, not set by hand");
            case FramingFields.HOST -> {
                if (!HostField.isValid(value.strip())) {
                    throw new IllegalArgumentException("the Host value is not uri-host [ \":\" port ]: " + value);
                }
                hosts++;
            }
            case FramingFields.CONNECTION -> {
                saysClose |= ListTokens.contains(value, "close");
            }
            case FramingFields.EXPECT -> {
                if (ListTokens.contains(value, "100-continue")) {
                    expectsContinue = true;
                    return this; // written at commit, and only when there is a body to wait with
                }
            }
            default -> upgrade |= name.equalsIgnoreCase("upgrade");
        }
        out.field(name, value);
        return this;
    }

    /** Adds every field of {@code headers}, as {@link #header} would. */
    public RequestWriter headers(Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            header(headers.name(i), headers.value(i));
        }
        return this;
    }

    /** Declares the body length: the same as {@code header("Content-Length", ...)}. */
    public RequestWriter contentLength(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        return header("Content-Length", Long.toString(length));
    }

    private void declareLength(String value) {
        long length;
        try {
            length = RequestRules.contentLength(value);
        } catch (HttpProtocolException e) {
            throw new IllegalArgumentException("Content-Length is not a number: " + value);
        }
        if (declaredLength >= 0 && declaredLength != length) {
            throw new IllegalArgumentException("two different Content-Length values");
        }
        if (method.equals(Methods.CONNECT)) {
            throw new IllegalArgumentException("a CONNECT request has no content (RFC 9110 section 9.3.6)");
        }
        declaredLength = length;
    }

    /** Writes the head now, choosing the framing; later calls may only write body bytes. */
    public RequestWriter commit() {
        if (state == State.HEADERS) {
            commitHead(-1);
        } else if (state != State.BODY) {
            throw misuse("commit() with no request started");
        }
        return this;
    }

    private void commitHead(long lengthIfEnding) {
        if (hosts != 1) {
            throw misuse("an HTTP/1.1 request needs exactly one Host field, not " + hosts + " (RFC 9112 section 3.2)");
        }
        long length = declaredLength >= 0 ? declaredLength : lengthIfEnding;
        framing = RequestFraming.choose(method, length, declaredLength >= 0);
        if (framing == RequestFraming.CONTENT_LENGTH && declaredLength < 0) {
            out.put(CONTENT_LENGTH_PREFIX);
            out.putDecimal(length);
            out.crlf();
            declaredLength = length;
        } else if (framing == RequestFraming.CHUNKED) {
            out.put(CHUNKED_FIELD);
        }
        holding = expectsContinue && (framing == RequestFraming.CHUNKED || declaredLength > 0);
        if (holding) {
            out.put(EXPECT_CONTINUE_FIELD);
        }
        out.crlf();
        out.release();
        state = State.BODY;
        connection.requestCommitted(new SentRequest(method, upgrade, saysClose));
    }

    /** Writes all of {@code body}. */
    public RequestWriter write(byte[] body) {
        return write(body, 0, body.length);
    }

    /**
     * Writes body bytes, committing the head first if needed (chunked, unless a length was declared).
     * While a {@code 100 Continue} is awaited they are held back; once the body was refused they are
     * dropped.
     *
     * @throws IllegalStateException outside a request, past a declared Content-Length, or for a body
     *     on a request without one (CONNECT)
     */
    public RequestWriter write(byte[] b, int off, int len) {
        OutputBuffer sink = bodySink(len);
        if (sink != null) {
            openChunk(sink, len);
            sink.put(b, off, len);
            closeChunk(sink);
        }
        written += len;
        return this;
    }

    /**
     * Writes the remaining bytes of {@code body} by reference, as {@link ResponseWriter#write(ByteBuffer)}
     * does: queued as a segment of the output without a copy (copied under
     * {@value ResponseWriter#COPY_BELOW} bytes, and while held back for {@code 100 Continue}); its position
     * moves to its limit now, and its bytes <b>must not be modified</b> until the output holding them has
     * been consumed, at the latest once
     * {@link ClientConnection#hasOutput()} is false.
     *
     * @throws IllegalStateException as {@link #write(byte[], int, int)}
     */
    public RequestWriter write(ByteBuffer body) {
        int len = body.remaining();
        OutputBuffer sink = bodySink(len);
        if (sink == out) {
            openChunk(sink, len);
            sink.putReference(body);
            closeChunk(sink);
        } else if (sink == held) {
            openChunk(sink, len);
            sink.put(body);
            closeChunk(sink);
        }
        body.position(body.limit());
        written += len;
        return this;
    }

    /**
     * Commits the head if needed, checks a body write of {@code len} bytes and answers where it goes:
     * null when nowhere (no bytes, or a refused body).
     */
    private OutputBuffer bodySink(int len) {
        if (state == State.HEADERS) {
            commitHead(-1);
        } else if (state != State.BODY) {
            throw misuse("write() with no request started");
        }
        if (len == 0) {
            return null;
        }
        if (framing == RequestFraming.NONE) {
            throw misuse("a " + method + " request without a body framing has no body");
        }
        if (framing == RequestFraming.CONTENT_LENGTH && len > declaredLength - written) {
            throw misuse("body overruns the declared Content-Length of " + declaredLength);
        }
        return bodySink();
    }

    private void openChunk(OutputBuffer sink, int len) {
        if (framing == RequestFraming.CHUNKED) {
            sink.putHex(len);
            sink.crlf();
        }
    }

    private void closeChunk(OutputBuffer sink) {
        if (framing == RequestFraming.CHUNKED) {
            sink.crlf();
        }
    }

    /** Where body bytes go now: the output, the held-back buffer, or nowhere (null) once refused. */
    private OutputBuffer bodySink() {
        return refused ? null : holding ? held : out;
    }

    /** Ends the request without trailers. */
    public void end() {
        end(Headers.EMPTY);
    }

    /**
     * Ends the request. If nothing was committed yet the body is empty: no framing field, or
     * {@code Content-Length: 0} for POST, PUT and PATCH. Trailers are sent only with chunked framing.
     *
     * @throws IllegalStateException outside a request, or when a declared Content-Length was not reached
     */
    public void end(Headers trailers) {
        if (state == State.HEADERS) {
            commitHead(0);
        } else if (state != State.BODY) {
            throw misuse("end() with no request started");
        }
        if (framing == RequestFraming.CONTENT_LENGTH && written < declaredLength) {
            throw misuse("body underruns the declared Content-Length: " + written + " of " + declaredLength);
        }
        OutputBuffer sink = bodySink();
        if (framing == RequestFraming.CHUNKED && sink != null) {
            sink.put(LAST_CHUNK);
            for (int i = 0; i < trailers.size(); i++) {
                sink.field(trailers.name(i), trailers.value(i));
            }
            sink.crlf();
        }
        state = State.IDLE;
    }

    /**
     * Stops waiting for {@code 100 Continue}: the held-back body goes out now, and later bytes with it
     * (RFC 9110 section 10.1.1 lets a client send the content after waiting a while).
     */
    public void proceedWithoutContinue() {
        releaseHeldBody();
    }

    /** True while body bytes are held back for a {@code 100 Continue} that has not arrived. */
    public boolean awaitingContinue() {
        return holding;
    }

    /**
     * True when a final response arrived while the body was held back for {@code 100 Continue}: the
     * body is not sent (later writes are dropped) and the connection closes after that response.
     */
    public boolean bodyRefused() {
        return refused;
    }

    /** True between {@link #start} and {@link #end()}. */
    public boolean inProgress() {
        return state == State.HEADERS || state == State.BODY;
    }

    /** True once the current request's head has been committed. */
    public boolean committed() {
        return state == State.BODY;
    }

    /** The framing chosen at the last commit, or null before the first. */
    public RequestFraming framing() {
        return framing;
    }

    // ---------------------------------------------------------------- called by the connection

    /** A 100 Continue arrived for the request being written: send what was held back. */
    void continueReceived() {
        releaseHeldBody();
    }

    /** A final response arrived while the body was held back: drop it. */
    void refuseBody() {
        if (holding) {
            holding = false;
            refused = true;
            held.consume(held.size());
        }
    }

    private void releaseHeldBody() {
        if (holding) {
            holding = false;
            int n = held.size();
            if (n > 0) {
                out.put(held.array(), held.start(), n);
                held.consume(n);
            }
        }
    }

    void close() {
        state = State.CLOSED;
        held.trim();
    }

    private IllegalStateException misuse(String what) {
        return new IllegalStateException("request writer misuse: " + what
                + (state == State.CLOSED ? " (the connection is closed)" : ""));
    }

    @Override
    public String toString() {
        return "RequestWriter[" + state + (method != null && inProgress() ? " " + method : "")
                + (holding ? ", awaiting 100" : refused ? ", body refused" : "") + "]";
    }
}
