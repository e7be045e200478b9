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
 *
 * <p>It walks the request's decoded segments ({@link RequestPath#segments()}), never a decoded
 * string, so a {@code %2F} cannot add a segment. A parameter never binds a segment holding such a
 * {@code /}, and neither does {@code *}; only a {@code {name...}} rest takes them. Dot segments were
 * removed before, so nothing here can bind {@code ..}.
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
    private boolean wildcardTakesEncodedSlash;

    /** Adds a route below this node (the root). */
    void add(RoutePattern pattern, String method, Handler handler) {
        RouteNode node = this;
        for (String segment : pattern.segments()) {
            node = node.child(segment);
        }
        if (pattern.hasWildcard()) {
            if (node.wildcard == null) {
                node.wildcard = new RouteEndpoint();
                node.wildcardTakesEncodedSlash = pattern.restTakesEncodedSlash();
            } else if (node.wildcardTakesEncodedSlash != pattern.restTakesEncodedSlash()) {
                throw new IllegalArgumentException("'*' and {name...} cannot both end the same prefix: " + pattern);
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
     * Searches the path's {@code segments} from {@code index}, binding parameter segments into
     * {@code values} from {@code count}.
     *
     * @return true when the visitor stopped the search
     */
    boolean search(List<String> segments, int index, String[] values, int count, Visitor visitor) {
        if (index == segments.size()) {
            return endpoint != null && visitor.visit(endpoint, values, count, null);
        }
        String segment = segments.get(index);
        if (!literals.isEmpty()) {
            RouteNode literal = literals.get(segment);
            if (literal != null && literal.search(segments, index + 1, values, count, visitor)) {
                return true;
            }
        }
        if (parameter != null && !segment.isEmpty() && segment.indexOf('/') < 0) {
            values[count] = segment;
            if (parameter.search(segments, index + 1, values, count + 1, visitor)) {
                return true;
            }
        }
        if (wildcard == null) {
            return false;
        }
        List<String> rest = segments.subList(index, segments.size());
        if (!wildcardTakesEncodedSlash && holdsSlash(rest)) {
            return false;
        }
        return visitor.visit(wildcard, values, count, String.join("/", rest));
    }

    private static boolean holdsSlash(List<String> segments) {
        for (String segment : segments) {
            if (segment.indexOf('/') >= 0) {
                return true;
            }
        }
        return false;
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
