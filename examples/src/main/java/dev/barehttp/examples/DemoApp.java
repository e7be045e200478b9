package dev.barehttp.examples;

import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.Router;
import dev.barehttp.codec.HttpProtocolException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code demo} app: a {@link Router} with one route per feature a first user wants to see
 * (status codes, an echoed body, path parameters, a streamed body, the TechEmpower plaintext test).
 */
final class DemoApp {
    /** The largest body {@code POST /echo}, {@code PUT} and {@code PATCH} accept (413 past it). */
    static final long BODY_LIMIT = 10L * 1024 * 1024;
    /** The most lines {@code GET /stream} sends. */
    static final int STREAM_MAX_LINES = 1000;
    /** The pause between two streamed lines, so a client sees them arrive one by one. */
    static final long STREAM_PAUSE_MILLIS = 100;

    private static final String INDEX_HTML = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>barehttp demo</title></head>
            <body>
            <h1>barehttp demo</h1>
            <ul>
            <li>GET <a href="/">/</a> - this page</li>
            <li>GET <a href="/yourproblem">/yourproblem</a> - 400, the client's fault</li>
            <li>GET <a href="/myproblem">/myproblem</a> - 500, the server's fault</li>
            <li>POST /echo - the body back, with its Content-Type</li>
            <li>GET <a href="/users/42">/users/{id}</a> - JSON with the id; PUT, PATCH, DELETE too</li>
            <li>GET <a href="/stream?n=5">/stream?n=5</a> - n lines, chunked, one at a time</li>
            <li>GET <a href="/plaintext">/plaintext</a> - Hello, World!</li>
            </ul>
            </body></html>
            """;

    private static final Response INDEX = Response.bytes(200, "text/html; charset=utf-8",
            INDEX_HTML.getBytes(StandardCharsets.UTF_8));
    private static final Response YOUR_PROBLEM = Response.text(400,
            "400 Bad Request: this route always blames the client, to show a client error.\n");
    private static final Response MY_PROBLEM = Response.text(500,
            "500 Internal Server Error: this route always blames itself, to show a server error.\n");
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    // Built once: the plaintext route allocates nothing of its own per request.
    private static final Response PLAINTEXT = Response.bytes(200, "text/plain", HELLO)
            .withHeader("Server", "barehttp");

    private DemoApp() {
    }

    /** The demo's router. */
    static Router router() {
        return Router.builder()
                .get("/", request -> INDEX)
                .get("/yourproblem", request -> YOUR_PROBLEM)
                .get("/myproblem", request -> MY_PROBLEM)
                .post("/echo", DemoApp::echo)
                .get("/users/{id}", request -> user(request, "found", -1))
                .put("/users/{id}", request -> user(request, "replaced", request.bodyBytes(BODY_LIMIT).length))
                .patch("/users/{id}", request -> user(request, "patched", request.bodyBytes(BODY_LIMIT).length))
                .delete("/users/{id}", request -> Response.of(204))
                .get("/stream", DemoApp::stream)
                .get("/plaintext", request -> PLAINTEXT)
                .build();
    }

    private static Response echo(Request request) throws IOException {
        String type = request.header("content-type");
        return Response.bytes(200, type == null ? "application/octet-stream" : type, request.bodyBytes(BODY_LIMIT));
    }

    private static Response user(Request request, String action, int bodyBytes) {
        JsonWriter json = new JsonWriter().beginObject()
                .name("id").value(request.pathParameter("id"))
                .name("action").value(action);
        if (bodyBytes >= 0) {
            json.name("bytes").value(bodyBytes);
        }
        return Response.bytes(200, "application/json", json.endObject().toBytes());
    }

    private static Response stream(Request request) {
        int lines = lineCount(request.queryParameter("n"));
        return Response.stream(200, out -> writeLines(out, lines))
                .withHeader("Content-Type", "text/plain; charset=utf-8");
    }

    /** The {@code n} query parameter: 5 when absent, 400 unless a number from 0 to {@link #STREAM_MAX_LINES}. */
    static int lineCount(String n) {
        if (n == null) {
            return 5;
        }
        if (n.isEmpty() || n.length() > 4 || !n.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(n) > STREAM_MAX_LINES) {
            throw HttpProtocolException.badRequest("n must be a number from 0 to " + STREAM_MAX_LINES);
        }
        return Integer.parseInt(n);
    }

    private static void writeLines(OutputStream out, int lines) throws IOException {
        for (int i = 1; i <= lines; i++) {
            out.write(("line " + i + " of " + lines + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (i < lines) {
                pause();
            }
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(STREAM_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming", e);
        }
    }
}
