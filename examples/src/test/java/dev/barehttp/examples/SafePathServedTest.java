package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.Response;
import dev.barehttp.Router;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Routing by decoded segments over real connections, on every transport: what reaches a route's parameters. */
class SafePathServedTest {
    private static final Router ROUTER = Router.builder()
            .get("/files/*", r -> Response.ok("rest=" + r.pathParameter("*") + "\n"))
            .get("/users/{id}", r -> Response.ok("id=" + r.pathParameter("id") + "\n"))
            .get("/keys/{key...}", r -> Response.ok("key=" + r.pathParameter("key") + "\n"))
            .get("/secret", r -> Response.ok("SECRET\n"))
            .build();

    static List<String> transports() {
        return RunningServer.transports();
    }

    private static RawResponse one(RunningServer server, String target) throws Exception {
        String wire = server.exchangeRaw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
        return RawResponse.parseAll(wire).get(0);
    }

    /** RFC 3986 section 5.2.4: dot segments are removed, plainly written or as %2e, before a route is chosen. */
    @ParameterizedTest
    @MethodSource("transports")
    void dotSegmentsAreRemovedAndAClimbAboveTheRootIs400(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(ROUTER, transport)) {
            assertEquals("rest=b\n", one(server, "/files/a/../b").body());
            assertEquals("rest=b\n", one(server, "/files/a/%2e%2E/b").body());
            assertEquals("id=7\n", one(server, "/users/./7").body());
            assertEquals(400, one(server, "/files/../../secret").status());
            assertEquals(400, one(server, "/%2e%2e/secret").status());
            assertEquals(400, one(server, "http://x/../secret").status());
        }
    }

    /** RFC 3986 section 2.2: %2F is data; no {name} or * binds it, only a {name...} rest. */
    @ParameterizedTest
    @MethodSource("transports")
    void encodedSlashReachesOnlyARestParameter(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(ROUTER, transport)) {
            assertEquals(404, one(server, "/files/..%2Fsecret").status());
            assertEquals(404, one(server, "/users/..%2F..%2Fsecret").status());
            assertEquals(404, one(server, "/files%2F..%2Fsecret").status());
            assertEquals("key=a/b\n", one(server, "/keys/a%2Fb").body());
        }
    }

    /** RFC 3629 section 3 and CWE-158: overlong UTF-8, invalid UTF-8 and NUL are 400; a raw backslash is no target char. */
    @ParameterizedTest
    @MethodSource("transports")
    void malformedSegmentsAre400(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(ROUTER, transport)) {
            for (String target : List.of("/files/%c0%ae%c0%ae/secret", "/files/%ff", "/files/a%00", "/files/..\\secret")) {
                assertEquals(400, one(server, target).status(), target);
            }
            assertEquals("rest=..\\secret\n", one(server, "/files/..%5csecret").body(), "%5c is data, not a separator");
        }
    }
}
