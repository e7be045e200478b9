package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a request path becomes segments, and that no route parameter can bind a way out of its place. */
class SafePathTest {
    private final Router router = Router.builder()
            .get("/files/*", r -> Response.ok("rest=" + r.pathParameter("*")))
            .get("/users/{id}", r -> Response.ok("id=" + r.pathParameter("id")))
            .get("/keys/{key...}", r -> Response.ok("key=" + r.pathParameter("key")))
            .get("/secret.txt", r -> Response.ok("SECRET"))
            .build();

    private static Request request(String target) {
        return new Request(new RequestHead("GET", target, HttpVersion.HTTP_1_1, Headers.of("host", "x"), 0),
                InputStream.nullInputStream(), () -> Headers.EMPTY, null, null, false);
    }

    private static int statusOf(Runnable call) {
        HttpProtocolException e = assertThrows(HttpProtocolException.class, call::run);
        return e.status();
    }

    /** The router's status and body for {@code GET target}, through the TestClient. */
    private String answer(String target) {
        TestResponse response = TestClient.of(router).get(target);
        return response.status() + " " + response.bodyText().strip();
    }

    /** RFC 3986 section 5.2.4: dot segments are removed before routing. */
    @Test
    void dotSegmentsAreRemovedBeforeMatching() throws Exception {
        assertEquals(List.of("a", "c"), request("/a/b/../c").pathSegments());
        assertEquals(List.of("a", ""), request("/a/b/..").pathSegments());
        assertEquals(List.of("a", ""), request("/a/.").pathSegments());
        assertEquals(List.of(""), request("/.").pathSegments());
        assertEquals("/a/c", request("/a/./b/../c").path());
        assertEquals("200 id=7", answer("/users/x/../7"));
    }

    /** RFC 3986 section 5.2.4, refused rather than clamped: a '..' above the root is a 400. */
    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../secret.txt", "/files/../../secret.txt", "/a/../../b"})
    void dotDotAboveTheRootIs400(String target) {
        assertEquals(400, statusOf(() -> request(target)));
    }

    /** RFC 3986 section 6.2.2.2: %2e is '.', so %2e%2e is a dot segment like '..'. */
    @Test
    void percentEncodedDotDotIsADotSegment() throws Exception {
        assertEquals(400, statusOf(() -> request("/%2e%2e/secret.txt")));
        assertEquals(400, statusOf(() -> request("/files/%2E%2E/.%2e/secret.txt")));
        assertEquals(List.of("b"), request("/a/%2e%2e/b").pathSegments());
        assertEquals("200 rest=b", answer("/files/a/%2e%2e/b"));
    }

    /** RFC 3986 section 2.2: %2F is data, so it cannot reach a parent through a '..' it hides. */
    @Test
    void encodedSlashStaysInsideItsSegment() throws Exception {
        assertEquals(List.of("files", "../secret.txt"), request("/files/..%2Fsecret.txt").pathSegments());
        assertEquals(404, router.handle(request("/files/..%2Fsecret.txt")).status(), "* never binds a %2F");
        assertEquals(404, router.handle(request("/users/..%2F..%2Fsecret.txt")).status(), "{id} never binds a %2F");
        assertEquals(404, router.handle(request("/secret%2Etxt%2F")).status());
    }

    /** RFC 3986 section 2.2: a literal route is not reached by a %2F that decodes to its slash. */
    @Test
    void encodedSlashDoesNotMatchALiteralRoute() throws Exception {
        Router literal = Router.builder().get("/a/b", r -> Response.ok("literal")).build();
        assertEquals(200, literal.handle(request("/a/b")).status());
        assertEquals(404, literal.handle(request("/a%2Fb")).status());
    }

    /** RFC 3986 section 2.2, by request: {@code {name...}} binds the rest of the path with its encoded slashes. */
    @Test
    void restParameterOptsIntoEncodedSlashes() throws Exception {
        assertEquals("200 key=a/b/c", answer("/keys/a%2Fb/c"));
        assertEquals("200 key=", answer("/keys/"));
    }

    /** Backslash (raw or %5c) is data in a URI path (RFC 3986 section 3.3), never a separator. */
    @Test
    void backslashIsNotASeparator() throws Exception {
        assertEquals(List.of("files", "..\\secret.txt"), request("/files/..%5csecret.txt").pathSegments());
        assertEquals(List.of("files", "..\\secret.txt"), request("/files/..\\secret.txt").pathSegments());
        assertEquals("200 rest=..\\secret.txt", answer("/files/..%5Csecret.txt"));
    }

    /** RFC 9112 section 3.2.2: an absolute-form target is routed by its path, dot segments removed too. */
    @Test
    void absoluteFormTargetIsNormalisedLikeOriginForm() throws Exception {
        assertEquals(400, statusOf(() -> request("http://example.com/../secret.txt")));
        assertEquals(400, statusOf(() -> request("http://example.com/%2e%2e/secret.txt")));
        assertEquals("200 rest=b", answer("http://example.com/files/a/../b"));
    }

    /** A NUL (%00) ends a name in C file APIs (CWE-158): refused with 400. */
    @Test
    void encodedNulIs400() {
        assertEquals(400, statusOf(() -> request("/files/a.txt%00.html")));
    }

    /** RFC 3629 section 3: overlong forms such as %c0%ae (an encoded '.') are invalid UTF-8 (CVE-2000-0884). */
    @ParameterizedTest
    @ValueSource(strings = {"/%c0%ae%c0%ae/secret.txt", "/files/%c0%af", "/%e0%80%ae"})
    void overlongUtf8Is400(String target) {
        assertEquals(400, statusOf(() -> request(target)));
    }

    /** RFC 3629 section 3: a lone continuation byte, a truncated sequence or a surrogate is a 400. */
    @ParameterizedTest
    @ValueSource(strings = {"/%80", "/files/%e2%82", "/%ed%a0%80", "/%ff"})
    void invalidUtf8Is400(String target) {
        assertEquals(400, statusOf(() -> request(target)));
    }

    /** RFC 3986 section 2.1: a malformed escape is refused, whatever the hex digit look-alikes. */
    @ParameterizedTest
    @ValueSource(strings = {"/%2", "/%zz", "/%\u0662\u0660"})
    void malformedEscapeIs400(String target) {
        assertEquals(400, statusOf(() -> request(target)));
    }
}
