package dev.barehttp.codec;

import static dev.barehttp.codec.ClientExchanges.assertGetEvents;
import static dev.barehttp.codec.ClientExchanges.assertGetRejected;
import static dev.barehttp.codec.ClientExchanges.head;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The status line a client reads (RFC 9112 section 4, versions from section 2.3). */
class StatusLineTest {

    @Test
    void rfc9112_4_statusCodeAndReason() {
        assertGetEvents("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
                head(404, "Not Found", "content-length", "0"), Events.end());
    }

    @Test
    void rfc9112_4_reasonMayBeEmptyAfterTheSpace() {
        assertGetEvents("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n", head(200, "", "content-length", "0"), Events.end());
    }

    @Test
    void rfc9112_4_reasonIsKeptExactlyAsReceived() {
        assertGetEvents("HTTP/1.1 200  OK\t\u00e9\r\nContent-Length: 0\r\n\r\n",
                head(200, " OK\t\u00e9", "content-length", "0"), Events.end());
    }

    @Test
    void rfc9112_4_theSpaceAfterTheStatusCodeIsRequired() {
        assertGetRejected("HTTP/1.1 301\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void rfc9112_4_statusCodeIsExactlyThreeDigits() {
        assertGetRejected("HTTP/1.1 2 OK\r\n\r\n");
        assertGetRejected("HTTP/1.1 2000 OK\r\n\r\n");
        assertGetRejected("HTTP/1.1 +20 OK\r\n\r\n");
        assertGetRejected("HTTP/1.1 \u0662\u0660\u0660 OK\r\n\r\n");
    }

    @Test
    void rfc9110_15_statusCodesOutside100To599AreInvalid() {
        assertGetRejected("HTTP/1.1 099 Low\r\n\r\n");
        assertGetRejected("HTTP/1.1 600 High\r\n\r\n");
    }

    @Test
    void rfc9112_4_singleSpaceBetweenVersionAndStatus() {
        assertGetRejected("HTTP/1.1  200 OK\r\n\r\n");
        assertGetRejected("HTTP/1.1\t200 OK\r\n\r\n");
    }

    @Test
    void rfc9112_4_controlCharactersInTheReasonAreRefused() {
        assertGetRejected("HTTP/1.1 200 O\u0000K\r\n\r\n");
        assertGetRejected("HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n");
    }

    @Test
    void rfc9112_2_3_http10IsRead() {
        ClientExchanges.Outcome out = assertGetEvents("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n",
                new ResponseHead(200, "OK", HttpVersion.HTTP_1_0, Headers.of("content-length", "0")), Events.end());
        assertEquals(false, out.persistent());
    }

    @Test
    void rfc9110_2_5_aHigherMinorVersionIsReadAsHttp11() {
        assertGetEvents("HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n", head(200, "OK", "content-length", "0"), Events.end());
    }

    @Test
    void rfc9112_2_3_otherVersionsAreRefused() {
        assertGetRejected("HTTP/2.0 200 OK\r\n\r\n");
        assertGetRejected("HTTP/0.9 200 OK\r\n\r\n");
        assertGetRejected("HTTP/01.1 200 OK\r\n\r\n");
        assertGetRejected("HTTP/1.01 200 OK\r\n\r\n");
        assertGetRejected("RTSP/1.1 200 OK\r\n\r\n");
        assertGetRejected("http/1.1 200 OK\r\n\r\n");
    }

    @Test
    void rfc9112_2_2_statusLineEndsInCrlfNotABareLf() {
        assertGetRejected("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void rfc9112_2_2_bareLfIsAcceptedOnlyWhenAllowedByName() {
        ClientConnection conn = ClientExchanges.sent(HttpConfig.defaults().withAllowBareLf(true), "GET");
        ClientExchanges.feed(conn, "HTTP/1.1 200 OK\nContent-Length: 0\n\n");
        assertEquals(head(200, "OK", "content-length", "0"), conn.nextEvent());
    }

    @Test
    void rfc9112_4_anEmptyLineBeforeTheStatusLineIsRefused() {
        assertGetRejected("\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void limitMaxRequestLineLengthAlsoBoundsTheStatusLine() {
        ClientConnection conn = ClientExchanges.sent(HttpConfig.defaults().withMaxRequestLineLength(20), "GET");
        ClientExchanges.feed(conn, "HTTP/1.1 200 A reason that goes on");
        assertEquals(502, assertThrows(HttpProtocolException.class, conn::nextEvent).status());
    }

    @Test
    void rfc9112_5_fieldsAreReadAsInARequest() {
        assertGetEvents("HTTP/1.1 200 OK\r\nX-A: 1\r\nx-b:\t two \r\nContent-Length: 0\r\n\r\n",
                head(200, "OK", "x-a", "1", "x-b", "two", "content-length", "0"), Events.end());
        assertGetRejected("HTTP/1.1 200 OK\r\n Folded: x\r\n\r\n");
        assertGetRejected("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n");
        assertGetRejected("HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n");
    }

    @Test
    void limitMaxHeaderCountBoundsTheResponseHead() {
        ClientConnection conn = ClientExchanges.sent(HttpConfig.defaults().withMaxHeaderCount(1), "GET");
        ClientExchanges.feed(conn, "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\n\r\n");
        HttpProtocolException e = assertThrows(HttpProtocolException.class, conn::nextEvent);
        assertEquals(502, e.status(), "a gateway answers an invalid response with 502, whatever the rule");
    }
}
