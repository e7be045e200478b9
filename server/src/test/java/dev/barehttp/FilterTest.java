package dev.barehttp;

import static dev.barehttp.TestRequests.body;
import static dev.barehttp.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters: the order they run in, short-circuits, and the attributes they hand down. */
class FilterTest {
    private static final AttributeKey<String> USER = AttributeKey.of("user", String.class);

    private final List<String> trace = new ArrayList<>();

    private Filter named(String name) {
        return (request, next) -> {
            trace.add(name + " in");
            Response response = next.handle(request);
            trace.add(name + " out");
            return response.withHeader("X-Seen", name);
        };
    }

    private final Handler app = request -> {
        trace.add("handler");
        return Response.ok("hi");
    };

    @Test
    void withRunsTheFilterFirstAndTheLastWithOutermost() throws Exception {
        app.with(named("a")).with(named("b")).handle(request("GET", "/"));
        assertEquals(List.of("b in", "a in", "handler", "a out", "b out"), trace);
    }

    @Test
    void andThenRunsOutermostFirst() throws Exception {
        Response response = named("a").andThen(named("b")).around(app).handle(request("GET", "/"));
        assertEquals(List.of("a in", "b in", "handler", "b out", "a out"), trace);
        assertEquals(List.of("b", "a"), response.headers().all("x-seen"));
    }

    @Test
    void routerFiltersRunInTheOrderAddedAroundEveryAnswerIncluding404() throws Exception {
        Router router = Router.builder().filter(named("a")).filter(named("b")).get("/", app).build();
        router.handle(request("GET", "/"));
        assertEquals(List.of("a in", "b in", "handler", "b out", "a out"), trace);
        trace.clear();
        Response missing = router.handle(request("GET", "/nothing"));
        assertEquals(404, missing.status());
        assertEquals(List.of("a in", "b in", "b out", "a out"), trace);
    }

    @Test
    void aFilterThatAnswersItselfStopsTheChain() throws Exception {
        Filter deny = (request, next) -> Response.of(Status.FORBIDDEN);
        assertEquals(403, app.with(deny).handle(request("GET", "/")).status());
        assertEquals(List.of(), trace);
    }

    @Test
    void attributesSetByAFilterReachTheHandlerAndSurviveRouting() throws Exception {
        Filter auth = (request, next) -> next.handle(request.withAttribute(USER, "alice"));
        Router router = Router.builder().filter(auth)
                .get("/users/{id}", r -> Response.ok(r.attribute(USER) + " sees " + r.pathParameter("id")))
                .build();
        assertEquals("alice sees 7", body(router.handle(request("GET", "/users/7"))));
    }

    @Test
    void attributesAreTypedPerKeyAndAbsentUntilSet() {
        AttributeKey<String> otherUser = AttributeKey.of("user", String.class);
        AttributeKey<Integer> count = AttributeKey.of("count", Integer.class);
        Request plain = request("GET", "/");
        Request set = plain.withAttribute(USER, "alice").withAttribute(count, 3);
        assertNull(plain.attribute(USER), "requests are immutable: the original has no attribute");
        assertEquals("alice", set.attribute(USER));
        assertNull(set.attribute(otherUser), "keys compare by identity, not by name");
        assertEquals(3, set.attribute(count));
        assertNull(set.withAttribute(USER, null).attribute(USER));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aValueOfTheWrongTypeIsRefusedWhenAttached() {
        AttributeKey raw = USER;
        assertThrows(ClassCastException.class, () -> request("GET", "/").withAttribute(raw, 42));
    }
}
