package dev.barehttp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The routes that end at one place of the route tree, one per method, and the {@code Allow}
 * value that place answers with.
 */
final class RouteEndpoint {
    /** The order of {@code Allow} values: the common methods first, then the rest alphabetically. */
    private static final List<String> ALLOW_ORDER =
            List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final Comparator<String> ALLOW_COMPARATOR = Comparator
            .comparingInt((String m) -> ALLOW_ORDER.contains(m) ? ALLOW_ORDER.indexOf(m) : ALLOW_ORDER.size())
            .thenComparing(Comparator.naturalOrder());

    /**
     * One route's handler and what it binds.
     *
     * @param handler the application
     * @param parameterNames the names of the parameter segments, in order
     * @param pattern the pattern it was registered with, for messages
     */
    record Target(Handler handler, List<String> parameterNames, RoutePattern pattern) {
    }

    private final Map<String, Target> byMethod = new LinkedHashMap<>();
    /** The same routes as {@link #byMethod}, for {@link #target}: a few methods are found faster by a scan than by hashing. */
    private String[] methods = new String[0];
    private Target[] targets = new Target[0];
    private String allow;

    /**
     * Adds the route for {@code method}.
     *
     * @throws IllegalArgumentException when this place already has a route for {@code method}
     */
    void add(String method, Handler handler, RoutePattern pattern) {
        Target previous = byMethod.putIfAbsent(method, new Target(handler, pattern.parameterNames(), pattern));
        if (previous != null) {
            throw new IllegalArgumentException("two " + method + " routes for the same paths: "
                    + previous.pattern() + " and " + pattern);
        }
        methods = byMethod.keySet().toArray(new String[0]);
        targets = byMethod.values().toArray(new Target[0]);
        allow = allowValue(List.of(this));
    }

    /** The route for {@code method}; HEAD falls back to the GET route. Null when there is none. */
    Target target(String method) {
        Target t = find(method);
        if (t == null && method.equals("HEAD")) {
            t = find("GET");
        }
        return t;
    }

    private Target find(String method) {
        // The codec hands out its own instances of the standard methods, so == settles most lookups.
        for (int i = 0; i < methods.length; i++) {
            if (methods[i] == method) {
                return targets[i];
            }
        }
        for (int i = 0; i < methods.length; i++) {
            if (methods[i].equals(method)) {
                return targets[i];
            }
        }
        return null;
    }

    /** The {@code Allow} value of this place, e.g. {@code GET, HEAD, OPTIONS}. */
    String allow() {
        return allow;
    }

    /** The methods every given place answers, with HEAD beside GET and OPTIONS always, in a stable order. */
    static String allowValue(Collection<RouteEndpoint> endpoints) {
        TreeSet<String> methods = new TreeSet<>(ALLOW_COMPARATOR);
        for (RouteEndpoint e : endpoints) {
            methods.addAll(e.byMethod.keySet());
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", new ArrayList<>(methods));
    }
}
