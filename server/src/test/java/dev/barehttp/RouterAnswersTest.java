package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.codec.Headers;
import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import org.junit.jupiter.api.Test;

/** The router's own answers made by the application: 404 and 405 pages. */
class RouterAnswersTest {
    private final Router router = Router.builder()
            .get("/users/{id}", r -> Response.ok("user"))
            .notFound(r -> Response.bytes(404, "application/json", ("{\"missing\": \"" + r.path() + "\"}").getBytes()))
            .methodNotAllowed(r -> Response.text(405, "use " + r.attribute(Router.ALLOWED_METHODS) + "\n"))
            .build();
    private final TestClient client = TestClient.of(router);

    private static TestResponse send(TestClient client, String method, String target) {
        return client.send(method, target, Headers.EMPTY, new byte[0]);
    }

    @Test
    void customNotFoundAnswersUnmatchedPaths() throws Exception {
        TestResponse response = send(client, "GET", "/nope");
        assertEquals(404, response.status());
        assertEquals("application/json", response.header("content-type"));
        assertEquals("{\"missing\": \"/nope\"}", response.bodyText());
        // The codec refuses GET * with 400 before any handler, so the router's own answer is asked directly.
        assertEquals(404, router.handle(TestRequests.request("GET", "*")).status(), "asterisk-form GET is not found either");
    }

    /** RFC 9110 section 15.5.6: a 405 carries Allow, also when the application writes the answer. */
    @Test
    void rfc9110_15_5_6_customMethodNotAllowedStillCarriesAllow() {
        TestResponse response = send(client, "DELETE", "/users/7");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD, OPTIONS", response.headers().get("allow"));
        assertEquals("use GET, HEAD, OPTIONS\n", response.bodyText());
    }

    @Test
    void rfc9110_15_5_6_anAllowTheHandlerSetIsReplacedByTheTrueOne() {
        Router lying = Router.builder().get("/a", r -> Response.ok("a"))
                .methodNotAllowed(r -> Response.of(405).withHeader("Allow", "POST")).build();
        assertEquals("GET, HEAD, OPTIONS", send(TestClient.of(lying), "PUT", "/a").headers().get("allow"));
    }

    @Test
    void defaultsStayPlainText() {
        Router plain = Router.builder().get("/a", r -> Response.ok("a")).build();
        assertEquals("Not Found\n", send(TestClient.of(plain), "GET", "/b").bodyText());
        assertEquals("Method Not Allowed\n", send(TestClient.of(plain), "POST", "/a").bodyText());
    }
}
