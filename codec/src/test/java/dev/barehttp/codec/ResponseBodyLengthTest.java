package dev.barehttp.codec;

import static dev.barehttp.codec.ClientExchanges.assertEvents;
import static dev.barehttp.codec.ClientExchanges.assertGetEvents;
import static dev.barehttp.codec.ClientExchanges.assertGetRejected;
import static dev.barehttp.codec.ClientExchanges.assertRejected;
import static dev.barehttp.codec.ClientExchanges.head;
import static dev.barehttp.codec.Exchanges.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** How a client finds where a response body ends (RFC 9112 section 6.3, in its order). */
class ResponseBodyLengthTest {
    private static final String[] GET = {"GET"};

    @Test
    void rfc9112_6_3_rule1_aResponseToHeadHasNoBodyWhateverItsFieldsSay() {
        assertEvents(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"), false, new String[] {"HEAD"},
                head(200, "OK", "content-length", "5"), Events.end());
        assertEvents(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"), false, new String[] {"HEAD"},
                head(200, "OK", "transfer-encoding", "chunked"), Events.end());
    }

    @Test
    void rfc9112_6_3_rule1_204And304HaveNoBody() {
        assertGetEvents("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n",
                head(204, "No Content", "content-length", "5"), Events.end());
        assertGetEvents("HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n",
                head(304, "Not Modified", "content-length", "5"), Events.end());
        assertGetEvents("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n",
                head(304, "Not Modified", "transfer-encoding", "chunked"), Events.end());
    }

    @Test
    void rfc9112_6_3_rule3_transferEncodingWithContentLengthIsRefused() {
        assertGetRejected("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void rfc9112_6_1_transferEncodingInAnHttp10ResponseIsRefused() {
        assertGetRejected("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void rfc9112_6_3_rule4_chunkedBodyWithTrailers() {
        assertGetEvents("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n",
                head(200, "OK", "transfer-encoding", "chunked"), Events.data("abcde"), Events.end("x-t", "1"));
    }

    @Test
    void rfc9112_6_3_rule4_codingsBeforeChunkedAreLeftForTheApplication() {
        assertGetEvents("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n\u001f\u008b\r\n0\r\n\r\n",
                head(200, "OK", "transfer-encoding", "gzip, chunked"), Events.data("\u001f\u008b"), Events.end());
    }

    @Test
    void rfc9112_6_3_rule4_aFinalCodingOtherThanChunkedRunsUntilTheClose() {
        ClientExchanges.Outcome out = assertEvents(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n2\r\nab"),
                true, GET, head(200, "OK", "transfer-encoding", "chunked, gzip"), Events.data("2\r\nab"), Events.end());
        assertEquals(Signal.CLOSED, out.last());
    }

    @Test
    void rfc9112_7_1_chunkedAppliedTwiceIsRefused() {
        assertGetRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void rfc9112_6_3_rule5_invalidContentLengthIsRefused() {
        assertGetRejected("HTTP/1.1 200 OK\r\nContent-Length: +3\r\n\r\nabc");
        assertGetRejected("HTTP/1.1 200 OK\r\nContent-Length: 3, 4\r\n\r\nabcd");
        assertGetRejected("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
        assertGetRejected("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n");
        assertGetRejected("HTTP/1.1 200 OK\r\nContent-Length: \u0663\r\n\r\nabc");
    }

    @Test
    void rfc9112_6_3_rule6_contentLengthBody() {
        assertGetEvents("HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\nabc",
                head(200, "OK", "content-length", "3, 3"), Events.data("abc"), Events.end());
    }

    @Test
    void rfc9112_6_3_rule7_noFramingFieldRunsUntilTheClose() {
        ClientExchanges.Outcome out = assertEvents(ascii("HTTP/1.1 200 OK\r\n\r\nhello"), true, GET,
                head(200, "OK"), Events.data("hello"), Events.end());
        assertEquals(Signal.CLOSED, out.last());
        assertFalse(out.persistent(), "a body delimited by the close ends the connection");
    }

    @Test
    void rfc9112_6_3_rule7_aCloseDelimitedBodyWaitsForTheClose() {
        ClientExchanges.Outcome out = ClientExchanges.threeWays(ascii("HTTP/1.1 200 OK\r\n\r\nhello"), false, GET);
        assertEquals(java.util.List.of(head(200, "OK"), Events.data("hello")), out.events());
        assertEquals(Signal.NEED_DATA, out.last());
    }

    @Test
    void rfc9112_8_aContentLengthBodyCutShortByTheCloseIsRefused() {
        assertRejected(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc"), true, "GET");
    }

    @Test
    void rfc9112_8_aChunkedBodyCutShortByTheCloseIsRefused() {
        assertRejected(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"), true, "GET");
    }

    @Test
    void rfc9112_7_1_chunkFramingIsCheckedAsInARequest() {
        assertGetRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2 x\r\nab\r\n0\r\n\r\n");
        assertGetRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;\r\nab\r\n0\r\n\r\n");
        assertGetRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n");
        assertGetRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n");
    }

    @Test
    void limitMaxBodySizeBoundsEveryResponseFraming() {
        HttpConfig small = HttpConfig.defaults().withMaxBodySize(4);
        for (String response : new String[] {"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcde",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\n\r\nabcde"}) {
            ClientConnection conn = ClientExchanges.sent(small, "GET");
            ClientExchanges.Outcome out = ClientExchanges.run(conn, java.util.List.of(ascii(response)), true);
            assertEquals(502, out.status(), response);
        }
    }
}
