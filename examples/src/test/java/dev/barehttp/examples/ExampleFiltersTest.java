package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The example filters around a handler, through the TestClient: logging, basic authentication, CORS. */
class ExampleFiltersTest {
    private static final Handler OK = request -> Response.ok("ok " + request.attribute(BasicAuthFilter.USER));
    private static final CorsFilter CORS = new CorsFilter("/", Set.of("https://app.example"), List.of("GET", "PUT"),
            List.of("Content-Type"), List.of("ETag"), Duration.ofMinutes(10));

    private static Request request(String method, String... fields) {
        Headers.Builder headers = Headers.builder().add("host", "x");
        for (int i = 0; i < fields.length; i += 2) {
            headers.add(fields[i], fields[i + 1]);
        }
        return new Request(new RequestHead(method, "/r", HttpVersion.HTTP_1_1, headers.build(), 0),
                InputStream.nullInputStream(), () -> Headers.EMPTY, null, null, false);
    }

    /** {@code handler}'s answer to {@code method /r} with the given fields, through the TestClient. */
    private static TestResponse send(Handler handler, String method, String... fields) {
        Headers.Builder headers = Headers.builder().add("host", "x");
        for (int i = 0; i < fields.length; i += 2) {
            headers.add(fields[i], fields[i + 1]);
        }
        return TestClient.of(handler).send(method, "/r", headers.build(), new byte[0]);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(TestResponse response) {
        return response.bodyText();
    }

    @Test
    void loggingWritesALineInAndALineOutWithTheStatus() throws Exception {
        List<String> lines = new ArrayList<>();
        AtomicLong nanos = new AtomicLong();
        send(OK.with(new LoggingFilter(() -> true, lines::add, () -> nanos.getAndAdd(3_000_000))), "GET");
        assertEquals(List.of("-> GET /r", "<- 200 GET /r in 3 ms"), lines);
    }

    @Test
    void loggingWritesNothingWhileItsLoggerIsOff() throws Exception {
        List<String> lines = new ArrayList<>();
        assertEquals(200, send(OK.with(new LoggingFilter(() -> false, lines::add, System::nanoTime)), "GET")
                .status());
        assertEquals(List.of(), lines);
    }

    @Test
    void corsLeavesPathsOutsideItsPrefixAlone() throws Exception {
        CorsFilter api = new CorsFilter("/api/", Set.of("https://app.example"), List.of("GET"), List.of(), List.of(),
                Duration.ZERO);
        TestResponse r = send(OK.with(api), "GET", "Origin", "https://app.example");
        assertNull(r.headers().get("vary"));
        assertNull(r.headers().get("access-control-allow-origin"));
    }

    /** Called directly: through a connection the server's 500 would hide whether the filter let it through. */
    @Test
    void loggingNotesAFailureAndRethrowsIt() {
        List<String> lines = new ArrayList<>();
        Handler failing = r -> {
            throw new IllegalStateException("x");
        };
        assertThrows(IllegalStateException.class,
                () -> failing.with(new LoggingFilter(() -> true, lines::add, System::nanoTime)).handle(request("GET")));
        assertEquals("<- failed GET /r: IllegalStateException", lines.get(1));
    }

    private final BasicAuthFilter auth = new BasicAuthFilter("admin area", Map.of("alice", "s3cr\u00e9t"));

    /** RFC 7617 section 2: user-id ":" password, Base64, UTF-8 when the challenge says charset="UTF-8". */
    @Test
    void rfc7617_2_goodCredentialsPassTheUserOn() throws Exception {
        assertEquals("ok alice", body(send(OK.with(auth), "GET", "Authorization", basic("alice:s3cr\u00e9t"))));
        assertEquals("ok alice", body(send(OK.with(auth), "GET", "Authorization",
                "bAsIc " + basic("alice:s3cr\u00e9t").substring(6))), "the scheme is case-insensitive (RFC 9110 11.1)");
    }

    /** RFC 9110 section 11.6.1: a 401 carries a challenge; RFC 7617 section 2.1 adds charset. */
    @Test
    void rfc7617_2_1_missingOrWrongCredentialsAre401WithAChallenge() {
        for (String authorization : new String[] {null, basic("alice:wrong"), basic("bob:s3cr\u00e9t"), basic("alice"),
                "Basic !!!notbase64", "Bearer abc", "Basic", basic("alice:s3cr\u00e9t").replace("Basic ", "Basic  ")}) {
            TestResponse r = authorization == null ? send(OK.with(auth), "GET")
                    : send(OK.with(auth), "GET", "Authorization", authorization);
            assertEquals(401, r.status(), String.valueOf(authorization));
            assertEquals("Basic realm=\"admin area\", charset=\"UTF-8\"", r.header("www-authenticate"));
        }
    }

    /** Fetch standard section 3.2.2: a preflight is OPTIONS with Origin and Access-Control-Request-Method. */
    @Test
    void fetch_3_2_2_preflightFromAnAllowedOriginIs204WithMethodsHeadersAndMaxAge() throws Exception {
        TestResponse r = send(OK.with(CORS), "OPTIONS", "Origin", "https://app.example",
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type");
        assertEquals(204, r.status());
        assertEquals("https://app.example", r.headers().get("access-control-allow-origin"));
        assertEquals("GET, PUT", r.headers().get("access-control-allow-methods"));
        assertEquals("Content-Type", r.headers().get("access-control-allow-headers"));
        assertEquals("600", r.headers().get("access-control-max-age"));
        assertEquals("Origin, Access-Control-Request-Method, Access-Control-Request-Headers", r.headers().get("vary"));
    }

    @Test
    void fetch_3_2_3_preflightFromAnotherOriginGetsNoCorsFields() throws Exception {
        TestResponse r = send(OK.with(CORS), "OPTIONS", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "PUT");
        assertEquals(204, r.status());
        assertNull(r.headers().get("access-control-allow-origin"));
        assertNull(r.headers().get("access-control-allow-methods"));
        assertEquals("Origin, Access-Control-Request-Method, Access-Control-Request-Headers", r.headers().get("vary"));
    }

    @Test
    void fetch_3_2_3_actualRequestFromAnAllowedOriginGetsAllowOriginExposeAndVary() throws Exception {
        TestResponse r = send(OK.with(CORS), "GET", "Origin", "https://app.example");
        assertEquals("ok null", body(r));
        assertEquals("https://app.example", r.headers().get("access-control-allow-origin"));
        assertEquals("ETag", r.headers().get("access-control-expose-headers"));
        assertEquals("Origin", r.headers().get("vary"));
    }

    /** RFC 9110 section 12.5.5: the answer depends on Origin, so it says so even without one. */
    @Test
    void rfc9110_12_5_5_requestsWithoutOrExcludedOriginStillSayVaryOrigin() throws Exception {
        TestResponse none = send(OK.with(CORS), "GET");
        TestResponse other = send(OK.with(CORS), "GET", "Origin", "https://evil.example");
        for (TestResponse r : List.of(none, other)) {
            assertEquals("Origin", r.headers().get("vary"));
            assertNull(r.headers().get("access-control-allow-origin"));
        }
    }

    @Test
    void aPlainOptionsWithoutRequestMethodIsNotAPreflight() throws Exception {
        TestResponse r = send(OK.with(CORS), "OPTIONS", "Origin", "https://app.example");
        assertEquals("ok null", body(r), "it reaches the handler");
    }
}
