package dev.barehttp.codec;

import static dev.barehttp.codec.ClientExchanges.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request encoding by {@link RequestWriter}: framing chosen by the codec (RFC 9112 section 6), validated fields, calls in order. */
class RequestWriterTest {

    private static ClientConnection conn() {
        return new ClientConnection(HttpConfig.defaults());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void rfc9110_8_6_aBodilessGetCarriesNoFramingField() {
        ClientConnection c = conn();
        c.request().start("GET", "/a?b=c").header("Host", "example.com").header("Accept", "*/*").end();
        assertEquals("GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n", output(c));
        assertEquals(RequestFraming.NONE, c.request().framing());
    }

    @Test
    void rfc9110_8_6_anEmptyPostSaysContentLength0() {
        ClientConnection c = conn();
        c.request().start("POST", "/").header("Host", "x").end();
        assertEquals("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", output(c));
    }

    @Test
    void rfc9112_6_2_aDeclaredLengthFramesTheBody() {
        ClientConnection c = conn();
        c.request().start("PUT", "/f").header("Host", "x").contentLength(5).write(bytes("he")).write(bytes("llo")).end();
        assertEquals("PUT /f HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", output(c));
    }

    @Test
    void rfc9112_7_1_anUnknownLengthIsChunkedWithTrailers() {
        ClientConnection c = conn();
        c.request().start("POST", "/s").header("Host", "x").write(bytes("abc")).end(Headers.of("X-Sum", "7"));
        assertEquals("POST /s HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nx-sum: 7\r\n\r\n",
                output(c));
        assertEquals(RequestFraming.CHUNKED, c.request().framing());
    }

    @Test
    void rfc9112_3_2_theHeadIsNotSentHalfBuilt() {
        ClientConnection c = conn();
        c.request().start("GET", "/").header("Host", "x");
        assertEquals(0, c.pendingOutput());
        c.request().end();
        assertTrue(c.pendingOutput() > 0);
    }

    @Test
    void rfc9112_3_2_exactlyOneHostIsRequired() {
        assertThrows(IllegalStateException.class, () -> conn().request().start("GET", "/").end());
        assertThrows(IllegalStateException.class, () -> conn().request().start("GET", "/").header("Host", "a")
                .header("Host", "b").end());
        assertThrows(IllegalArgumentException.class, () -> conn().request().start("GET", "/").header("Host", "a b"));
    }

    @Test
    void rfc9110_5_5_fieldValuesWithCrLfNulOrControlsAreRefused() {
        for (String bad : new String[] {"a\r\nX: y", "a\nb", "a\rb", "a\u0000b", "a\u0001b", "a\u007fb", "\u0100"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> conn().request().start("GET", "/").header("X-Test", bad), bad);
        }
    }

    @Test
    void rfc9110_5_1_fieldNamesMustBeTokens() {
        for (String bad : new String[] {"", "a b", "a:b", "a\r\n", "\u00e9"}) {
            assertThrows(IllegalArgumentException.class, () -> conn().request().start("GET", "/").header(bad, "v"), bad);
        }
    }

    @Test
    void rfc9112_3_methodAndTargetAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> conn().request().start("GE T", "/"));
        assertThrows(IllegalArgumentException.class, () -> conn().request().start("GET", "/a b"));
        assertThrows(IllegalArgumentException.class, () -> conn().request().start("GET", "/a\r\nX: y"));
        assertThrows(IllegalArgumentException.class, () -> conn().request().start("GET", "/#frag"));
        assertThrows(IllegalArgumentException.class, () -> conn().request().start("GET", "*"));
        assertThrows(IllegalArgumentException.class, () -> conn().request().start("CONNECT", "/"));
        assertThrows(IllegalArgumentException.class, () -> conn().request().start("GET", "/%zz"));
        conn().request().start("OPTIONS", "*");
        conn().request().start("GET", "http://example.com/x");
    }

    @Test
    void rfc9112_6_1_transferEncodingIsTheCodecsChoice() {
        assertThrows(IllegalArgumentException.class,
                () -> conn().request().start("POST", "/").header("Transfer-Encoding", "chunked"));
    }

    @Test
    void rfc9110_9_3_6_aConnectRequestHasNoContent() {
        ClientConnection c = conn();
        c.request().start("CONNECT", "example.com:443").header("Host", "example.com:443");
        assertThrows(IllegalArgumentException.class, () -> c.request().contentLength(3));
        c.request().commit();
        assertThrows(IllegalStateException.class, () -> c.request().write(bytes("x")));
        c.request().end();
        assertEquals("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", output(c));
    }

    @Test
    void rfc9112_6_2_theBodyMayNotOverrunOrUnderrunItsLength() {
        ClientConnection c = conn();
        c.request().start("PUT", "/").header("Host", "x").contentLength(2);
        assertThrows(IllegalStateException.class, () -> c.request().write(bytes("abc")));
        c.request().write(bytes("a"));
        assertThrows(IllegalStateException.class, () -> c.request().end());
    }

    @Test
    void callsOutOfOrderAreRefused() {
        ClientConnection c = conn();
        assertThrows(IllegalStateException.class, () -> c.request().header("Host", "x"));
        assertThrows(IllegalStateException.class, () -> c.request().write(bytes("x")));
        assertThrows(IllegalStateException.class, () -> c.request().end());
        c.request().start("POST", "/").header("Host", "x").commit();
        assertThrows(IllegalStateException.class, () -> c.request().header("X", "y"), "a header after the body began");
        assertThrows(IllegalStateException.class, () -> c.request().start("GET", "/"), "a second request before the end");
        c.request().end();
        c.request().start("GET", "/next").header("Host", "x").end();
        assertEquals(2, c.outstandingRequests(), "requests may be pipelined");
    }

    @Test
    void noRequestOnAFailedConnection() {
        ClientConnection c = ClientExchanges.sent("GET");
        ClientExchanges.feed(c, "XTTP/1.1 200 OK\r\n\r\n");
        assertThrows(HttpProtocolException.class, c::nextEvent);
        assertThrows(IllegalStateException.class, () -> c.request().start("GET", "/"));
    }
}
