package dev.barehttp.examples;

import dev.barehttp.EventStream;
import dev.barehttp.Filter;
import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.Router;
import dev.barehttp.ServerSentEvent;
import dev.barehttp.SetCookie;
import dev.barehttp.Status;
import dev.barehttp.codec.HttpProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code demo} app: a {@link Router} with one route per feature a first user wants to see
 * (status codes, an echoed body, path parameters, a streamed body, the TechEmpower plaintext test,
 * server-sent events, a cookie, a redirect, basic authentication), behind a logging and a CORS filter.
 *
 * <p>The pure routes, {@code /} and {@code /plaintext}, answer a constant and are declared
 * {@link Handler#nonBlocking non-blocking}; both router filters never block either (the logging filter
 * only while its logger is off), so on the {@code nio} transport those two routes are answered on the
 * selector thread. Every other route may block (a body, a sleep, a WebSocket) and runs off it.
 */
final class DemoApp {
    /** The largest body {@code PUT} and {@code PATCH} accept (413 past it); {@code POST /echo} takes any size. */
    static final long BODY_LIMIT = 10L * 1024 * 1024;
    /** The most lines {@code GET /stream} sends. */
    static final int STREAM_MAX_LINES = 1000;
    /** The pause between two streamed lines, so a client sees them arrive one by one. */
    static final long STREAM_PAUSE_MILLIS = 100;
    /** The buffer {@code POST /echo} copies through: its memory, whatever the body's size. */
    static final int ECHO_BUFFER = 16 * 1024;
    /** The origin the demo's CORS filter lets in to {@code /users/}, a typical front-end development server. */
    static final String CORS_ORIGIN = "http://localhost:3000";
    /** The user and password {@code /admin} lets in. */
    static final String ADMIN_USER = "demo";
    static final String ADMIN_PASSWORD = "demo";

    private static final String INDEX_HTML = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>barehttp demo</title></head>
            <body>
            <h1>barehttp demo</h1>
            <ul>
            <li>GET <a href="/">/</a> - this page</li>
            <li>GET <a href="/yourproblem">/yourproblem</a> - 400, the client's fault</li>
            <li>GET <a href="/myproblem">/myproblem</a> - 500, the server's fault</li>
            <li>POST /echo - the body back as it arrives, with its Content-Type, any size</li>
            <li>GET <a href="/users/42">/users/{id}</a> - JSON with the id; PUT, PATCH, DELETE too</li>
            <li>GET <a href="/stream?n=5">/stream?n=5</a> - n lines, chunked, one at a time</li>
            <li>GET <a href="/plaintext">/plaintext</a> - Hello, World!</li>
            <li>GET <a href="/plaintext/may-block">/plaintext/may-block</a> - the same, from a route that may block</li>
            <li>GET /ws - a WebSocket echo (RFC 6455)</li>
            <li>GET <a href="/events?n=5">/events?n=5</a> - n server-sent events; resumes after Last-Event-ID</li>
            <li>GET <a href="/visits">/visits</a> - counts your visits in a cookie</li>
            <li>GET <a href="/moved">/moved</a> - 308 to this page</li>
            <li>GET <a href="/secure">/secure</a> - whether this connection is TLS</li>
            <li>GET <a href="/admin">/admin</a> - basic authentication (demo / demo)</li>
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
        BasicAuthFilter admins = new BasicAuthFilter("barehttp demo", Map.of(ADMIN_USER, ADMIN_PASSWORD));
        CorsFilter cors = new CorsFilter("/users/", Set.of(CORS_ORIGIN), List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
                List.of("Content-Type", "Authorization"), List.of(), Duration.ofMinutes(10));
        return Router.builder()
                .filter(LoggingFilter.toSystemLogger())
                .filter(Filter.nonBlocking(cors))
                .get("/", Handler.nonBlocking(request -> INDEX))
                .get("/yourproblem", request -> YOUR_PROBLEM)
                .get("/myproblem", request -> MY_PROBLEM)
                .post("/echo", DemoApp::echo)
                .get("/users/{id}", request -> user(request, "found", -1))
                .put("/users/{id}", request -> user(request, "replaced", request.bodyBytes(BODY_LIMIT).length))
                .patch("/users/{id}", request -> user(request, "patched", request.bodyBytes(BODY_LIMIT).length))
                .delete("/users/{id}", request -> Response.of(204))
                .get("/stream", DemoApp::stream)
                .get("/plaintext", Handler.nonBlocking(request -> PLAINTEXT))
                // The same answer from a route that may block: what the declaration above is worth.
                .get("/plaintext/may-block", request -> PLAINTEXT)
                .get("/ws", new WebSocketEcho())
                .get("/events", DemoApp::events)
                .get("/visits", DemoApp::visits)
                .get("/moved", request -> Response.redirect(Status.PERMANENT_REDIRECT, "/"))
                .get("/secure", request -> Response.text(200, "secure=" + request.isSecure() + "\n"))
                .get("/admin", ((Handler) DemoApp::admin).with(admins))
                .build();
    }

    /** The body back as it arrives, one buffer at a time, each flushed: constant memory for any size. */
    private static Response echo(Request request) {
        String type = request.header("content-type");
        return Response.stream(200, out -> copy(request.body(), out))
                .withHeader("Content-Type", type == null ? "application/octet-stream" : type);
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[ECHO_BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    /** {@code n} events numbered from 1, or from one past the Last-Event-ID a reconnecting client sends. */
    private static Response events(Request request) {
        int count = lineCount(request.queryParameter("n"));
        String last = EventStream.lastEventId(request);
        int first = last == null ? 1 : smallNumber(last) + 1;
        if (first <= 0) {
            throw HttpProtocolException.badRequest("Last-Event-ID must be a number this stream sent");
        }
        return EventStream.response(events -> {
            events.retry(Duration.ofSeconds(2));
            for (int id = first; id < first + count; id++) {
                events.send(ServerSentEvent.of("event " + id + "\nof " + count).withEvent("count").withId(Integer.toString(id)));
                if (id + 1 < first + count) {
                    events.comment("heartbeat");
                    pause();
                }
            }
        });
    }

    /** Counts visits in a cookie; a cookie that is not a small number starts the count again. */
    private static Response visits(Request request) {
        String cookie = request.cookie("visits");
        int seen = cookie == null ? 0 : Math.max(0, smallNumber(cookie));
        int now = seen + 1;
        return Response.text(200, "visit " + now + "\n").withCookie(SetCookie.of("visits", Integer.toString(now))
                .path("/").maxAge(Duration.ofDays(30)).httpOnly().sameSite(SetCookie.SameSite.LAX));
    }

    private static Response admin(Request request) {
        return Response.text(200, "hello " + request.attribute(BasicAuthFilter.USER) + ", you are in\n")
                .withHeader("Cache-Control", "no-store");
    }

    /** {@code text} as a number of at most six ASCII digits, or -1 (no sign, no other digits). */
    static int smallNumber(String text) {
        if (text.isEmpty() || text.length() > 6) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
        int lines = smallNumber(n);
        if (lines < 0 || lines > STREAM_MAX_LINES) {
            throw HttpProtocolException.badRequest("n must be a number from 0 to " + STREAM_MAX_LINES);
        }
        return lines;
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
