package dev.barehttp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed route pattern such as {@code /users/{id}/files/*}: literal segments, {@code {name}}
 * parameter segments, and an optional last segment that takes the rest of the path: {@code *}, or
 * {@code {name...}}, which also takes segments holding a {@code /} sent as {@code %2F}.
 *
 * <p>Rules: a pattern starts with {@code /}; a parameter is a whole segment; parameter names are
 * unique within a pattern and may not be {@code *}; {@code *} and {@code {name...}} may only be the
 * last segment. Literal segments are compared with the percent-decoded segments, so they are
 * written decoded.
 */
final class RoutePattern {
    /** The name the rest of the path is bound to by a trailing {@code *}. */
    static final String WILDCARD = "*";

    private final String text;
    private final List<String> segments;
    private final List<String> parameterNames;
    private final String restName;
    private final boolean restTakesEncodedSlash;

    private RoutePattern(String text, List<String> segments, List<String> parameterNames, String restName,
                         boolean restTakesEncodedSlash) {
        this.text = text;
        this.segments = segments;
        this.parameterNames = parameterNames;
        this.restName = restName;
        this.restTakesEncodedSlash = restTakesEncodedSlash;
    }

    /**
     * Parses {@code pattern}.
     *
     * @throws IllegalArgumentException when the pattern breaks one of the rules in the class comment
     */
    static RoutePattern parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route pattern starts with '/': " + pattern);
        }
        String[] parts = pattern.substring(1).split("/", -1);
        List<String> segments = new ArrayList<>(parts.length);
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String restName = null;
        boolean encodedSlash = false;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean rest = part.equals(WILDCARD) || isRestParameter(part);
            if (rest && i != parts.length - 1) {
                throw new IllegalArgumentException("'*' and {name...} may only end a route pattern: " + pattern);
            }
            if (part.equals(WILDCARD)) {
                restName = WILDCARD;
            } else if (rest) {
                restName = part.substring(1, part.length() - 4);
                if (restName.isEmpty() || restName.equals(WILDCARD) || !seen.add(restName)) {
                    throw new IllegalArgumentException("empty or repeated parameter {" + restName + "...} in " + pattern);
                }
                encodedSlash = true;
            } else if (isParameter(part)) {
                String name = part.substring(1, part.length() - 1);
                if (name.isEmpty() || name.equals(WILDCARD) || !seen.add(name)) {
                    throw new IllegalArgumentException("empty or repeated parameter {" + name + "} in " + pattern);
                }
                names.add(name);
                segments.add(part);
            } else if (part.indexOf('{') >= 0 || part.indexOf('}') >= 0 || part.indexOf('*') >= 0) {
                throw new IllegalArgumentException("'{', '}' and '*' must fill a whole segment: " + pattern);
            } else {
                segments.add(part);
            }
        }
        return new RoutePattern(pattern, List.copyOf(segments), List.copyOf(names), restName, encodedSlash);
    }

    private static boolean isRestParameter(String segment) {
        return isParameter(segment) && segment.endsWith("...}");
    }

    private static boolean isParameter(String segment) {
        return segment.length() >= 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
    }

    /** True when {@code segment} (one of {@link #segments()}) is a parameter. */
    static boolean isParameterSegment(String segment) {
        return isParameter(segment);
    }

    /** The segments before any trailing {@code *}: literal text or {@code {name}}. */
    List<String> segments() {
        return segments;
    }

    /** The parameter names in the order they appear. */
    List<String> parameterNames() {
        return parameterNames;
    }

    /** True when the pattern ends with {@code *} or {@code {name...}}. */
    boolean hasWildcard() {
        return restName != null;
    }

    /** The name the rest of the path is bound to: {@code *}, the name of {@code {name...}}, or null. */
    String restName() {
        return restName;
    }

    /** True for {@code {name...}}: the rest may hold segments with a {@code /} sent as {@code %2F}. */
    boolean restTakesEncodedSlash() {
        return restTakesEncodedSlash;
    }

    /** True when the pattern has neither parameters nor a wildcard. */
    boolean isLiteral() {
        return parameterNames.isEmpty() && restName == null;
    }

    @Override
    public String toString() {
        return text;
    }
}
