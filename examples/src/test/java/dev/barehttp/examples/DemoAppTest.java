package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo routes over a real connection, on every transport on the class path. */
class DemoAppTest {

    static List<String> transports() {
        return RunningServer.transports();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void rootIsAnHtmlPageListingTheRoutes(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            HttpResponse<String> response = server.get("/");
            assertEquals(200, response.statusCode());
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("content-type").orElse(""));
            for (String route : List.of("/yourproblem", "/myproblem", "/echo", "/users/", "/stream", "/plaintext")) {
                assertTrue(response.body().contains(route), route);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void yourProblemIs400AndMyProblemIs500(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            HttpResponse<String> client = server.get("/yourproblem");
            assertEquals(400, client.statusCode());
            assertTrue(client.body().contains("client"));
            assertEquals(500, server.get("/myproblem").statusCode());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void echoReturnsTheBodyWithItsContentType(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/echo"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("hello world")));
            assertEquals(200, response.statusCode());
            assertEquals("hello world", response.body());
            assertEquals("application/x-www-form-urlencoded", response.headers().firstValue("content-type").orElse(""));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void userRouteAnswersJsonWithTheId(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            HttpResponse<String> response = server.get("/users/42");
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
            assertEquals("{\"id\": \"42\", \"action\": \"found\"}", response.body());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void userRouteTakesPutPatchAndDelete(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            HttpResponse<String> put = server.send(HttpRequest.newBuilder(server.uri("/users/7"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}")));
            assertEquals("{\"id\": \"7\", \"action\": \"replaced\", \"bytes\": 13}", put.body());
            HttpResponse<String> patch = server.send(HttpRequest.newBuilder(server.uri("/users/7"))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
            assertEquals("{\"id\": \"7\", \"action\": \"patched\", \"bytes\": 2}", patch.body());
            assertEquals(204, server.send(HttpRequest.newBuilder(server.uri("/users/7")).DELETE()).statusCode());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void streamSendsNLinesChunked(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            String wire = server.exchangeRaw("GET /stream?n=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            RawResponse response = RawResponse.parseAll(wire).get(0);
            assertEquals(200, response.status());
            assertEquals("chunked", response.header("transfer-encoding"));
            assertEquals("line 1 of 3\nline 2 of 3\nline 3 of 3\n", dechunk(response.body()));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void streamRejectsABadCount(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            assertEquals(400, server.get("/stream?n=-1").statusCode());
            assertEquals(400, server.get("/stream?n=1001").statusCode());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void plaintextFollowsTheTechEmpowerRules(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            HttpResponse<String> response = server.get("/plaintext");
            assertEquals(200, response.statusCode());
            assertEquals("Hello, World!", response.body());
            assertEquals("text/plain", response.headers().firstValue("content-type").orElse(""));
            assertEquals("barehttp", response.headers().firstValue("server").orElse(""));
            assertTrue(response.headers().firstValue("date").isPresent());
            assertEquals("13", response.headers().firstValue("content-length").orElse(""));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void unknownPathIs404AndWrongMethodIs405(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            assertEquals(404, server.get("/no/such/route").statusCode());
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/plaintext"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(405, response.statusCode());
            assertEquals("GET, HEAD, OPTIONS", response.headers().firstValue("allow").orElse(""));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void headOfPlaintextHasTheGetLengthAndNoBody(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            String wire = server.exchangeRaw("HEAD /plaintext HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            RawResponse response = RawResponse.parseAll(wire, true).get(0);
            assertEquals(200, response.status());
            assertEquals("13", response.header("content-length"));
            assertTrue(wire.endsWith("\r\n\r\n"), "no body after the head: " + wire);
        }
    }

    /** The data of a chunked body (no extensions or trailers expected). */
    static String dechunk(String chunked) {
        StringBuilder data = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd), 16);
            if (size == 0) {
                return data.toString();
            }
            data.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
