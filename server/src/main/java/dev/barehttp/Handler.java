package dev.barehttp;

/**
 * Application code: a request in, a response out.
 *
 * <p>A handler may throw: an {@link dev.barehttp.codec.HttpProtocolException} becomes a response
 * with its status, anything else a {@code 500}; the connection stays usable when the framing
 * allows it.
 */
@FunctionalInterface
public interface Handler {
    /** Answers one request. Runs on a thread that may block (a virtual thread where available). */
    Response handle(Request request) throws Exception;
}
