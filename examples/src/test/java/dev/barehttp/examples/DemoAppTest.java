package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.codec.Headers;
import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo routes' answers, through the codecs and the connection driver with no socket. */
class DemoAppTest {
    private final TestClient client = TestClient.of(DemoApp.router());

    @Test
    void rootIsAnHtmlPageListingTheRoutes() {
        TestResponse response = client.get("/");
        assertEquals(200, response.status());
        assertEquals("text/html; charset=utf-8", response.header("content-type"));
        for (String route : List.of("/yourproblem", "/myproblem", "/echo", "/users/", "/stream", "/plaintext")) {
            assertTrue(response.bodyText().contains(route), route);
        }
    }

    @Test
    void yourProblemIs400AndMyProblemIs500() {
        TestResponse yours = client.get("/yourproblem");
        assertEquals(400, yours.status());
        assertTrue(yours.bodyText().contains("client"));
        assertEquals(500, client.get("/myproblem").status());
    }

    @Test
    void echoReturnsTheBodyWithItsContentType() {
        TestResponse response = client.send("POST", "/echo",
                Headers.of("Content-Type", "application/x-www-form-urlencoded"),
                "hello world".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.status());
        assertEquals("hello world", response.bodyText());
        assertEquals("application/x-www-form-urlencoded", response.header("content-type"));
    }

    @Test
    void userRouteAnswersJsonWithTheId() {
        TestResponse response = client.get("/users/42");
        assertEquals(200, response.status());
        assertEquals("application/json", response.header("content-type"));
        assertEquals("{\"id\": \"42\", \"action\": \"found\"}", response.bodyText());
    }

    @Test
    void userRouteTakesPutPatchAndDelete() {
        assertEquals("{\"id\": \"7\", \"action\": \"replaced\", \"bytes\": 13}",
                client.put("/users/7", "{\"name\": \"x\"}").bodyText());
        TestResponse patch = client.send("PATCH", "/users/7", Headers.EMPTY, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"id\": \"7\", \"action\": \"patched\", \"bytes\": 2}", patch.bodyText());
        assertEquals(204, client.delete("/users/7").status());
    }

    @Test
    void streamSendsNLinesChunked() {
        TestResponse response = client.get("/stream?n=3");
        assertEquals(200, response.status());
        assertEquals("chunked", response.header("transfer-encoding"));
        assertEquals("line 1 of 3\nline 2 of 3\nline 3 of 3\n", response.bodyText());
    }

    @Test
    void streamRejectsABadCount() {
        assertEquals(400, client.get("/stream?n=-1").status());
        assertEquals(400, client.get("/stream?n=1001").status());
    }

    @Test
    void plaintextFollowsTheTechEmpowerRules() {
        TestResponse response = client.get("/plaintext");
        assertEquals(200, response.status());
        assertEquals("Hello, World!", response.bodyText());
        assertEquals("text/plain", response.header("content-type"));
        assertEquals("barehttp", response.header("server"));
        assertTrue(response.header("date") != null);
        assertEquals("13", response.header("content-length"));
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertEquals(404, client.get("/no/such/route").status());
        TestResponse response = client.post("/plaintext", new byte[0]);
        assertEquals(405, response.status());
        assertEquals("GET, HEAD, OPTIONS", response.header("allow"));
    }

    @Test
    void headOfPlaintextHasTheGetLengthAndNoBody() {
        TestResponse response = client.head("/plaintext");
        assertEquals(200, response.status());
        assertEquals("13", response.header("content-length"));
        assertEquals(0, response.body().length);
    }

    /** HTML standard section 9.2: one event per id, multi-line data, retry, heartbeat comments. */
    @Test
    void html_9_2_eventsAreAnEventStreamThatResumesAfterLastEventId() {
        TestResponse first = client.get("/events?n=2");
        assertEquals(200, first.status());
        assertEquals("text/event-stream", first.header("content-type"));
        assertEquals("chunked", first.header("transfer-encoding"));
        assertEquals("retry: 2000\n\nid: 1\nevent: count\ndata: event 1\ndata: of 2\n\n: heartbeat\n"
                + "id: 2\nevent: count\ndata: event 2\ndata: of 2\n\n", first.bodyText());
        TestResponse resumed = client.send("GET", "/events?n=1", Headers.of("Last-Event-ID", "41"), new byte[0]);
        assertTrue(resumed.bodyText().contains("id: 42\n"), resumed.bodyText());
    }

    /** RFC 9110 section 15.4.9: 308 with a Location. */
    @Test
    void rfc9110_15_4_9_movedIsAPermanentRedirect() {
        TestResponse response = client.get("/moved");
        assertEquals(308, response.status());
        assertEquals("/", response.header("location"));
    }

    /** Fetch standard section 3.2: the CORS filter answers the preflight before the router's OPTIONS. */
    @Test
    void fetch_3_2_preflightIsAnsweredByTheCorsFilter() {
        TestResponse preflight = client.send("OPTIONS", "/users/7", Headers.of("Origin", DemoApp.CORS_ORIGIN,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type"), new byte[0]);
        assertEquals(204, preflight.status());
        assertEquals(DemoApp.CORS_ORIGIN, preflight.header("access-control-allow-origin"));
        assertEquals("GET, POST, PUT, PATCH, DELETE", preflight.header("access-control-allow-methods"));
        assertEquals("Content-Type, Authorization", preflight.header("access-control-allow-headers"));
        assertEquals("600", preflight.header("access-control-max-age"));
        assertNull(preflight.header("allow"), "not the router's automatic OPTIONS");
        TestResponse actual = client.send("GET", "/users/7", Headers.of("Origin", DemoApp.CORS_ORIGIN), new byte[0]);
        assertEquals(DemoApp.CORS_ORIGIN, actual.header("access-control-allow-origin"));
        assertEquals("Origin", actual.header("vary"));
    }
}
