package dev.barehttp;

import dev.barehttp.codec.RequestHead;
import java.util.Objects;

/**
 * Code that runs around a {@link Handler}: it sees the request first, decides whether and with
 * which request to call the next handler, and may change or replace the response on the way out
 * (middleware). A filter that answers without calling {@code next} ends the chain there:
 *
 * <pre>{@code
 * Filter timing = (request, next) -> {
 *     long start = System.nanoTime();
 *     Response response = next.handle(request);
 *     return response.withHeader("Server-Timing", "app;dur=" + (System.nanoTime() - start) / 1_000_000);
 * };
 * Handler app = hello.with(timing);                   // timing runs, then hello
 * Filter both = logging.andThen(auth);                // logging, then auth, then the handler
 * Router.builder().filter(logging).filter(auth)...    // the same order: first added runs first
 * }</pre>
 *
 * Values for the handlers below go in request attributes ({@link Request#withAttribute}). A filter
 * sees a streamed body's response when the handler returns, before the body is written; to act on
 * the bytes, wrap its {@link Response#withStream writer}.
 *
 * <p>A filter may block unless it declares otherwise, like a {@link Handler}; a handler with filters
 * around it runs on a transport's own thread only when it and every filter around it (the router's
 * included) are {@link InvocationType#NON_BLOCKING}. A filter that never blocks says so with
 * {@link #nonBlocking(Filter)}, or by overriding {@link #invocationType} (which may depend on the head,
 * or on whether its logger is on):
 *
 * <pre>{@code
 * Filter poweredBy = Filter.nonBlocking((request, next) -> next.handle(request).withHeader("X-Powered-By", "barehttp"));
 * }</pre>
 */
@FunctionalInterface
public interface Filter {

    /** Answers {@code request}, calling {@code next} (at most once, usually) for the answer of what it wraps. */
    Response filter(Request request, Handler next) throws Exception;

    /**
     * Whether {@link #filter} may block for a request with {@code head}, the handler it calls aside:
     * {@link InvocationType#BLOCKING} unless declared otherwise. Asked on the server's own thread before
     * anything runs, so an override answers at once from the head and never blocks.
     */
    default InvocationType invocationType(RequestHead head) {
        return InvocationType.BLOCKING;
    }

    /**
     * {@code filter}, declared to never block: its {@link #invocationType} is
     * {@link InvocationType#NON_BLOCKING} for every request (a promise the server cannot check; see
     * {@link Handler#nonBlocking}).
     */
    static Filter nonBlocking(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return new Filter() {
            @Override
            public Response filter(Request request, Handler next) throws Exception {
                return filter.filter(request, next);
            }

            @Override
            public InvocationType invocationType(RequestHead head) {
                return InvocationType.NON_BLOCKING;
            }
        };
    }

    /**
     * A filter that runs this one, then {@code inner}, then the handler they wrap: this one is outermost.
     * It is non-blocking when both are.
     */
    default Filter andThen(Filter inner) {
        Filter outer = this;
        return new Filter() {
            @Override
            public Response filter(Request request, Handler next) throws Exception {
                return outer.filter(request, inner.around(next));
            }

            @Override
            public InvocationType invocationType(RequestHead head) {
                return outer.invocationType(head).and(inner.invocationType(head));
            }
        };
    }

    /** {@code handler} with this filter around it: non-blocking when both the filter and the handler are. */
    default Handler around(Handler handler) {
        Filter filter = this;
        return new Handler() {
            @Override
            public Response handle(Request request) throws Exception {
                return filter.filter(request, handler);
            }

            @Override
            public InvocationType invocationType(RequestHead head) {
                return filter.invocationType(head) == InvocationType.NON_BLOCKING
                        ? handler.invocationType(head) : InvocationType.BLOCKING;
            }
        };
    }
}
