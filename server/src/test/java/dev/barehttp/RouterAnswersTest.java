package dev.barehttp;

import static dev.barehttp.TestRequests.body;
import static dev.barehttp.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The router's own answers made by the application: 404 and 405 pages. */
class RouterAnswersTest {
    private final Router router = Router.builder()
            .get("/users/{id}", r -> Response.ok("user"))
            .notFound(r -> Response.bytes(404, "application/json", ("{\"missing\": \"" + r.path() + "\"}").getBytes()))
            .methodNotAllowed(r -> Response.text(405, "use " + r.attribute(Router.ALLOWED_METHODS) + "\n"))
            .build();

    @Test
    void customNotFoundAnswersUnmatchedPaths() throws Exception {
        Response response = router.handle(request("GET", "/nope"));
        assertEquals(404, response.status());
        assertEquals("application/json", response.headers().get("content-type"));
        assertEquals("{\"missing\": \"/nope\"}", body(response));
        assertEquals(404, router.handle(request("GET", "*")).status(), "asterisk-form GET is not found either");
    }

    /** RFC 9110 section 15.5.6: a 405 carries Allow, also when the application writes the answer. */
    @Test
    void rfc9110_15_5_6_customMethodNotAllowedStillCarriesAllow() throws Exception {
        Response response = router.handle(request("DELETE", "/users/7"));
        assertEquals(405, response.status());
        assertEquals("GET, HEAD, OPTIONS", response.headers().get("allow"));
        assertEquals("use GET, HEAD, OPTIONS\n", body(response));
    }

    @Test
    void rfc9110_15_5_6_anAllowTheHandlerSetIsReplacedByTheTrueOne() throws Exception {
        Router lying = Router.builder().get("/a", r -> Response.ok("a"))
                .methodNotAllowed(r -> Response.of(405).withHeader("Allow", "POST")).build();
        assertEquals("GET, HEAD, OPTIONS", lying.handle(request("PUT", "/a")).headers().get("allow"));
    }

    @Test
    void defaultsStayPlainText() throws Exception {
        Router plain = Router.builder().get("/a", r -> Response.ok("a")).build();
        assertEquals("Not Found\n", body(plain.handle(request("GET", "/b"))));
        assertEquals("Method Not Allowed\n", body(plain.handle(request("POST", "/a"))));
    }
}
