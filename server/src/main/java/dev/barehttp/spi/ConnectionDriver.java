package dev.barehttp.spi;

import dev.barehttp.Handler;
import dev.barehttp.InvocationType;
import dev.barehttp.Response;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.codec.Signal;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * The one loop around the codec that every transport runs, without I/O. A transport reports what
 * happened (bytes arrived, output written, a deadline passed, the handlers finished) and gets back
 * the {@link Action} to carry out. Which request to answer, when to write, when to answer an error,
 * when to linger, when to trim buffers and what to log are all decided here, once.
 *
 * <pre>
 *   start --> READ --bytes--> (a request head) --> DISPATCH --handlers done--> WRITE --written--> READ ...
 *              |                                                                  |
 *              | deadline: 408 or quiet close                                     | the connection ends
 *              | bad bytes: 4xx, WRITE                                            v
 *              +-- peer ended, nothing pending ----------------------------> LINGER (peer may still send)
 *                                                                                 | EOF or linger time
 *                                                                                 v
 *                                                                               CLOSE
 * </pre>
 *
 * <h2>What a transport must do for each action</h2>
 * <ul>
 *   <li>{@link Action#READ}: read when bytes are available and report them with {@link #onInput} (or
 *       {@link #onEndOfInput}); arm a timer for {@link #deadline()} and call {@link #onDeadline} when it
 *       passes.</li>
 *   <li>{@link Action#WRITE}: write from {@link #output(ByteBuffer[])} (or {@link #output()}) as the socket
 *       takes it and report each write with {@link #onOutputWritten}; arm {@link #deadline()} (the write inactivity timeout) meanwhile.</li>
 *   <li>{@link Action#DISPATCH}: call {@link #dispatch(ConnectionIO)} on a thread that may block, giving it the
 *       transport's {@link ConnectionIO}; then, back on the connection's own thread, call {@link #afterDispatch}.
 *       The driver and its codec belong to that handler thread until it returns. When
 *       {@link #dispatchNonBlocking()} is true, the transport may instead call it on its own thread that must
 *       never block (a selector thread), with a {@link ConnectionIO} whose {@link ConnectionIO#mayBlock()} is
 *       false; a transport whose threads may all block ignores it.</li>
 *   <li>{@link Action#LINGER}: shut down the output side, then read and discard until the peer closes or
 *       {@link #deadline()} passes (so unread request bytes cannot turn the close into a reset that
 *       destroys the response), then close.</li>
 *   <li>{@link Action#CLOSE}: close the socket now.</li>
 * </ul>
 * One thread at a time drives the driver; only {@link #markShutdown()} may be called from any thread.
 *
 * <h2>Where handlers run</h2>
 * The driver decides, from the request head and before anything runs, whether a dispatch may run on a
 * thread that must never block: only when the head and the whole body have arrived and the handler says
 * {@link InvocationType#NON_BLOCKING} for the head ({@link Handler#invocationType}, which a router answers
 * for the route and the filters around it). On such a thread it answers the pipelined requests behind it
 * that qualify too, and stops at the first that does not; a response with a body that may block (a stream,
 * a file, a protocol switch) is kept and sent by the next DISPATCH, which then runs off that thread.
 */
public final class ConnectionDriver {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");

    /** What the transport must do next; see the class comment. */
    public enum Action { READ, WRITE, DISPATCH, LINGER, CLOSE }

    private final ServerConnection http;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    /** What every connection of the server shares: the handler, the timeouts, the error answers. */
    private final DriverSettings settings;

    private Action action = Action.READ;
    private RequestHead dispatched;
    /** The dispatched head whose thread was decided ({@link #dispatchNonBlocking}), and the decision. */
    private RequestHead inlineDecidedFor;
    private boolean inlineAllowed;
    /** A response a handler returned on such a thread, to be sent from a thread that may block. */
    private Exchange.Unsent unsent;
    /**
     * The one time the current action's own deadline runs from, since each action has at most one: in
     * READ when the idle buffers are to be trimmed ({@link Long#MAX_VALUE} until the connection is idle);
     * in WRITE when output last made progress (the write timeout runs from it); in LINGER when lingering
     * ends. {@link #act} sets it on entering an action, so no action sees another's value.
     */
    private long phaseTime = Long.MAX_VALUE;
    private boolean trimmed;
    /** Whether a response was given since the connection was last idle: only then is a linger worth its time. */
    private boolean answered;
    private volatile boolean shutdownMarked;

    /**
     * A driver for one accepted connection; its deadlines are on the codec's clock
     * ({@link ServerConnection#clock()}).
     *
     * @param remote the peer's address, as the handlers and the logs see it
     * @param local the address the connection was accepted on
     * @param settings shared by every connection of the server
     */
    public ConnectionDriver(ServerConnection http, InetSocketAddress remote, InetSocketAddress local,
                            DriverSettings settings) {
        this.http = http;
        this.remote = remote;
        this.local = local;
        this.settings = settings;
    }

    /** A driver with the codec's default clock ({@code System.nanoTime} in milliseconds). */
    public static ConnectionDriver create(ServerSettings settings, InetSocketAddress remote, InetSocketAddress local) {
        return create(settings, DriverSettings.from(settings), remote, local);
    }

    /**
     * A driver with the codec's default clock, sharing {@code driverSettings} (made once per server with
     * {@link DriverSettings#from}, so that a connection does not carry its own copy).
     */
    public static ConnectionDriver create(ServerSettings settings, DriverSettings driverSettings,
                                          InetSocketAddress remote, InetSocketAddress local) {
        return new ConnectionDriver(new ServerConnection(settings.config(), MONOTONIC_MILLIS), remote, local,
                driverSettings);
    }

    private static final LongSupplier MONOTONIC_MILLIS = () -> System.nanoTime() / 1_000_000;

    /** The codec this driver runs. */
    public ServerConnection connection() {
        return http;
    }

    /** The peer's address. */
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /** The address the connection was accepted on. */
    public InetSocketAddress localAddress() {
        return local;
    }

    /** The settings this driver shares with the other connections of its server. */
    public DriverSettings settings() {
        return settings;
    }

    /** The action asked for last. */
    public Action action() {
        return action;
    }

    // ---------------------------------------------------------------- events from the transport

    /** The first action for a new connection: READ, or for one over the connection limit its 503. */
    public Action start(boolean admitted) {
        if (!admitted) {
            answered = true;
            HttpProtocolException refusal = HttpProtocolException.serviceUnavailable(
                    "the server has its maximum of connections open");
            http.respondToError(refusal);
            settings.errorAnswers().sent(remote, refusal.status(), http.response().bodyBytes());
        }
        return next();
    }

    /** Bytes arrived while the action was READ. */
    public Action onInput(ByteBuffer bytes) {
        http.receive(bytes);
        trimmed = false;
        return next();
    }

    /** Bytes arrived while the action was READ. */
    public Action onInput(byte[] bytes, int off, int len) {
        http.receive(bytes, off, len);
        trimmed = false;
        return next();
    }

    /** The peer ended its input. */
    public Action onEndOfInput() {
        http.receiveEndOfInput();
        return action == Action.LINGER ? act(Action.CLOSE) : next();
    }

    /**
     * The waiting output in one buffer, from its first byte; report what was written with
     * {@link #onOutputWritten}. Bodies queued by reference are copied into it first: a transport that
     * can write several buffers at once uses {@link #output(ByteBuffer[])} instead.
     */
    public ByteBuffer output() {
        return http.peekOutput();
    }

    /**
     * The waiting output as buffers for one gathering write, without a copy: fills {@code segments[0, k)}
     * in order and returns {@code k} (see {@link ServerConnection#gatherOutput}). A transport writes them
     * in turn or at once, and must report the bytes written with {@link #onOutputWritten}; the buffers
     * are valid until then.
     */
    public int output(ByteBuffer[] segments) {
        return http.gatherOutput(segments);
    }

    /** {@code n} bytes of {@link #output()} (or of {@link #output(ByteBuffer[])}) were written. */
    public Action onOutputWritten(int n) {
        if (n > 0) {
            http.consumeOutput(n);
            if (action == Action.WRITE) {
                phaseTime = now();
            }
            answered = true;
        }
        return http.hasOutput() ? act(Action.WRITE) : next();
    }

    /**
     * The time at which {@link #onDeadline} is due, on the codec's clock, or {@link Long#MAX_VALUE}:
     * for READ the codec's next deadline (or the idle-buffer trim), for WRITE the write inactivity
     * timeout, for LINGER the end of lingering.
     */
    public long deadline() {
        return switch (action) {
            case READ -> Math.min(http.nextDeadline(), trimmed || !http.isIdle() ? Long.MAX_VALUE : phaseTime);
            case WRITE -> settings.writeTimeoutMillis() > 0 ? phaseTime + settings.writeTimeoutMillis()
                    : Long.MAX_VALUE;
            case LINGER -> phaseTime;
            case DISPATCH -> http.nextDeadline();
            default -> Long.MAX_VALUE;
        };
    }

    /**
     * Handler thread (or the transport on its behalf), while the dispatched handler waits for body bytes
     * ({@link ConnectionIO#awaitInput}) and {@link #deadline()} passed: true when the body timed out. Its
     * {@code 408} is then queued; the transport writes it, fails the handler's read with an
     * {@link java.io.IOException} and lingers. False when the deadline moved on (arm {@link #deadline()}
     * again).
     */
    public boolean bodyTimedOut(long now) {
        if (!http.expire(now)) {
            return false;
        }
        PeerLog.debug(() -> remote + ": the request body stalled past its deadline in " + http.state());
        return true;
    }

    /** The armed deadline passed (or may have: early calls are harmless). */
    public Action onDeadline(long now) {
        switch (action) {
            case WRITE -> {
                if (now >= deadline()) {
                    PeerLog.debug(() -> remote + ": the peer accepted no output for "
                            + settings.writeTimeoutMillis() + " ms; closing");
                    http.close();
                    return act(Action.CLOSE);
                }
                return action;
            }
            case LINGER -> {
                return now >= phaseTime ? act(Action.CLOSE) : action;
            }
            case READ -> {
                if (!trimmed && now >= phaseTime && http.isIdle()) {
                    http.trimBuffers();
                    trimmed = true;
                }
                if (http.expire(now)) {
                    PeerLog.debug(() -> remote + ": timed out in " + http.state());
                }
                return next();
            }
            default -> {
                return action;
            }
        }
    }

    /**
     * True once the connection has stayed idle long enough for its buffers to be released; the
     * transport releases its own per-connection buffers then, until the next input.
     */
    public boolean buffersTrimmed() {
        return trimmed;
    }

    /**
     * Any thread, first step of graceful shutdown: the response in progress (or the next) says
     * {@code Connection: close}, and no new request starts. The connection's own thread then calls
     * {@link #onShutdown()}.
     */
    public void markShutdown() {
        shutdownMarked = true;
        http.shutdown();
    }

    /** The connection's thread, second step of shutdown: an idle connection closes now. */
    public Action onShutdown() {
        if (action == Action.READ && http.isIdle()) {
            http.close();
            return act(Action.CLOSE);
        }
        return action;
    }

    /** True when the connection waits for a next request with nothing buffered: shutdown may close it at once. */
    public boolean idle() {
        return action == Action.READ && http.isIdle();
    }

    // ---------------------------------------------------------------- handlers

    /**
     * True when the DISPATCH just asked for may run on a thread that must never block: the request's head
     * and whole body have arrived, and its handler declared {@link InvocationType#NON_BLOCKING} for it.
     */
    public boolean dispatchNonBlocking() {
        if (action != Action.DISPATCH || unsent != null || dispatched == null) {
            return false;
        }
        if (inlineDecidedFor != dispatched) {
            // Decided when a transport asks, so a transport without such threads never pays for it.
            inlineDecidedFor = dispatched;
            inlineAllowed = mayRunInline(dispatched);
        }
        return inlineAllowed;
    }

    /**
     * Runs the handler for the dispatched request, then for every request already pipelined behind it
     * whose answer can start now, on the calling thread. With a {@link ConnectionIO} that may not block it
     * runs only requests received whole whose handler is non-blocking, and sends only bytes bodies: the
     * next request stays dispatched, a stream, file or switch response stays for the next dispatch, which
     * sends it first. Never throws: a failure is answered or closes the connection. Call
     * {@link #afterDispatch()} afterwards on the connection's own thread.
     */
    public void dispatch(ConnectionIO io) {
        RequestHead head = dispatched;
        boolean inline = head != null && head == inlineDecidedFor && inlineAllowed;
        inlineDecidedFor = null;
        dispatched = null;
        Exchange.Unsent resumed = unsent;
        if (resumed != null && !io.mayBlock()) {
            dispatched = head;
            return;
        }
        unsent = null;
        if (head == null && resumed == null) {
            return;
        }
        answered = true;
        try {
            if (resumed != null) {
                resumed.send(io);
                head = http.isClosed() ? null : nextPipelined();
                inline = false;
            }
            while (head != null) {
                if (!io.mayBlock() && !(inline || mayRunInline(head))) {
                    dispatched = head;
                    return;
                }
                inline = false;
                unsent = Exchange.run(this, head, io);
                if (unsent != null) {
                    return;
                }
                head = http.isClosed() ? null : nextPipelined();
            }
        } catch (java.io.IOException e) {
            PeerLog.debug(() -> remote + ": connection failed during an exchange: " + e);
            http.close();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "an exchange with " + remote + " failed", e);
            http.close();
        }
    }

    /** Whether the request of {@code head} may be answered on a thread that must never block. */
    private boolean mayRunInline(RequestHead head) {
        if (!http.requestReceivedWhole()) {
            return false;
        }
        try {
            return settings.handler().invocationType(head) == InvocationType.NON_BLOCKING;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the handler's invocationType failed for " + head.target()
                    + "; running it as one that may block", e);
            return false;
        }
    }

    /**
     * A small body with a known length that has not fully arrived is awaited here, before a handler
     * thread is taken: a slow upload then holds no thread, only its buffered bytes.
     */
    private boolean worthWaitingFor(RequestHead head) {
        return !http.requestReceivedWhole() && !http.inputEnded() && !head.expectsContinue() && head.bodyLength() >= 0
                && head.bodyLength() <= http.config().maxBufferedInput();
    }

    private RequestHead nextPipelined() {
        HttpEvent e;
        try {
            e = http.nextEvent();
        } catch (HttpProtocolException error) {
            answer(error);
            return null;
        }
        return e instanceof RequestHead head ? head : null;
    }

    /** Back on the connection's thread after {@link #dispatch}: what to do next. */
    public Action afterDispatch() {
        return next();
    }

    // ---------------------------------------------------------------- the loop

    /** The next action from the codec's state: write first, then the next event. */
    private Action next() {
        if (unsent != null && http.failure() == null && !http.isClosed()) {
            return act(Action.DISPATCH);
        }
        if (dispatched != null && http.failure() == null && !http.isClosed()) {
            return worthWaitingFor(dispatched) ? busyRead() : act(Action.DISPATCH);
        }
        if (http.hasOutput()) {
            return act(Action.WRITE);
        }
        if (http.failure() != null) {
            return finish();
        }
        HttpEvent e;
        try {
            e = http.nextEvent();
        } catch (HttpProtocolException error) {
            answer(error);
            return http.hasOutput() ? next() : finish();
        }
        if (e instanceof RequestHead head) {
            dispatched = head;
            if (worthWaitingFor(head)) {
                http.awaitBodyBytes();
                return busyRead();
            }
            return act(Action.DISPATCH);
        }
        if (e == Signal.NEED_DATA) {
            if (shutdownMarked && http.isIdle()) {
                http.close();
                return act(Action.CLOSE);
            }
            if (!http.isIdle()) {
                return busyRead();
            }
            act(Action.READ);
            if (phaseTime == Long.MAX_VALUE) {
                answered = false;
                phaseTime = now() + settings.trimDelayMillis();
            }
            return Action.READ;
        }
        if (e == Signal.PAUSED) {
            // Outside dispatch nothing can end the response in progress: a handler that left it unended.
            LOG.log(System.Logger.Level.WARNING, "a response to " + remote + " was left unfinished; closing");
            http.close();
            return act(Action.CLOSE);
        }
        return finish();
    }

    /**
     * The codec is done: close, or linger when a response just left and the peer may still be sending
     * (so that unread bytes do not turn the close into a reset that destroys the response).
     */
    private Action finish() {
        if (action == Action.LINGER || action == Action.CLOSE) {
            return action;
        }
        if (http.inputEnded() || settings.lingerMillis() <= 0 || !answered) {
            return act(Action.CLOSE);
        }
        return act(Action.LINGER);
    }

    /**
     * Answers a protocol error in the peer's bytes, logged at DEBUG with the peer: with the
     * application's response when it gives one, else the codec's standard one.
     */
    private void answer(HttpProtocolException error) {
        answered = true;
        PeerLog.debug(() -> remote + ": " + error.status() + " " + error.getMessage());
        Response custom = customAnswer(error);
        if (custom == null || !http.response().awaitingStatus()) {
            if (http.respondToError(error)) {
                settings.errorAnswers().sent(remote, error.status(), http.response().bodyBytes());
            }
            return;
        }
        byte[] body = ((Response.BytesBody) custom.body()).bytes();
        try {
            http.response().status(custom.status(), custom.reason())
                    .headers(custom.withoutHeader("Content-Length").headers()).contentLength(body.length).write(body).end();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the protocol error response for " + error.status()
                    + " cannot be sent; sending the standard one", e);
            if (http.retractResponse()) {
                http.respondToError(error);
            }
            return;
        }
        settings.errorAnswers().sent(remote, custom.status(), body.length);
    }

    /** The application's answer to {@code error}, when it gives a usable one (a bytes body, a 4xx or 5xx). */
    private Response customAnswer(HttpProtocolException error) {
        Response custom;
        try {
            custom = settings.errorAnswers().responseTo(error);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the protocol error response for " + error.status() + " failed", e);
            return null;
        }
        if (custom == null) {
            return null;
        }
        if (!(custom.body() instanceof Response.BytesBody) || custom.status() < 400 || custom.status() > 599) {
            LOG.log(System.Logger.Level.WARNING, "a protocol error response must be a 4xx or 5xx with a bytes body; "
                    + "sending the standard one for " + error.status());
            return null;
        }
        return custom;
    }

    /** READ while a request is in progress: no trim is due until the connection is idle again. */
    private Action busyRead() {
        act(Action.READ);
        phaseTime = Long.MAX_VALUE;
        return Action.READ;
    }

    /** Takes up {@code next}; entering an action starts its own deadline's time afresh. */
    private Action act(Action next) {
        if (next != action) {
            phaseTime = switch (next) {
                case WRITE -> now();
                case LINGER -> now() + settings.lingerMillis();
                default -> Long.MAX_VALUE;
            };
        }
        action = next;
        return next;
    }

    private long now() {
        return http.clock().getAsLong();
    }

    @Override
    public String toString() {
        return "ConnectionDriver[" + action + ", " + http + "]";
    }
}
