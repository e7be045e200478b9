package dev.barehttp.codec;

import static dev.barehttp.codec.ClientExchanges.assertGetEvents;
import static dev.barehttp.codec.ClientExchanges.feed;
import static dev.barehttp.codec.ClientExchanges.head;
import static dev.barehttp.codec.ClientExchanges.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Interim responses (RFC 9110 section 15.2) and {@code Expect: 100-continue} from the client's side (section 10.1.1). */
class InterimResponsesTest {
    private static final String POST_HEAD = "POST /upload HTTP/1.1\r\nHost: example.com\r\nContent-Length: 3\r\n"
            + "Expect: 100-continue\r\n\r\n";

    /** A POST of "abc" with Expect: 100-continue whose body has been written (and held back). */
    private static ClientConnection postWaitingForContinue() {
        ClientConnection conn = new ClientConnection(HttpConfig.defaults());
        conn.request().start("POST", "/upload").header("Host", "example.com").header("Expect", "100-continue")
                .contentLength(3).write("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).end();
        return conn;
    }

    @Test
    void rfc9110_15_2_severalInterimResponsesComeOutBeforeTheFinalOne() {
        assertGetEvents("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                head(100, "Continue"), head(103, "Early Hints", "link", "</a.css>"),
                head(200, "OK", "content-length", "2"), Events.data("ok"), Events.end());
    }

    @Test
    void rfc9110_15_2_anInterimResponseHasNoBodyWhateverItsFieldsSay() {
        assertGetEvents("HTTP/1.1 103 Early Hints\r\nContent-Length: 4\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
                head(103, "Early Hints", "content-length", "4"), head(204, "No Content"), Events.end());
    }

    @Test
    void rfc9110_10_1_1_theBodyWaitsForTheContinue() {
        ClientConnection conn = postWaitingForContinue();
        assertEquals(POST_HEAD, output(conn), "only the head goes out");
        assertTrue(conn.request().awaitingContinue());
        feed(conn, "HTTP/1.1 100 Continue\r\n\r\n");
        assertEquals(head(100, "Continue"), conn.nextEvent());
        assertFalse(conn.request().awaitingContinue());
        assertEquals("abc", output(conn), "the 100 releases the body");
        feed(conn, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertEquals(head(200, "OK", "content-length", "0"), conn.nextEvent());
        assertEquals(Events.end(), conn.nextEvent());
        assertTrue(conn.persistent());
        assertTrue(conn.canSendRequest());
    }

    @Test
    void rfc9110_10_1_1_aFinalResponseFirstRefusesTheBodyAndClosesAfterIt() {
        ClientConnection conn = postWaitingForContinue();
        output(conn);
        feed(conn, "HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n");
        assertEquals(417, ((ResponseHead) conn.nextEvent()).status());
        assertTrue(conn.request().bodyRefused());
        assertEquals("", output(conn), "the held-back body is never sent");
        assertFalse(conn.persistent());
        assertEquals(Events.end(), conn.nextEvent());
        assertEquals(Signal.CLOSED, conn.nextEvent());
        assertFalse(conn.canSendRequest());
    }

    @Test
    void rfc9110_10_1_1_writesAfterTheRefusalAreDropped() {
        ClientConnection conn = new ClientConnection(HttpConfig.defaults());
        conn.request().start("PUT", "/f").header("Host", "x").header("Expect", "100-continue").commit();
        output(conn);
        feed(conn, "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
        conn.nextEvent();
        conn.request().write(new byte[] {1, 2, 3});
        conn.request().end();
        assertEquals("", output(conn));
    }

    @Test
    void rfc9110_10_1_1_theClientMayStopWaitingAndSendTheBody() {
        ClientConnection conn = postWaitingForContinue();
        output(conn);
        conn.request().proceedWithoutContinue();
        assertEquals("abc", output(conn));
        feed(conn, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        conn.nextEvent();
        conn.nextEvent();
        assertTrue(conn.persistent(), "the body was sent in full, so the connection persists");
    }

    @Test
    void rfc9110_10_1_1_noExpectationWithoutContent() {
        ClientConnection conn = new ClientConnection(HttpConfig.defaults());
        conn.request().start("GET", "/").header("Host", "x").header("Expect", "100-continue").end();
        assertEquals("GET / HTTP/1.1\r\nHost: x\r\n\r\n", output(conn));
        assertFalse(conn.request().awaitingContinue());
    }

    @Test
    void rfc9110_10_1_1_aChunkedBodyAndItsLastChunkWaitForTheContinue() {
        ClientConnection conn = new ClientConnection(HttpConfig.defaults());
        conn.request().start("POST", "/").header("Host", "x").header("Expect", "100-continue").commit()
                .write(new byte[] {'h', 'i'}).end();
        assertEquals("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n",
                output(conn));
        feed(conn, "HTTP/1.1 100 Continue\r\n\r\n");
        conn.nextEvent();
        assertEquals("2\r\nhi\r\n0\r\n\r\n", output(conn));
    }

    @Test
    void rfc9112_9_3_2_aHeldBodyWaitsForTheContinueOfItsOwnRequestNotOfAnEarlierOne() {
        ClientConnection conn = ClientExchanges.sent("GET");
        conn.request().start("POST", "/upload").header("Host", "example.com").header("Expect", "100-continue")
                .contentLength(3).write("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).end();
        assertFalse(conn.canSendRequest(), "nothing is pipelined behind a held-back body");
        output(conn);
        feed(conn, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertEquals(head(100, "Continue"), conn.nextEvent());
        assertEquals(head(200, "OK", "content-length", "0"), conn.nextEvent());
        assertEquals(Events.end(), conn.nextEvent());
        assertTrue(conn.request().awaitingContinue(), "neither the GET's 100 nor its final response concern the POST");
        assertEquals("", output(conn));
        feed(conn, "HTTP/1.1 100 Continue\r\n\r\n");
        assertEquals(head(100, "Continue"), conn.nextEvent());
        assertEquals("abc", output(conn));
    }

    @Test
    void rfc9110_15_responseHeadValidatesItsFields() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ResponseHead(99, "", HttpVersion.HTTP_1_1, Headers.EMPTY));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ResponseHead(600, "", HttpVersion.HTTP_1_1, Headers.EMPTY));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ResponseHead(200, "O\r\nK", HttpVersion.HTTP_1_1, Headers.EMPTY));
        assertTrue(new ResponseHead(103, "", HttpVersion.HTTP_1_1, Headers.EMPTY).isInterim());
        assertFalse(new ResponseHead(101, "", HttpVersion.HTTP_1_1, Headers.EMPTY).isInterim(),
                "a 101 ends the exchange: the protocol switches");
    }
}
