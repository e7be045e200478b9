package dev.barehttp;

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
 */
@FunctionalInterface
public interface Filter {

    /** Answers {@code request}, calling {@code next} (at most once, usually) for the answer of what it wraps. */
    Response filter(Request request, Handler next) throws Exception;

    /** A filter that runs this one, then {@code inner}, then the handler they wrap: this one is outermost. */
    default Filter andThen(Filter inner) {
        return (request, next) -> filter(request, inner.around(next));
    }

    /** {@code handler} with this filter around it. */
    default Handler around(Handler handler) {
        return request -> filter(request, handler);
    }
}
