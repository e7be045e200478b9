package dev.barehttp;

import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.RequestHead;

/**
 * The server's innermost answer to exceptions that carry a status: an {@link HttpException} becomes
 * its response and an {@link HttpProtocolException} a text response with its status, before any access
 * log around it sees the outcome. Every other exception goes on to the connection, which answers 500
 * and logs it. It never blocks, so it keeps a non-blocking handler non-blocking.
 */
final class StatusExceptionFilter implements Filter {
    static final StatusExceptionFilter INSTANCE = new StatusExceptionFilter();

    private StatusExceptionFilter() {
    }

    @Override
    public InvocationType invocationType(RequestHead head) {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        try {
            return next.handle(request);
        } catch (HttpException e) {
            return e.toResponse();
        } catch (HttpProtocolException e) {
            return Response.text(e.status(), e.getMessage() + "\n");
        }
    }
}
