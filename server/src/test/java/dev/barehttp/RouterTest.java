package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RouterTest {

    /** A handler whose body names the route and the parameters it saw. */
    private static Handler answer(String name) {
        return request -> Response.ok(name + " " + new java.util.TreeMap<>(request.pathParameters()));
    }

    private static Request request(String method, String target) {
        return new Request(new RequestHead(method, target, HttpVersion.HTTP_1_1, Headers.of("host", "x"), 0),
                InputStream.nullInputStream(), () -> Headers.EMPTY, null, null, false);
    }

    private static String body(Response response) {
        return new String(((Response.BytesBody) response.body()).bytes(), StandardCharsets.UTF_8);
    }

    private static Response call(Router router, String method, String target) throws Exception {
        return router.handle(request(method, target));
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

    @Test
    void literalPathIsRoutedToItsHandler() throws Exception {
        assertEquals("root {}", body(call(users, "GET", "/")));
        assertEquals("echo {}", body(call(users, "POST", "/echo")));
    }

    @Test
    void parameterSegmentIsBoundByName() throws Exception {
        assertEquals("user {id=7}", body(call(users, "GET", "/users/7")));
        assertEquals("post {id=7, post=42}", body(call(users, "GET", "/users/7/posts/42")));
    }

    @Test
    void parameterIsBoundFromThePercentDecodedPath() throws Exception {
        assertEquals("user {id=a b}", body(call(users, "GET", "/users/a%20b")));
    }

    /** RFC 3986 section 2.2: a %2F is data inside its segment, so it neither splits nor joins segments. */
    @Test
    void encodedSlashIsNoSeparatorAndNoParameterBindsIt() throws Exception {
        assertEquals(404, call(users, "GET", "/users/a%2Fb").status());
        assertEquals(404, call(users, "GET", "/users/7%2Fposts%2F1").status());
    }

    @Test
    void literalSegmentWinsOverParameter() throws Exception {
        assertEquals("me {}", body(call(users, "GET", "/users/me")));
    }

    @Test
    void literalBranchWithoutMatchFallsBackToParameter() throws Exception {
        assertEquals("post {id=me, post=1}", body(call(users, "GET", "/users/me/posts/1")));
    }

    @Test
    void literalBranchWithoutTheMethodFallsBackToParameterRoute() throws Exception {
        assertEquals("delete-user {id=me}", body(call(users, "DELETE", "/users/me")));
    }

    @Test
    void trailingWildcardBindsTheRestOfThePath() throws Exception {
        assertEquals("static {*=css/site.css}", body(call(users, "GET", "/static/css/site.css")));
        assertEquals("static {*=}", body(call(users, "GET", "/static/")));
    }

    @Test
    void wildcardNeedsItsSlash() throws Exception {
        assertEquals(404, call(users, "GET", "/static").status());
    }

    @Test
    void parameterDoesNotMatchAnEmptySegment() throws Exception {
        assertEquals(404, call(users, "GET", "/users/").status());
    }

    @Test
    void trailingSlashIsASegmentOfItsOwn() throws Exception {
        assertEquals(404, call(users, "POST", "/echo/").status());
    }

    @Test
    void unknownPathIs404() throws Exception {
        Response response = call(users, "GET", "/nothing/here");
        assertEquals(404, response.status());
        assertFalse(response.headers().contains("allow"));
    }

    @Test
    void knownPathWithOtherMethodIs405WithAllow() throws Exception {
        Response response = call(users, "POST", "/users/7");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD, PUT, DELETE, PATCH, OPTIONS", response.headers().get("allow"));
    }

    @Test
    void allowOf405ListsTheMethodsOfEveryMatchingPattern() throws Exception {
        Router router = Router.builder()
                .get("/a/b", answer("literal"))
                .post("/a/{x}", answer("param"))
                .build();
        Response response = call(router, "PUT", "/a/b");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD, POST, OPTIONS", response.headers().get("allow"));
    }

    @Test
    void headIsAnsweredByTheGetRoute() throws Exception {
        Response response = call(users, "HEAD", "/users/7");
        assertEquals(200, response.status());
        assertEquals("user {id=7}", body(response), "same body as GET, so the same Content-Length");
    }

    @Test
    void explicitHeadRouteWinsOverGet() throws Exception {
        Router router = Router.builder().get("/x", answer("get")).head("/x", answer("head")).build();
        assertEquals("head {}", body(call(router, "HEAD", "/x")));
    }

    @Test
    void headWithoutGetRouteIs405() throws Exception {
        assertEquals(405, call(users, "HEAD", "/echo").status());
    }

    @Test
    void optionsIsAnsweredAutomaticallyWithAllow() throws Exception {
        Response response = call(users, "OPTIONS", "/echo");
        assertEquals(204, response.status());
        assertEquals("POST, OPTIONS", response.headers().get("allow"));
    }

    @Test
    void explicitOptionsRouteReplacesTheAutomaticAnswer() throws Exception {
        Router router = Router.builder().get("/x", answer("get")).options("/x", answer("options")).build();
        assertEquals("options {}", body(call(router, "OPTIONS", "/x")));
    }

    @Test
    void optionsOnUnknownPathIs404() throws Exception {
        assertEquals(404, call(users, "OPTIONS", "/nothing").status());
    }

    @Test
    void optionsAsteriskListsEveryMethodTheRouterKnows() throws Exception {
        Response response = call(users, "OPTIONS", "*");
        assertEquals(204, response.status());
        assertEquals("GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, PROPFIND", response.headers().get("allow"));
    }

    @Test
    void extensionMethodIsRouted() throws Exception {
        assertEquals("propfind {name=x}", body(call(users, "PROPFIND", "/dav/x")));
        assertEquals(405, call(users, "GET", "/dav/x").status());
    }

    @Test
    void methodsAreCaseSensitive() throws Exception {
        assertEquals(405, call(users, "get", "/users/7").status());
    }

    @Test
    void absoluteFormTargetIsRoutedByItsPath() throws Exception {
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
    void routerIsImmutableOnceBuilt() throws Exception {
        Router.Builder builder = Router.builder().get("/a", answer("a"));
        Router router = builder.build();
        builder.get("/b", answer("b"));
        assertEquals(404, call(router, "GET", "/b").status());
        assertEquals(200, call(builder.build(), "GET", "/b").status());
    }

    @Test
    void literalRouteLeavesNoPathParameters() throws Exception {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        Router router = Router.builder().get("/plain", r -> {
            seen.set(r.pathParameters());
            return Response.of(204);
        }).build();
        call(router, "GET", "/plain");
        assertTrue(seen.get().isEmpty());
    }

    @Test
    void handlerExceptionPropagatesToTheServer() {
        Router router = Router.builder().get("/boom", r -> {
            throw new IllegalStateException("boom");
        }).build();
        assertThrows(IllegalStateException.class, () -> call(router, "GET", "/boom"));
    }
}
