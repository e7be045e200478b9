package dev.barehttp;

import static dev.barehttp.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
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
    void withRunsTheFilterFirstAndTheLastWithOutermost() {
        TestClient.of(app.with(named("a")).with(named("b"))).get("/");
        assertEquals(List.of("b in", "a in", "handler", "a out", "b out"), trace);
    }

    @Test
    void andThenRunsOutermostFirst() {
        TestResponse response = TestClient.of(named("a").andThen(named("b")).around(app)).get("/");
        assertEquals(List.of("a in", "b in", "handler", "b out", "a out"), trace);
        assertEquals(List.of("b", "a"), response.headers().all("x-seen"));
    }

    @Test
    void routerFiltersRunInTheOrderAddedAroundEveryAnswerIncluding404() {
        Router router = Router.builder().filter(named("a")).filter(named("b")).get("/", app).build();
        TestClient client = TestClient.of(router);
        client.get("/");
        assertEquals(List.of("a in", "b in", "handler", "b out", "a out"), trace);
        trace.clear();
        TestResponse missing = client.get("/nothing");
        assertEquals(404, missing.status());
        assertEquals(List.of("a in", "b in", "b out", "a out"), trace);
    }

    @Test
    void aFilterThatAnswersItselfStopsTheChain() {
        Filter deny = (request, next) -> Response.of(Status.FORBIDDEN);
        assertEquals(403, TestClient.of(app.with(deny)).get("/").status());
        assertEquals(List.of(), trace);
    }

    @Test
    void attributesSetByAFilterReachTheHandlerAndSurviveRouting() {
        Filter auth = (request, next) -> next.handle(request.withAttribute(USER, "alice"));
        Router router = Router.builder().filter(auth)
                .get("/users/{id}", r -> Response.ok(r.attribute(USER) + " sees " + r.pathParameter("id")))
                .build();
        assertEquals("alice sees 7", TestClient.of(router).get("/users/7").bodyText());
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
