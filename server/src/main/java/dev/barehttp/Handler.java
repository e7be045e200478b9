package dev.barehttp;

import dev.barehttp.codec.RequestHead;
import java.util.Objects;

/**
 * Application code: a request in, a response out.
 *
 * <p>A handler may throw: an {@link HttpException} becomes its response, an
 * {@link dev.barehttp.codec.HttpProtocolException} a response with its status, an exception an
 * {@link ExceptionMapper} maps the response it maps to, and anything else a {@code 500} (logged once);
 * the connection stays usable when the framing allows it.
 *
 * <h2>Where it runs</h2>
 * A handler may block unless it declares otherwise, and then runs on a thread that may block. One that
 * never blocks says so with {@link #nonBlocking(Handler)}, and a transport with selector threads
 * ({@code nio}) then answers its fully received requests on the selector thread, without a thread hop
 * (see {@link InvocationType} for what counts as blocking):
 *
 * <pre>{@code
 * Router router = Router.builder()
 *         .get("/plaintext", Handler.nonBlocking(request -> Response.ok("Hello, World!")))  // on the loop
 *         .get("/report", request -> Response.ok(database.report()))                       // off the loop
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface Handler {
    /**
     * Answers one request. Runs on a thread that may block (a virtual thread where available), or, when
     * {@link #invocationType} said {@link InvocationType#NON_BLOCKING} for its head, possibly on a
     * transport thread that must never block.
     */
    Response handle(Request request) throws Exception;

    /**
     * Whether {@link #handle} may block for a request with {@code head}: {@link InvocationType#BLOCKING}
     * unless declared otherwise. The server asks on its own thread, before anything runs, so an override
     * must answer at once from the head (method, target, header fields) and never read a body or block.
     * A handler that delegates (a router, a wrapper) answers for the handler it would call.
     */
    default InvocationType invocationType(RequestHead head) {
        return InvocationType.BLOCKING;
    }

    /**
     * {@code handler}, declared to never block: its {@link #invocationType} is
     * {@link InvocationType#NON_BLOCKING} for every request. The declaration is a promise the server
     * cannot check: such a handler must not sleep, wait for a lock held by slow code, or do blocking
     * I/O, since on a selector thread that stalls every connection of the thread.
     */
    static Handler nonBlocking(Handler handler) {
        return new NonBlockingHandler(Objects.requireNonNull(handler, "handler"));
    }

    /**
     * This handler with {@code filter} around it: the filter runs first. Each call wraps what is
     * already there, so in {@code h.with(a).with(b)} filter {@code b} runs before {@code a}; to list
     * filters outermost first, compose them with {@link Filter#andThen} or {@link Router.Builder#filter}.
     * The result is non-blocking only when both this handler and the filter are.
     */
    default Handler with(Filter filter) {
        return filter.around(this);
    }
}
