package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** {@link Request#authority()}: which authority a request is for (RFC 9110 section 7.2, RFC 9112 section 3.2). */
class RequestAuthorityTest {

    @Test
    void rfc9110_7_2_originFormIsForTheHostField() {
        assertEquals("x", TestRequests.request("GET", "/a?b").authority());
        Request request = new Request(new RequestHead("GET", "/", HttpVersion.HTTP_1_1,
                Headers.of("host", "Example.COM:8080"), 0), InputStream.nullInputStream(), () -> Headers.EMPTY,
                TestRequests.PEER, TestRequests.LOCAL, false);
        assertEquals("Example.COM:8080", request.authority());
    }

    /** RFC 9112 section 3.2.2: an origin server ignores Host and uses the absolute-form target's authority. */
    @Test
    void rfc9112_3_2_2_absoluteFormTargetWinsOverHost() {
        assertEquals("b:81", TestRequests.request("GET", "http://b:81/x?y=1").authority());
        assertEquals("[::1]", TestRequests.request("GET", "https://[::1]?q").authority());
        assertEquals("b", TestRequests.request("GET", "http://b").authority());
    }

    /** RFC 9112 section 3.2.3: CONNECT's authority-form target is its authority. */
    @Test
    void rfc9112_3_2_3_connectTargetIsTheAuthority() {
        assertEquals("example.com:443", TestRequests.request("CONNECT", "example.com:443").authority());
    }

    /** RFC 9112 section 3.2.4: an asterisk-form request is for the Host field's authority. */
    @Test
    void rfc9112_3_2_4_asteriskFormIsForTheHostField() {
        assertEquals("x", TestRequests.request("OPTIONS", "*").authority());
    }

    /** RFC 9112 section 3.2: HTTP/1.0 may leave Host out; the authority is then empty. */
    @Test
    void rfc9112_3_2_http10WithoutHostHasAnEmptyAuthority() {
        Request request = new Request(new RequestHead("GET", "/", HttpVersion.HTTP_1_0, Headers.EMPTY, 0),
                InputStream.nullInputStream(), () -> Headers.EMPTY, TestRequests.PEER, TestRequests.LOCAL, false);
        assertEquals("", request.authority());
    }
}
