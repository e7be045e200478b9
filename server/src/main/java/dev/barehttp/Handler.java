package dev.barehttp;

/**
 * Application code: a request in, a response out.
 *
 * <p>A handler may throw: an {@link HttpException} becomes its response, an
 * {@link dev.barehttp.codec.HttpProtocolException} a response with its status, an exception an
 * {@link ExceptionMapper} maps the response it maps to, and anything else a {@code 500} (logged once);
 * the connection stays usable when the framing allows it.
 */
@FunctionalInterface
public interface Handler {
    /** Answers one request. Runs on a thread that may block (a virtual thread where available). */
    Response handle(Request request) throws Exception;

    /**
     * This handler with {@code filter} around it: the filter runs first. Each call wraps what is
     * already there, so in {@code h.with(a).with(b)} filter {@code b} runs before {@code a}; to list
     * filters outermost first, compose them with {@link Filter#andThen} or {@link Router.Builder#filter}.
     */
    default Handler with(Filter filter) {
        return filter.around(this);
    }
}
