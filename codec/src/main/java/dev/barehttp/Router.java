package dev.barehttp;

/**
 * Routes requests by method and path pattern. Placeholder: implemented in the router change.
 */
public final class Router implements Handler {
    private Router() {
    }

    @Override
    public Response handle(Request request) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
