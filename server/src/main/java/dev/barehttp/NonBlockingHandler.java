package dev.barehttp;

import dev.barehttp.codec.RequestHead;

/** A handler declared to never block ({@link Handler#nonBlocking}). */
final class NonBlockingHandler implements Handler {
    private final Handler handler;

    NonBlockingHandler(Handler handler) {
        this.handler = handler;
    }

    @Override
    public Response handle(Request request) throws Exception {
        return handler.handle(request);
    }

    @Override
    public InvocationType invocationType(RequestHead head) {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public String toString() {
        return "nonBlocking(" + handler + ")";
    }
}
