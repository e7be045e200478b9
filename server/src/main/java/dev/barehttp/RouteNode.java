package dev.barehttp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One segment position of the route tree. A node has literal children by segment text, at most
 * one parameter child, the routes that end here, and the routes whose {@code *} starts here.
 *
 * <p>The search tries, at every segment, the literal child first, then the parameter child,
 * then the wildcard, and goes back to the next choice when a branch matches nothing: so literal
 * segments win over parameters, and parameters over {@code *}.
 */
final class RouteNode {
    /** Told of every route the path matches, most specific first; returns true to stop the search. */
    interface Visitor {
        /**
         * A match: {@code values[0..count)} are the parameter segments in path order, {@code rest}
         * the part bound to {@code *} (null for a route without one).
         */
        boolean visit(RouteEndpoint endpoint, String[] values, int count, String rest);
    }

    private final Map<String, RouteNode> literals = new HashMap<>();
    private RouteNode parameter;
    private RouteEndpoint endpoint;
    private RouteEndpoint wildcard;

    /** Adds a route below this node (the root). */
    void add(RoutePattern pattern, String method, Handler handler) {
        RouteNode node = this;
        for (String segment : pattern.segments()) {
            node = node.child(segment);
        }
        if (pattern.hasWildcard()) {
            if (node.wildcard == null) {
                node.wildcard = new RouteEndpoint();
            }
            node.wildcard.add(method, handler, pattern);
        } else {
            if (node.endpoint == null) {
                node.endpoint = new RouteEndpoint();
            }
            node.endpoint.add(method, handler, pattern);
        }
    }

    /** The endpoint a pattern without wildcard ends at (after {@link #add}), or null. */
    RouteEndpoint endpointAt(RoutePattern pattern) {
        RouteNode node = this;
        for (String segment : pattern.segments()) {
            node = RoutePattern.isParameterSegment(segment) ? node.parameter : node.literals.get(segment);
            if (node == null) {
                return null;
            }
        }
        return node.endpoint;
    }

    private RouteNode child(String segment) {
        if (RoutePattern.isParameterSegment(segment)) {
            if (parameter == null) {
                parameter = new RouteNode();
            }
            return parameter;
        }
        return literals.computeIfAbsent(segment, s -> new RouteNode());
    }

    /** Adds every endpoint of this subtree to {@code into}. */
    void collectEndpoints(List<RouteEndpoint> into) {
        if (endpoint != null) {
            into.add(endpoint);
        }
        if (wildcard != null) {
            into.add(wildcard);
        }
        if (parameter != null) {
            parameter.collectEndpoints(into);
        }
        for (RouteNode child : literals.values()) {
            child.collectEndpoints(into);
        }
    }

    /**
     * Searches the path from {@code start} (the first character of a segment; past the end when
     * every segment is consumed), binding parameter segments into {@code values} from {@code count}.
     *
     * @return true when the visitor stopped the search
     */
    boolean search(String path, int start, String[] values, int count, Visitor visitor) {
        if (start > path.length()) {
            return endpoint != null && visitor.visit(endpoint, values, count, null);
        }
        int slash = path.indexOf('/', start);
        int end = slash < 0 ? path.length() : slash;
        int next = end + 1;
        if (!literals.isEmpty()) {
            RouteNode literal = literals.get(path.substring(start, end));
            if (literal != null && literal.search(path, next, values, count, visitor)) {
                return true;
            }
        }
        if (parameter != null && end > start) {
            values[count] = path.substring(start, end);
            if (parameter.search(path, next, values, count + 1, visitor)) {
                return true;
            }
        }
        return wildcard != null && visitor.visit(wildcard, values, count, path.substring(start));
    }

    /** The most parameter segments any route below this node binds. */
    int depth() {
        int deepest = 0;
        if (parameter != null) {
            deepest = 1 + parameter.depth();
        }
        for (RouteNode child : literals.values()) {
            deepest = Math.max(deepest, child.depth());
        }
        return deepest;
    }
}
