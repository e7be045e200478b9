package dev.barehttp.codec;

import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.head;
import static dev.barehttp.codec.Exchanges.ascii;
import static dev.barehttp.codec.Exchanges.assertEvents;
import static dev.barehttp.codec.Exchanges.assertRejected;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9112 section 3: request-line = method SP request-target SP HTTP-version. */
class RequestLineTest {

    private static RequestHead eventsOf(String request) {
        return (RequestHead) Exchanges.threeWays(HttpConfig.defaults(), ascii(request)).events().get(0);
    }

    @Test
    void rfc9112_3_originFormGet() {
        assertEvents(ascii("GET /a/b?c=d HTTP/1.1\r\nHost: x\r\n\r\n"),
                head("GET", "/a/b?c=d", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
    }

    @Test
    void rfc9110_9_1_commonMethodsAreTheSharedConstants() {
        assertSame(Methods.GET, eventsOf("GET / HTTP/1.1\r\nHost: x\r\n\r\n").method());
        assertSame(Methods.POST, eventsOf("POST / HTTP/1.1\r\nHost: x\r\n\r\n").method());
        assertSame(Methods.PATCH, eventsOf("PATCH / HTTP/1.1\r\nHost: x\r\n\r\n").method());
        assertSame(Methods.DELETE, eventsOf("DELETE / HTTP/1.1\r\nHost: x\r\n\r\n").method());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPFIND", "M-SEARCH", "X!#$%&'*+.^_`|~1", "get"})
    void rfc9110_9_1_anyTokenIsAMethod(String method) {
        assertEvents(ascii(method + " / HTTP/1.1\r\nHost: x\r\n\r\n"),
                head(method, "/", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"G(ET / HTTP/1.1", "GE\"T / HTTP/1.1", "/ HTTP/1.1", " GET / HTTP/1.1", "GET\t/ HTTP/1.1"})
    void rfc9112_3_methodNotATokenIs400(String line) {
        assertRejected(ascii(line + "\r\nHost: x\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_3_2_2_absoluteForm() {
        assertEvents(ascii("GET http://example.com:8080/p?q HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"),
                head("GET", "http://example.com:8080/p?q", HttpVersion.HTTP_1_1, 0, "host", "example.com:8080"), end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTPS://example.com", "http://example.com?q", "http://[::1]:8080/p", "urn:isbn:0451450523",
            "ftp://user@example.com/"})
    void rfc9112_3_2_2_absoluteFormSchemesAndAuthorities(String target) {
        assertEvents(ascii("GET " + target + " HTTP/1.1\r\nHost: example.com\r\n\r\n"),
                head("GET", target, HttpVersion.HTTP_1_1, 0, "host", "example.com"), end());
    }

    /** RFC 9110 section 4.2.4: userinfo in an http(s) target is treated as an error (it hides the real host). */
    @ParameterizedTest
    @ValueSource(strings = {"http://user@example.com/", "https://user:pass@example.com/", "http://evil.example@good.example/",
            "HTTP://@example.com/"})
    void rfc9110_4_2_4_userinfoInAnHttpTargetIs400(String target) {
        assertRejected(ascii("GET " + target + " HTTP/1.1\r\nHost: example.com\r\n\r\n"), 400);
    }

    /** RFC 9110 section 4.2.1: an http(s) URI with an empty host must be rejected; "//" is not optional. */
    @ParameterizedTest
    @ValueSource(strings = {"http:///p", "http://:80/p", "https://?q", "http:example.com/p", "http:/example.com/p",
            "http://exa mple.com/", "http://exa%mple.com/", "http://example.com:8x/"})
    void rfc9110_4_2_1_httpTargetWithoutAValidHostIs400(String target) {
        assertRejected(ascii("GET " + target + " HTTP/1.1\r\nHost: example.com\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_3_2_3_authorityFormForConnect() {
        // CONNECT ends the connection after its exchange: the tunnel is not implemented.
        assertEvents(ascii("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"),
                head("CONNECT", "example.com:443", HttpVersion.HTTP_1_1, 0, "host", "example.com:443"), end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET 127.0.0.1:443", "GET example.com", "CONNECT /path", "CONNECT example.com", "CONNECT example.com:x"})
    void rfc9112_3_2_3_authorityFormOnlyForConnectWithHostAndPort(String start) {
        assertRejected(ascii(start + " HTTP/1.1\r\nHost: example.com\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_3_2_4_asteriskFormForOptions() {
        assertEvents(ascii("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"),
                head("OPTIONS", "*", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
    }

    @Test
    void rfc9112_3_2_4_asteriskFormOnlyForOptions() {
        assertRejected(ascii("GET * HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_2_3_http10IsAccepted() {
        assertEvents(ascii("GET / HTTP/1.0\r\n\r\n"), head("GET", "/", HttpVersion.HTTP_1_0, 0), end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0", "HTTP/9.9"})
    void rfc9112_2_3_otherWellFormedVersionIs505(String version) {
        assertRejected(ascii("GET / " + version + "\r\nHost: x\r\n\r\n"), 505);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 ", "http/1.1", "HTTP/1", "HTTP/1.1.1", "HTTP/11.1", "HTTP 1.1", "HTTP/a.b", "HTTP/1.x",
        "HTTPS/1.1", "RTSP/1.0", ""})
    void rfc9112_2_3_malformedVersionIs400(String version) {
        assertRejected(ascii("GET / " + version + "\r\nHost: x\r\n\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET  / HTTP/1.1", "GET /  HTTP/1.1", "GET / HTTP/1.1 ", "GET /", "GET", "GET /\tHTTP/1.1"})
    void rfc9112_3_singleSpSeparatorsElse400(String line) {
        assertRejected(ascii(line + "\r\nHost: x\r\n\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/a\"b", "/a<b", "/a#frag", "/a\u0001", "/a\u007f", "/\u00e9", "/a{b}", "/a\\b"})
    void rfc9112_3_2_targetCharactersOutsideRfc3986Are400(String target) {
        assertRejected(ascii("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%", "/a%2", "/a%zz", "/%g0", "/a?b=%"})
    void rfc3986_2_1_percentNotFollowedByTwoHexDigitsIs400(String target) {
        assertRejected(ascii("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    }

    @Test
    void rfc3986_2_1_percentEncodingIsKeptAsReceived() {
        assertEvents(ascii("GET /a%20b%2F?q=%c3%A9 HTTP/1.1\r\nHost: x\r\n\r\n"),
                head("GET", "/a%20b%2F?q=%c3%A9", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
    }

    @Test
    void rfc9112_2_2_leadingEmptyLinesAreIgnored() {
        assertEvents(ascii("\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
    }

    @Test
    void rfc9112_2_2_emptyLinesBetweenPipelinedRequestsAreIgnored() {
        assertEvents(ascii("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n"),
                head("GET", "/1", HttpVersion.HTTP_1_1, 0, "host", "x"), end(),
                head("GET", "/2", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
    }
}
