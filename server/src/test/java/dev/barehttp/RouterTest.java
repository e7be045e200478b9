package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.codec.Headers;
import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RouterTest {

    /** A handler whose body names the route and the parameters it saw, and whose X-Route header the route. */
    private static Handler answer(String name) {
        return request -> Response.ok(name + " " + new java.util.TreeMap<>(request.pathParameters()))
                .withHeader("X-Route", name);
    }

    private static String body(TestResponse response) {
        return response.bodyText();
    }

    /** {@code router}'s answer to {@code method target}, through the codecs and the connection driver. */
    private static TestResponse call(Router router, String method, String target) {
        return TestClient.of(router).send(method, target, Headers.EMPTY, new byte[0]);
    }

    private final Router users = Router.builder()
            .get("/", answer("root"))
            .get("/users/{id}", answer("user"))
            .put("/users/{id}", answer("put-user"))
            .delete("/users/{id}", answer("delete-user"))
            .patch("/users/{id}", answer("patch-user"))
            .get("/users/me", answer("me"))
            .get("/users/{id}/posts/{post}", answer("post"))
            .post("/echo", answer("echo"))
            .get("/static/*", answer("static"))
            .route("PROPFIND", "/dav/{name}", answer("propfind"))
            .build();

    /**
     * A method is a case-sensitive token (RFC 9110 section 9.1): a route registered with a method string
     * built at run time is found by its value, not by its instance, and a different case is another method.
     */
    @Test
    void methodsAreMatchedByValueWhateverTheirInstance() {
        String built = new StringBuilder("GE").append('T').toString();
        String purge = new StringBuilder("PUR").append("GE").toString();
        Router router = Router.builder()
                .route(built, "/m", answer("get"))
                .route(purge, "/m", answer("purge"))
                .build();
        assertEquals("get {}", body(call(router, "GET", "/m")));
        assertEquals("purge {}", body(call(router, "PURGE", "/m")));
        assertEquals(405, call(router, "purge", "/m").status());
    }

    @Test
    void literalPathIsRoutedToItsHandler() {
        assertEquals("root {}", body(call(users, "GET", "/")));
        assertEquals("echo {}", body(call(users, "POST", "/echo")));
    }

    @Test
    void parameterSegmentIsBoundByName() {
        assertEquals("user {id=7}", body(call(users, "GET", "/users/7")));
        assertEquals("post {id=7, post=42}", body(call(users, "GET", "/users/7/posts/42")));
    }

    @Test
    void parameterIsBoundFromThePercentDecodedPath() {
        assertEquals("user {id=a b}", body(call(users, "GET", "/users/a%20b")));
    }

    /** RFC 3986 section 2.2: a %2F is data inside its segment, so it neither splits nor joins segments. */
    @Test
    void encodedSlashIsNoSeparatorAndNoParameterBindsIt() {
        assertEquals(404, call(users, "GET", "/users/a%2Fb").status());
        assertEquals(404, call(users, "GET", "/users/7%2Fposts%2F1").status());
    }

    @Test
    void literalSegmentWinsOverParameter() {
        assertEquals("me {}", body(call(users, "GET", "/users/me")));
    }

    @Test
    void literalBranchWithoutMatchFallsBackToParameter() {
        assertEquals("post {id=me, post=1}", body(call(users, "GET", "/users/me/posts/1")));
    }

    @Test
    void literalBranchWithoutTheMethodFallsBackToParameterRoute() {
        assertEquals("delete-user {id=me}", body(call(users, "DELETE", "/users/me")));
    }

    @Test
    void trailingWildcardBindsTheRestOfThePath() {
        assertEquals("static {*=css/site.css}", body(call(users, "GET", "/static/css/site.css")));
        assertEquals("static {*=}", body(call(users, "GET", "/static/")));
    }

    @Test
    void wildcardNeedsItsSlash() {
        assertEquals(404, call(users, "GET", "/static").status());
    }

    @Test
    void parameterDoesNotMatchAnEmptySegment() {
        assertEquals(404, call(users, "GET", "/users/").status());
    }

    @Test
    void trailingSlashIsASegmentOfItsOwn() {
        assertEquals(404, call(users, "POST", "/echo/").status());
    }

    @Test
    void unknownPathIs404() {
        TestResponse response = call(users, "GET", "/nothing/here");
        assertEquals(404, response.status());
        assertFalse(response.headers().contains("allow"));
    }

    @Test
    void knownPathWithOtherMethodIs405WithAllow() {
        TestResponse response = call(users, "POST", "/users/7");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD, PUT, DELETE, PATCH, OPTIONS", response.headers().get("allow"));
    }

    @Test
    void allowOf405ListsTheMethodsOfEveryMatchingPattern() {
        Router router = Router.builder()
                .get("/a/b", answer("literal"))
                .post("/a/{x}", answer("param"))
                .build();
        TestResponse response = call(router, "PUT", "/a/b");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD, POST, OPTIONS", response.headers().get("allow"));
    }

    @Test
    void headIsAnsweredByTheGetRoute() {
        TestResponse response = call(users, "HEAD", "/users/7");
        assertEquals(200, response.status());
        assertEquals("user", response.header("x-route"));
        assertEquals(Integer.toString("user {id=7}".length()), response.header("content-length"),
                "the length of the GET body");
    }

    @Test
    void explicitHeadRouteWinsOverGet() {
        Router router = Router.builder().get("/x", answer("get")).head("/x", answer("head")).build();
        assertEquals("head", call(router, "HEAD", "/x").header("x-route"));
    }

    @Test
    void headWithoutGetRouteIs405() {
        assertEquals(405, call(users, "HEAD", "/echo").status());
    }

    @Test
    void optionsIsAnsweredAutomaticallyWithAllow() {
        TestResponse response = call(users, "OPTIONS", "/echo");
        assertEquals(204, response.status());
        assertEquals("POST, OPTIONS", response.headers().get("allow"));
    }

    @Test
    void explicitOptionsRouteReplacesTheAutomaticAnswer() {
        Router router = Router.builder().get("/x", answer("get")).options("/x", answer("options")).build();
        assertEquals("options {}", body(call(router, "OPTIONS", "/x")));
    }

    @Test
    void optionsOnUnknownPathIs404() {
        assertEquals(404, call(users, "OPTIONS", "/nothing").status());
    }

    @Test
    void optionsAsteriskListsEveryMethodTheRouterKnows() {
        TestResponse response = call(users, "OPTIONS", "*");
        assertEquals(204, response.status());
        assertEquals("GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, PROPFIND", response.headers().get("allow"));
    }

    @Test
    void extensionMethodIsRouted() {
        assertEquals("propfind {name=x}", body(call(users, "PROPFIND", "/dav/x")));
        assertEquals(405, call(users, "GET", "/dav/x").status());
    }

    @Test
    void methodsAreCaseSensitive() {
        assertEquals(405, call(users, "get", "/users/7").status());
    }

    @Test
    void absoluteFormTargetIsRoutedByItsPath() {
        assertEquals("user {id=9}", body(call(users, "GET", "http://example.com/users/9?q=1")));
    }

    @Test
    void sameMethodOnEquivalentPatternsIsRejected() {
        Router.Builder builder = Router.builder().get("/users/{id}", answer("a")).get("/users/{name}", answer("b"));
        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void malformedPatternsAreRejected() {
        Router.Builder builder = Router.builder();
        Handler h = answer("x");
        assertThrows(IllegalArgumentException.class, () -> builder.get("users", h));
        assertThrows(IllegalArgumentException.class, () -> builder.get("/a/*/b", h));
        assertThrows(IllegalArgumentException.class, () -> builder.get("/a/{}", h));
        assertThrows(IllegalArgumentException.class, () -> builder.get("/a/{x}/{x}", h));
        assertThrows(IllegalArgumentException.class, () -> builder.get("/a/x{y}", h));
        assertThrows(IllegalArgumentException.class, () -> builder.route("GE T", "/a", h));
        assertThrows(IllegalArgumentException.class, () -> builder.route("", "/a", h));
    }

    @Test
    void routerIsImmutableOnceBuilt() {
        Router.Builder builder = Router.builder().get("/a", answer("a"));
        Router router = builder.build();
        builder.get("/b", answer("b"));
        assertEquals(404, call(router, "GET", "/b").status());
        assertEquals(200, call(builder.build(), "GET", "/b").status());
    }

    @Test
    void literalRouteLeavesNoPathParameters() {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        Router router = Router.builder().get("/plain", r -> {
            seen.set(r.pathParameters());
            return Response.of(204);
        }).build();
        call(router, "GET", "/plain");
        assertTrue(seen.get().isEmpty());
    }

    /** Called directly: through a connection the server's 500 would hide whether the router let it through. */
    @Test
    void handlerExceptionPropagatesToTheServer() {
        Router router = Router.builder().get("/boom", r -> {
            throw new IllegalStateException("boom");
        }).build();
        assertThrows(IllegalStateException.class, () -> router.handle(TestRequests.request("GET", "/boom")));
        assertEquals(500, call(router, "GET", "/boom").status(), "which the server answers with 500");
    }
}
