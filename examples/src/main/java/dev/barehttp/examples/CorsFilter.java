package dev.barehttp.examples;

import dev.barehttp.Filter;
import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.Status;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin resource sharing (the Fetch standard, section 3.2 "CORS protocol") as a {@link Filter}
 * in front of a router, so it sees preflights before the router's automatic OPTIONS answer:
 *
 * <ul>
 *   <li>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is
 *       answered here with {@code 204}: for an allowed origin, {@code Access-Control-Allow-Origin} with that
 *       origin, {@code Access-Control-Allow-Methods}, {@code Access-Control-Allow-Headers} and
 *       {@code Access-Control-Max-Age}; for any other origin, none of them, which makes the browser
 *       refuse the actual request.</li>
 *   <li>Any other request goes to the handler; when its {@code Origin} is allowed, the answer gets
 *       {@code Access-Control-Allow-Origin} (and {@code Access-Control-Expose-Headers} when set).</li>
 *   <li>Every answer says {@code Vary: Origin} (a preflight also varies by the two request fields), so a
 *       cache never hands one origin's answer to another.</li>
 * </ul>
 *
 * @param pathPrefix the paths it applies to, those that start with it ({@code /} for all); others pass untouched
 * @param origins the allowed origins, exactly as browsers send them (e.g. {@code https://app.example.com})
 * @param methods the methods cross-origin requests may use
 * @param headers the request fields they may send beyond the CORS-safelisted ones
 * @param exposedHeaders the response fields scripts may read beyond the safelisted ones
 * @param maxAge how long a browser may cache a preflight's answer
 */
record CorsFilter(String pathPrefix, Set<String> origins, List<String> methods, List<String> headers, List<String> exposedHeaders,
                  Duration maxAge) implements Filter {

    /** Copies the collections. */
    CorsFilter {
        java.util.Objects.requireNonNull(pathPrefix, "pathPrefix");
        origins = Set.copyOf(origins);
        methods = List.copyOf(methods);
        headers = List.copyOf(headers);
        exposedHeaders = List.copyOf(exposedHeaders);
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
        }
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        if (!request.path().startsWith(pathPrefix)) {
            return next.handle(request);
        }
        String origin = request.header("origin");
        boolean allowed = origin != null && origins.contains(origin);
        if (origin != null && request.method().equals("OPTIONS")
                && request.header("access-control-request-method") != null) {
            return preflight(origin, allowed);
        }
        Response response = next.handle(request).withHeader("Vary", "Origin");
        if (!allowed) {
            return response;
        }
        response = response.withHeaderSet("Access-Control-Allow-Origin", origin);
        return exposedHeaders.isEmpty() ? response
                : response.withHeaderSet("Access-Control-Expose-Headers", String.join(", ", exposedHeaders));
    }

    private Response preflight(String origin, boolean allowed) {
        Response response = Response.of(Status.NO_CONTENT)
                .withHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        if (!allowed) {
            return response;
        }
        response = response.withHeader("Access-Control-Allow-Origin", origin)
                .withHeader("Access-Control-Allow-Methods", String.join(", ", methods))
                .withHeader("Access-Control-Max-Age", Long.toString(maxAge.getSeconds()));
        return headers.isEmpty() ? response
                : response.withHeader("Access-Control-Allow-Headers", String.join(", ", headers));
    }
}
