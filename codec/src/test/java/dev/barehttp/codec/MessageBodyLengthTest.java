package dev.barehttp.codec;

import static dev.barehttp.codec.Events.data;
import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.head;
import static dev.barehttp.codec.Exchanges.ascii;
import static dev.barehttp.codec.Exchanges.assertEvents;
import static dev.barehttp.codec.Exchanges.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9112 section 6.3: how the length of a request body is determined, and what is refused. */
class MessageBodyLengthTest {

    private static byte[] post(String fields, String body) {
        return ascii("POST / HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n" + body);
    }

    @Test
    void rfc9112_6_3_contentLengthFramesTheBody() {
        assertEvents(post("Content-Length: 5\r\n", "hello"),
                head("POST", "/", HttpVersion.HTTP_1_1, 5, "host", "x", "content-length", "5"), data("hello"), end());
    }

    @Test
    void rfc9112_6_3_zeroContentLengthHasNoBody() {
        assertEvents(post("Content-Length: 0\r\n", ""),
                head("POST", "/", HttpVersion.HTTP_1_1, 0, "host", "x", "content-length", "0"), end());
    }

    @Test
    void rfc9112_6_3_noFramingFieldMeansNoBody() {
        assertEvents(post("", ""), head("POST", "/", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
    }

    @Test
    void rfc9112_6_3_transferEncodingWithContentLengthIs400() {
        assertRejected(HostileInputs.SMUGGLING_CL_TE, 400);
        assertRejected(HostileInputs.SMUGGLING_TE_CL, 400);
    }

    @Test
    void rfc9112_6_3_finalCodingNotChunkedIs400() {
        assertRejected(HostileInputs.SMUGGLING_TE_NOT_LAST, 400);
        assertRejected(HostileInputs.SMUGGLING_TE_XCHUNKED, 400);
        assertRejected(post("Transfer-Encoding: gzip\r\n", ""), 400);
        assertRejected(post("Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n", ""), 400);
    }

    @Test
    void rfc9112_7_chunkedTwiceIs400() {
        assertRejected(post("Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_6_1_emptyTransferEncodingIs400() {
        assertRejected(post("Transfer-Encoding:\r\n", ""), 400);
        assertRejected(post("Transfer-Encoding: ,\r\n", ""), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "deflate, chunked", "gzip,chunked", "identity, chunked"})
    void rfc9112_6_1_otherCodingsBeforeChunkedAre501(String codings) {
        assertRejected(post("Transfer-Encoding: " + codings + "\r\n", "0\r\n\r\n"), 501);
    }

    @Test
    void rfc9112_6_1_transferEncodingIsCaseInsensitive() {
        assertEvents(post("Transfer-Encoding: Chunked\r\n", "0\r\n\r\n"),
                head("POST", "/", HttpVersion.HTTP_1_1, RequestHead.CHUNKED, "host", "x", "transfer-encoding", "Chunked"),
                end());
    }

    @Test
    void rfc9112_6_1_transferEncodingInHttp10Is400() {
        assertRejected(HostileInputs.SMUGGLING_TE_IN_HTTP_1_0, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+5", "-1", " 5 5", "0x5", "5a", "5.0", "1e1", "", ",", "5,", ",5", "٥"})
    void rfc9110_8_6_contentLengthMustBeDigitsElse400(String value) {
        assertRejected(post("Content-Length: " + value + "\r\n", "hello"), 400);
    }

    @Test
    void rfc9110_8_6_contentLengthOverflowIs400() {
        assertRejected(HostileInputs.CONTENT_LENGTH_OVERFLOW, 400);
        assertRejected(post("Content-Length: 9223372036854775808\r\n", ""), 400);
    }

    @Test
    void rfc9110_8_6_everyNumberOfDigitsUpToAndPastTheLongRangeIsReadExactly() {
        for (int digits = 1; digits <= 25; digits++) {
            for (String value : new String[] {"9".repeat(digits), "1" + "0".repeat(digits - 1), "0".repeat(digits - 1) + "7"}) {
                java.math.BigInteger expected = new java.math.BigInteger(value);
                Exchanges.Outcome outcome = Exchanges.threeWays(HttpConfig.defaults(),
                        ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + value + "\r\n\r\n"));
                if (expected.bitLength() < 64) {
                    assertEquals(expected.longValueExact(), ((RequestHead) outcome.events().get(0)).bodyLength(), value);
                } else {
                    assertEquals(400, outcome.status(), value);
                    assertEquals("Content-Length overflows: " + value, outcome.error().getMessage(), value);
                }
            }
        }
    }

    @Test
    void rfc9110_8_6_identicalRepeatedContentLengthsAreAccepted() {
        assertEvents(post("Content-Length: 5, 5\r\n", "hello"),
                head("POST", "/", HttpVersion.HTTP_1_1, 5, "host", "x", "content-length", "5, 5"), data("hello"), end());
        assertEvents(post("Content-Length: 5\r\nContent-Length: 5\r\n", "hello"),
                head("POST", "/", HttpVersion.HTTP_1_1, 5, "host", "x", "content-length", "5", "content-length", "5"),
                data("hello"), end());
    }

    @Test
    void rfc9110_8_6_differingContentLengthsAre400() {
        assertRejected(HostileInputs.SMUGGLING_CL_CL, 400);
        assertRejected(post("Content-Length: 5, 6\r\n", "hello"), 400);
    }

    @Test
    void rfc9110_9_3_6_connectHasNoContentWhateverItsFraming() {
        assertEvents(ascii("CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\nContent-Length: 5\r\n\r\nhello"),
                head("CONNECT", "a.example:443", HttpVersion.HTTP_1_1, 0, "host", "a.example:443", "content-length", "5"),
                end());
    }

    @Test
    void rfc9112_6_2_leadingZerosAreDigits() {
        assertEvents(post("Content-Length: 005\r\n", "hello"),
                head("POST", "/", HttpVersion.HTTP_1_1, 5, "host", "x", "content-length", "005"), data("hello"), end());
    }

    @Test
    void rfc9112_6_2_bytesAfterTheBodyBelongToTheNextRequest() {
        assertEvents(ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /n HTTP/1.1\r\nHost: x\r\n\r\n"),
                head("POST", "/", HttpVersion.HTTP_1_1, 3, "host", "x", "content-length", "3"), data("abc"), end(),
                head("GET", "/n", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
    }

    @Test
    void rfc9112_8_bodyCutShortByEndOfInputIs400() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        Exchanges.Outcome out = Exchanges.run(conn, java.util.List.of(post("Content-Length: 5\r\n", "hel")), true);
        org.junit.jupiter.api.Assertions.assertEquals(400, out.status());
    }
}
