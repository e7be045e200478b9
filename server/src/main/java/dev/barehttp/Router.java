package dev.barehttp;

import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.RequestHead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Handler} that dispatches by method and path pattern. Built once with a fluent
 * {@link Builder} and immutable afterwards, so one router serves every thread:
 *
 * <pre>{@code
 * Router router = Router.builder()
 *         .get("/users/{id}", request -> Response.ok("user " + request.pathParameter("id")))
 *         .post("/echo", request -> Response.ok(request.bodyString(1 << 20)))
 *         .get("/static/*", request -> Response.ok("file " + request.pathParameter("*")))
 *         .route("PROPFIND", "/dav", request -> Response.of(207))
 *         .build();
 * }</pre>
 *
 * <h2>Patterns</h2>
 * A pattern starts with {@code /} and is split at {@code /} into segments: literal text,
 * {@code {name}} (one non-empty path segment, delivered by {@link Request#pathParameter(String)}),
 * or, as the last segment only, {@code *}, which binds the rest of the path (possibly empty, slashes
 * included) under the name {@code "*"}. Patterns match the request's {@link Request#pathSegments()},
 * segment by segment; a trailing slash is a segment of its own ({@code /a/} is not {@code /a}).
 *
 * <h2>Safe parameters</h2>
 * The path is split at {@code /} before it is percent-decoded and its dot segments are removed
 * first ({@code /a/../b} is {@code /b}; a path climbing above the root is a 400), so no parameter
 * and no {@code *} ever binds {@code .} or {@code ..}. A {@code /} sent as {@code %2F} stays inside
 * its segment and is not a separator: {@code {name}} and {@code *} never bind a segment that holds
 * one (such a path matches no route that uses them), so every {@code /} in a {@code *} value is a
 * real segment boundary and the value can be split safely. A route that wants such segments asks
 * with {@code {name...}} as its last segment: it binds the rest of the path like {@code *}, under
 * {@code name}, encoded slashes included (so it cannot tell {@code a%2Fb} from {@code a/b}; use it
 * for opaque keys, never for file names).
 *
 * <h2>Which route answers</h2>
 * <ul>
 *   <li>At every segment a literal wins over a parameter, and a parameter over {@code *}; when the
 *       preferred branch has no route for the method, the next one that has is used.</li>
 *   <li>No pattern matches the path: {@code 404}.</li>
 *   <li>Patterns match but none for the method: {@code 405} with an {@code Allow} header listing the
 *       methods those patterns accept (RFC 9110 section 15.5.6).</li>
 *   <li>{@code HEAD} without a HEAD route is answered by the GET route; the server sends the same
 *       header fields and no body (RFC 9110 section 9.3.2).</li>
 *   <li>{@code OPTIONS} without an OPTIONS route is answered {@code 204} with {@code Allow}; so is
 *       {@code OPTIONS *} (asterisk-form), listing every method the router knows.</li>
 *   <li>Any token method can be routed with {@link Builder#route(String, String, Handler)}.</li>
 * </ul>
 *
 * <h2>Filters and custom answers</h2>
 * {@link Builder#filter(Filter)} adds a filter around the whole router, first added outermost. Filters
 * run before the route is chosen, so they see every request, including those answered 404, 405 or by
 * the automatic OPTIONS (a CORS filter answers preflights there); path parameters are bound after
 * them. A filter for one route only goes on its handler: {@code .get("/admin", admin.with(auth))}.
 * {@link Builder#notFound(Handler)} and {@link Builder#methodNotAllowed(Handler)} replace the plain
 * text 404 and 405; the router adds the {@code Allow} field to the 405 itself, and hands its value to
 * the handler as the attribute {@link #ALLOWED_METHODS}.
 *
 * <h2>Non-blocking routes</h2>
 * A route whose handler is declared with {@link Handler#nonBlocking} never blocks, and the router says
 * so for the requests it maps to that route ({@link #invocationType}), provided every router filter is
 * declared non-blocking too ({@link Filter#nonBlocking}); a filter on the route's handler counts the same
 * way. The answer comes from the request head alone, by the same lookup as the dispatch, without running
 * anything. The router's own answers (the automatic OPTIONS, the default 404 and 405) never block; a
 * custom {@link Builder#notFound} or {@link Builder#methodNotAllowed} handler counts as declared.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *         .filter(Filter.nonBlocking(cors))                                    // keeps /plaintext on the loop
 *         .get("/plaintext", Handler.nonBlocking(request -> PLAINTEXT))        // on the selector thread (nio)
 *         .get("/users/{id}", request -> Response.ok(users.load(request.pathParameter("id"))))  // off it
 *         .build();
 * }</pre>
 */
public final class Router implements Handler {
    private static final Response NOT_FOUND = Response.text(404, "Not Found\n");
    private static final Response METHOD_NOT_ALLOWED = Response.text(405, "Method Not Allowed\n");

    /** The {@code Allow} value of a 405, as the {@link Builder#methodNotAllowed} handler sees it. */
    public static final AttributeKey<String> ALLOWED_METHODS = AttributeKey.of("allowedMethods", String.class);
    private static final String[] NO_VALUES = new String[0];

    private final RouteNode root;
    private final Map<String, RouteEndpoint> literalPaths;
    private final int depth;
    private final Response optionsAsterisk;
    private final Handler notFound;
    private final Handler methodNotAllowed;
    private final Handler filtered;

    private Router(RouteNode root, Map<String, RouteEndpoint> literalPaths, Builder builder) {
        this.notFound = builder.notFound;
        this.methodNotAllowed = builder.methodNotAllowed;
        // Wrapped once here, innermost first, so a request allocates nothing to pass through the filters.
        Handler chain = new Handler() {
            @Override
            public Response handle(Request request) throws Exception {
                return dispatch(request);
            }

            @Override
            public InvocationType invocationType(RequestHead head) {
                return routeInvocationType(head);
            }
        };
        for (int i = builder.filters.size() - 1; i >= 0; i--) {
            chain = builder.filters.get(i).around(chain);
        }
        this.filtered = builder.filters.isEmpty() ? null : chain;
        this.root = root;
        this.literalPaths = literalPaths;
        this.depth = root.depth();
        List<RouteEndpoint> all = new ArrayList<>();
        root.collectEndpoints(all);
        this.optionsAsterisk = Response.of(204).withHeader("Allow", RouteEndpoint.allowValue(all));
    }

    /** A builder with no routes yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the filters, then dispatches {@code request} to its route, or answers 404, 405 or an
     * automatic OPTIONS.
     */
    @Override
    public Response handle(Request request) throws Exception {
        return filtered == null ? dispatch(request) : filtered.handle(request);
    }

    /**
     * {@link InvocationType#NON_BLOCKING} when every router filter and the handler that would answer a
     * request with {@code head} (its route's, or the 404, 405 or OPTIONS answer) are declared so; found
     * by the same lookup as the dispatch, without running anything.
     */
    @Override
    public InvocationType invocationType(RequestHead head) {
        return filtered == null ? routeInvocationType(head) : filtered.invocationType(head);
    }

    private InvocationType routeInvocationType(RequestHead head) {
        RequestPath path;
        try {
            path = RequestPath.parse(TargetParts.rawPath(head.target()));
        } catch (HttpProtocolException e) {
            return InvocationType.NON_BLOCKING; // answered 400 before any handler or filter runs
        }
        String method = head.method();
        if (path.decoded().equals("*")) {
            return method.equals("OPTIONS") ? InvocationType.NON_BLOCKING : notFound.invocationType(head);
        }
        if (!path.hasSegments()) {
            return notFound.invocationType(head);
        }
        RouteEndpoint exact = path.hasEncodedSlash() ? null : literalPaths.get(path.decoded());
        RouteEndpoint.Target target = exact == null ? null : exact.target(method);
        if (target != null) {
            return target.handler().invocationType(head);
        }
        MethodSearch search = new MethodSearch(method);
        if (root.search(path.segments(), 0, depth == 0 ? NO_VALUES : new String[depth], 0, search)) {
            return search.target.handler().invocationType(head);
        }
        // 404, 405 or the automatic OPTIONS: which one is not worth a second search here.
        return notFound.invocationType(head).and(methodNotAllowed.invocationType(head));
    }

    private Response dispatch(Request request) throws Exception {
        RequestPath path = request.requestPath();
        String method = request.method();
        if (path.decoded().equals("*")) {
            return method.equals("OPTIONS") ? optionsAsterisk : notFound.handle(request);
        }
        if (!path.hasSegments()) {
            return notFound.handle(request);
        }
        // A decoded %2F would make the string equal a literal pattern it is not made of.
        RouteEndpoint exact = path.hasEncodedSlash() ? null : literalPaths.get(path.decoded());
        RouteEndpoint.Target target = exact == null ? null : exact.target(method);
        if (target != null) {
            return target.handler().handle(request);
        }
        MethodSearch search = new MethodSearch(method);
        if (root.search(path.segments(), 0, depth == 0 ? NO_VALUES : new String[depth], 0, search)) {
            return search.target.handler().handle(request.withPathParameters(search.parameters()));
        }
        return withoutRoute(request, path.segments(), method);
    }

    /** The answer when no route takes the method: 404, the automatic OPTIONS, or 405. */
    private Response withoutRoute(Request request, List<String> segments, String method) throws Exception {
        List<RouteEndpoint> matching = new ArrayList<>(2);
        root.search(segments, 0, depth == 0 ? NO_VALUES : new String[depth], 0, (endpoint, values, count, rest) -> {
            matching.add(endpoint);
            return false;
        });
        if (matching.isEmpty()) {
            return notFound.handle(request);
        }
        String allow = matching.size() == 1 ? matching.get(0).allow() : RouteEndpoint.allowValue(matching);
        if (method.equals("OPTIONS")) {
            return Response.of(204).withHeader("Allow", allow);
        }
        Response custom = methodNotAllowed.handle(request.withAttribute(ALLOWED_METHODS, allow));
        if (custom == null) {
            throw new IllegalStateException("the methodNotAllowed handler returned no response");
        }
        return custom.withHeaderSet("Allow", allow);
    }

    /** Stops at the first matching route that has the method, and remembers what it bound. */
    private static final class MethodSearch implements RouteNode.Visitor {
        private final String method;
        private RouteEndpoint.Target target;
        private String[] values;
        private int count;
        private String rest;

        MethodSearch(String method) {
            this.method = method;
        }

        @Override
        public boolean visit(RouteEndpoint endpoint, String[] values, int count, String rest) {
            target = endpoint.target(method);
            if (target == null) {
                return false;
            }
            this.values = values;
            this.count = count;
            this.rest = rest;
            return true;
        }

        Map<String, String> parameters() {
            if (count == 0 && rest == null) {
                return Map.of();
            }
            Map<String, String> bound = new HashMap<>(count * 2 + 2);
            List<String> names = target.parameterNames();
            for (int i = 0; i < count; i++) {
                bound.put(names.get(i), values[i]);
            }
            if (rest != null) {
                bound.put(target.pattern().restName(), rest);
            }
            return bound;
        }
    }

    /** Collects routes; {@link #build()} makes an immutable {@link Router} of them. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private final List<Filter> filters = new ArrayList<>();
        private Handler notFound = Handler.nonBlocking(request -> NOT_FOUND);
        private Handler methodNotAllowed = Handler.nonBlocking(request -> METHOD_NOT_ALLOWED);

        private Builder() {
        }

        /** Adds {@code filter} around the router, inside the filters added before it (see the class Javadoc). */
        public Builder filter(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** Answers requests no pattern matches (default: 404, {@code Not Found} as plain text). */
        public Builder notFound(Handler handler) {
            this.notFound = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Answers requests whose path matches but not for their method (default: 405 as plain text).
         * The router sets {@code Allow} on whatever it returns (RFC 9110 section 15.5.6 requires it);
         * the value is also the request attribute {@link Router#ALLOWED_METHODS}.
         */
        public Builder methodNotAllowed(Handler handler) {
            this.methodNotAllowed = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Routes GET (and so HEAD, unless a HEAD route is given) for {@code pattern}. */
        public Builder get(String pattern, Handler handler) {
            return route("GET", pattern, handler);
        }

        /** Routes HEAD for {@code pattern}, in place of the GET route's answer. */
        public Builder head(String pattern, Handler handler) {
            return route("HEAD", pattern, handler);
        }

        /** Routes POST for {@code pattern}. */
        public Builder post(String pattern, Handler handler) {
            return route("POST", pattern, handler);
        }

        /** Routes PUT for {@code pattern}. */
        public Builder put(String pattern, Handler handler) {
            return route("PUT", pattern, handler);
        }

        /** Routes DELETE for {@code pattern}. */
        public Builder delete(String pattern, Handler handler) {
            return route("DELETE", pattern, handler);
        }

        /** Routes PATCH for {@code pattern}. */
        public Builder patch(String pattern, Handler handler) {
            return route("PATCH", pattern, handler);
        }

        /** Routes OPTIONS for {@code pattern}, in place of the automatic answer. */
        public Builder options(String pattern, Handler handler) {
            return route("OPTIONS", pattern, handler);
        }

        /**
         * Routes {@code method} (any token, case-sensitive as methods are) for {@code pattern}.
         *
         * @throws IllegalArgumentException when the method is not a token or the pattern is malformed
         */
        public Builder route(String method, String pattern, Handler handler) {
            if (!isToken(method)) {
                throw new IllegalArgumentException("a method is a token (RFC 9110 section 9.1): " + method);
            }
            routes.add(new Route(method, RoutePattern.parse(pattern), Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /**
         * The router.
         *
         * @throws IllegalArgumentException when two routes have the same method and match the same
         *     paths (e.g. {@code /users/{id}} and {@code /users/{name}})
         */
        public Router build() {
            RouteNode root = new RouteNode();
            for (Route route : routes) {
                root.add(route.pattern(), route.method(), route.handler());
            }
            // A path that equals a literal pattern matches it before anything else: one map lookup.
            Map<String, RouteEndpoint> literalPaths = new HashMap<>();
            for (Route route : routes) {
                if (route.pattern().isLiteral()) {
                    literalPaths.put(route.pattern().toString(), root.endpointAt(route.pattern()));
                }
            }
            return new Router(root, Map.copyOf(literalPaths), this);
        }

        private record Route(String method, RoutePattern pattern, Handler handler) {
        }

        private static boolean isToken(String s) {
            if (s == null || s.isEmpty()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean alnum = c < 0x80 && Character.isLetterOrDigit(c);
                if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
