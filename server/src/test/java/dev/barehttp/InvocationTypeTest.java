package dev.barehttp;

import static dev.barehttp.InvocationType.BLOCKING;
import static dev.barehttp.InvocationType.NON_BLOCKING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How handlers, filters and routers declare that they never block, and how declarations combine. */
class InvocationTypeTest {
    private static final Handler PLAIN = request -> Response.ok("plain");
    private static final Handler DECLARED = Handler.nonBlocking(request -> Response.ok("declared"));
    private static final Filter PASS = (request, next) -> next.handle(request);
    private static final Filter DECLARED_PASS = Filter.nonBlocking((request, next) -> next.handle(request));

    private static RequestHead head(String method, String target) {
        return new RequestHead(method, target, HttpVersion.HTTP_1_1, Headers.of("Host", "x"), 0);
    }

    private static final RequestHead GET = head("GET", "/");

    @Test
    void aHandlerOrAFilterMayBlockUnlessDeclared() {
        assertEquals(BLOCKING, PLAIN.invocationType(GET));
        assertEquals(BLOCKING, PASS.invocationType(GET));
        assertEquals(NON_BLOCKING, DECLARED.invocationType(GET));
        assertEquals(NON_BLOCKING, DECLARED_PASS.invocationType(GET));
    }

    @Test
    void aFilteredHandlerIsNonBlockingOnlyWhenItAndEveryFilterAroundItAre() {
        assertEquals(NON_BLOCKING, DECLARED.with(DECLARED_PASS).invocationType(GET));
        assertEquals(BLOCKING, DECLARED.with(PASS).invocationType(GET));
        assertEquals(BLOCKING, PLAIN.with(DECLARED_PASS).invocationType(GET));
        assertEquals(BLOCKING, DECLARED.with(DECLARED_PASS).with(PASS).invocationType(GET));
        assertEquals(NON_BLOCKING, DECLARED_PASS.andThen(DECLARED_PASS).around(DECLARED).invocationType(GET));
        assertEquals(BLOCKING, DECLARED_PASS.andThen(PASS).around(DECLARED).invocationType(GET));
        assertEquals(BLOCKING, PASS.andThen(DECLARED_PASS).invocationType(GET));
    }

    @Test
    void theServersOwnInnermostFilterKeepsADeclarationAndStillRuns() throws Exception {
        assertEquals(NON_BLOCKING, HttpServer.served(DECLARED).invocationType(GET));
        assertEquals(BLOCKING, HttpServer.served(PLAIN).invocationType(GET));
        Handler failing = Handler.nonBlocking(request -> {
            throw new HttpException(Status.FORBIDDEN);
        });
        assertEquals(403, HttpServer.served(failing).handle(TestRequests.request("GET", "/")).status());
    }

    @Test
    void aDeclaredHandlerStillAnswersAsItself() throws Exception {
        assertEquals("declared", TestRequests.body(DECLARED.handle(TestRequests.request("GET", "/"))));
    }

    @Test
    void theRouterAnswersForTheRouteTheHeadMapsTo() {
        Router router = Router.builder()
                .get("/plaintext", DECLARED)
                .get("/users/{id}", DECLARED)
                .post("/users/{id}", PLAIN)
                .get("/files/*", PLAIN)
                .get("/guarded", DECLARED.with(PASS))
                .build();
        assertEquals(NON_BLOCKING, router.invocationType(head("GET", "/plaintext")));
        assertEquals(NON_BLOCKING, router.invocationType(head("GET", "/plaintext?x=1")));
        assertEquals(NON_BLOCKING, router.invocationType(head("HEAD", "/plaintext")), "HEAD is the GET route's");
        assertEquals(NON_BLOCKING, router.invocationType(head("GET", "/users/7")));
        assertEquals(BLOCKING, router.invocationType(head("POST", "/users/7")));
        assertEquals(BLOCKING, router.invocationType(head("GET", "/files/a/b")));
        assertEquals(BLOCKING, router.invocationType(head("GET", "/guarded")), "a route filter counts");
        assertEquals(NON_BLOCKING, router.invocationType(head("GET", "/a/../plaintext")), "matched as dispatched");
    }

    @Test
    void theRoutersOwnAnswersNeverBlockButCustomOnesCountAsDeclared() {
        Router plain = Router.builder().get("/a", PLAIN).build();
        assertEquals(NON_BLOCKING, plain.invocationType(head("GET", "/missing")), "the default 404");
        assertEquals(NON_BLOCKING, plain.invocationType(head("DELETE", "/a")), "the default 405");
        assertEquals(NON_BLOCKING, plain.invocationType(head("OPTIONS", "*")), "OPTIONS *");
        assertEquals(NON_BLOCKING, plain.invocationType(head("GET", "/%zz")), "a bad path is answered 400 first");
        Router custom = Router.builder().get("/a", PLAIN).notFound(request -> Response.text(404, "custom")).build();
        assertEquals(BLOCKING, custom.invocationType(head("GET", "/missing")));
    }

    @Test
    void aRouteRunsOnlyBehindRouterFiltersThatAreAllDeclared() {
        Router declared = Router.builder().filter(DECLARED_PASS).filter(DECLARED_PASS).get("/p", DECLARED).build();
        Router oneUndeclared = Router.builder().filter(DECLARED_PASS).filter(PASS).get("/p", DECLARED).build();
        assertEquals(NON_BLOCKING, declared.invocationType(head("GET", "/p")));
        assertEquals(BLOCKING, oneUndeclared.invocationType(head("GET", "/p")));
        assertEquals(BLOCKING, oneUndeclared.invocationType(head("GET", "/missing")), "filters see 404s too");
    }

    @Test
    void askingRunsNothing() {
        AtomicInteger runs = new AtomicInteger();
        Handler counted = Handler.nonBlocking(request -> {
            runs.incrementAndGet();
            return Response.ok("x");
        });
        Filter countedFilter = Filter.nonBlocking((request, next) -> {
            runs.incrementAndGet();
            return next.handle(request);
        });
        Router router = Router.builder().filter(countedFilter).get("/x", counted).build();
        assertEquals(NON_BLOCKING, router.invocationType(head("GET", "/x")));
        assertEquals(0, runs.get());
    }

    @Test
    void aFilterMayDecidePerRequest() {
        Filter onlyGets = new Filter() {
            @Override
            public Response filter(Request request, Handler next) throws Exception {
                return next.handle(request);
            }

            @Override
            public InvocationType invocationType(RequestHead head) {
                return head.method().equals("GET") ? NON_BLOCKING : BLOCKING;
            }
        };
        Handler h = DECLARED.with(onlyGets);
        assertEquals(NON_BLOCKING, h.invocationType(GET));
        assertEquals(BLOCKING, h.invocationType(head("POST", "/")));
    }
}
