package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
