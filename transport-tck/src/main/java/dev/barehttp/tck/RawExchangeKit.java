package dev.barehttp.tck;

import static dev.barehttp.tck.RawResponse.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.codec.HttpConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact exchanges over a raw socket: persistence, pipelining, bodiless responses, chunked
 * bodies both ways, {@code 100-continue}, protocol errors and handler failures.
 */
public abstract class RawExchangeKit extends TransportKit {
    static final String GET_HELLO = "GET /hello HTTP/1.1\r\nHost: kit\r\n\r\n";
    static final String HELLO = lines("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8",
            "Content-Length: 5", "Date: <date>", "", "hello");
    static final String STREAM_BODY = lines("6", "hello ", "5", "world", "0", "", "");

    /** RFC 9112 section 9.3.2: pipelined requests sent in one write are answered in their order. */
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        RawClient client = connect(start());
        client.send(GET_HELLO
                + "POST /echo HTTP/1.1\r\nHost: kit\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /stream HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertEquals(HELLO, client.read().text());
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: application/octet-stream", "Content-Length: 3",
                "Date: <date>", "", "abc"), client.read().text());
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: text/plain", "Transfer-Encoding: chunked",
                "Date: <date>", "", STREAM_BODY), client.read().text());
    }

    /** RFC 9112 section 9.3: an HTTP/1.1 connection persists when neither side says close. */
    @Test
    void http11ConnectionPersistsByDefault() throws IOException {
        RawClient client = connect(start());
        for (int i = 0; i < 3; i++) {
            assertEquals(HELLO, client.send(GET_HELLO).read().text());
        }
    }

    /** RFC 9112 section 9.6: a request with Connection: close gets it back and the server closes. */
    @Test
    void http11ConnectionCloseClosesAfterTheResponse() throws IOException {
        RawClient client = connect(start());
        client.send("GET /hello HTTP/1.1\r\nHost: kit\r\nConnection: close\r\n\r\n");
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8", "Content-Length: 5",
                "Date: <date>", "Connection: close", "", "hello"), client.read().text());
        assertTrue(client.closedByServer());
    }

    /** RFC 9112 section 9.3: HTTP/1.0 closes after the response unless keep-alive was asked for. */
    @Test
    void http10ClosesByDefault() throws IOException {
        RawClient client = connect(start());
        client.send("GET /hello HTTP/1.0\r\n\r\n");
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8", "Content-Length: 5",
                "Date: <date>", "Connection: close", "", "hello"), client.read().text());
        assertTrue(client.closedByServer());
    }

    /** RFC 9112 appendix C.2.2: an HTTP/1.0 keep-alive request keeps the connection, and says so. */
    @Test
    void http10KeepAlivePersists() throws IOException {
        RawClient client = connect(start());
        String expected = lines("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8", "Content-Length: 5",
                "Date: <date>", "Connection: keep-alive", "", "hello");
        for (int i = 0; i < 2; i++) {
            client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertEquals(expected, client.read().text());
        }
    }

    /** RFC 9110 section 9.3.2: HEAD gets the GET's fields and no body; the next response follows at once. */
    @Test
    void headResponseCarriesNoBody() throws IOException {
        RawClient client = connect(start());
        client.send("HEAD /hello HTTP/1.1\r\nHost: kit\r\n\r\n" + GET_HELLO);
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8", "Content-Length: 5",
                "Date: <date>", "", ""), client.readHeadResponse().text());
        assertEquals(HELLO, client.read().text());
    }

    /** RFC 9110 section 15.3.5: a 204 has no body and no Content-Length. */
    @Test
    void noContentResponseCarriesNoBody() throws IOException {
        RawClient client = connect(start());
        client.send("GET /no-content HTTP/1.1\r\nHost: kit\r\n\r\n" + GET_HELLO);
        assertEquals(lines("HTTP/1.1 204 No Content", "Date: <date>", "", ""), client.read().text());
        assertEquals(HELLO, client.read().text());
    }

    /** RFC 9110 section 15.4.5: a 304 has no body. */
    @Test
    void notModifiedResponseCarriesNoBody() throws IOException {
        RawClient client = connect(start());
        client.send("GET /not-modified HTTP/1.1\r\nHost: kit\r\n\r\n" + GET_HELLO);
        assertEquals(lines("HTTP/1.1 304 Not Modified", "ETag: \"v1\"", "Date: <date>", "", ""),
                client.read().text());
        assertEquals(HELLO, client.read().text());
    }

    /** RFC 9112 section 7.1: a chunked request body is decoded, extensions skipped, trailers kept. */
    @Test
    void chunkedRequestBodyIsDecodedWithItsTrailers() throws IOException {
        RawClient client = connect(start());
        client.send("POST /echo HTTP/1.1\r\nHost: kit\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;note=first\r\nhello\r\n6\r\n world\r\n0\r\nChecksum: 42\r\n\r\n");
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: application/octet-stream",
                "Echo-Trailers: checksum=42", "Content-Length: 11", "Date: <date>", "", "hello world"),
                client.read().text());
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
    }

    /** RFC 9112 section 7.1: a streamed body of unknown length is chunked for HTTP/1.1, one chunk per write. */
    @Test
    void streamedResponseIsChunked() throws IOException {
        RawClient client = connect(start());
        client.send("GET /stream HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: text/plain", "Transfer-Encoding: chunked",
                "Date: <date>", "", STREAM_BODY), client.read().text());
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
    }

    /** RFC 9112 section 7.1.2: trailer fields follow the last chunk of a streamed response. */
    @Test
    void chunkedResponseCarriesTrailers() throws IOException {
        RawClient client = connect(start());
        client.send("GET /stream-trailers HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertEquals(lines("HTTP/1.1 200 OK", "Transfer-Encoding: chunked", "Date: <date>", "",
                "4", "data", "0", "Checksum: sum-1", "", ""), client.read().text());
    }

    /** RFC 9112 section 6.3: an HTTP/1.0 client cannot take chunks, so the close ends the body. */
    @Test
    void streamedResponseToHttp10IsDelimitedByClose() throws IOException {
        RawClient client = connect(start());
        client.send("GET /stream HTTP/1.0\r\n\r\n");
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: text/plain", "Date: <date>", "Connection: close",
                "", "hello world"), client.read().text());
        assertTrue(client.closedByServer());
    }

    /** RFC 9110 section 10.1.1: 100 Continue is sent when the handler starts reading the body. */
    @Test
    void continueIsSentWhenTheHandlerReadsTheBody() throws IOException {
        RawClient client = connect(start());
        client.send("POST /echo HTTP/1.1\r\nHost: kit\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        assertEquals(lines("HTTP/1.1 100 Continue", "", ""), client.read().text());
        client.send("hello");
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: application/octet-stream", "Content-Length: 5",
                "Date: <date>", "", "hello"), client.read().text());
    }

    /** RFC 9110 section 10.1.1: a final status sent without reading the body replaces 100 Continue, then closes. */
    @Test
    void finalStatusWithoutReadingTheBodyIsSentInsteadOfContinue() throws IOException {
        RawClient client = connect(start());
        client.send("POST /reject HTTP/1.1\r\nHost: kit\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
        assertEquals(lines("HTTP/1.1 413 Content Too Large", "Content-Type: text/plain; charset=utf-8",
                "Content-Length: 10", "Date: <date>", "Connection: close", "", "too large\n"), client.read().text());
        assertTrue(client.closedByServer());
    }

    /** RFC 9112 section 3: a malformed request line gets 400 and the connection closes. */
    @Test
    void malformedRequestLineGets400ThenClose() throws IOException {
        assertErrorThenClose(400, "GET  /hello HTTP/1.1\r\nHost: kit\r\n\r\n");
    }

    /** RFC 9112 section 3.2: an HTTP/1.1 request without Host gets 400 and the connection closes. */
    @Test
    void missingHostGets400ThenClose() throws IOException {
        assertErrorThenClose(400, "GET /hello HTTP/1.1\r\n\r\n");
    }

    /** RFC 9112 section 6.1: a transfer coding the server does not implement gets 501, then close. */
    @Test
    void unknownTransferCodingGets501ThenClose() throws IOException {
        assertErrorThenClose(501, "POST /echo HTTP/1.1\r\nHost: kit\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
    }

    /** RFC 9110 section 15.6.6: a major version other than 1 gets 505, then close. */
    @Test
    void unsupportedVersionGets505ThenClose() throws IOException {
        assertErrorThenClose(505, "GET /hello HTTP/3.0\r\nHost: kit\r\n\r\n");
    }

    /** A handler's exception becomes a 500 and costs nothing more: the connection goes on. */
    @Test
    void handlerExceptionGives500AndTheConnectionGoesOn() throws IOException {
        RawClient client = connect(start());
        client.send("GET /fail HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertEquals(lines("HTTP/1.1 500 Internal Server Error", "Content-Type: text/plain; charset=utf-8",
                "Content-Length: 22", "Date: <date>", "", "Internal Server Error\n"), client.read().text());
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
    }

    /** RFC 9112 section 9.6: requests received before the client half-closed are still answered. */
    @Test
    void requestsBeforeAHalfCloseAreAnswered() throws IOException {
        RawClient client = connect(start());
        client.send(GET_HELLO + GET_HELLO);
        client.shutdownOutput();
        assertEquals(HELLO, client.read().text());
        assertEquals(HELLO, client.read().text());
        assertTrue(client.closedByServer());
    }

    /** RFC 9112 section 9.3.2: a long run of pipelined requests, in one write, is answered in order. */
    @Test
    void manyPipelinedRequestsAreAnsweredInOrder() throws IOException {
        RawClient client = connect(start());
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String body = "request " + i;
            requests.append("POST /echo HTTP/1.1\r\nHost: kit\r\nContent-Length: ").append(body.length())
                    .append("\r\n\r\n").append(body);
        }
        client.send(requests.toString());
        for (int i = 0; i < 200; i++) {
            assertEquals("request " + i, client.read().bodyText());
        }
    }

    /** The codec takes bytes in any fragments: a request sent one byte per write is answered. */
    @Test
    void requestSentOneByteAtATimeIsAnswered() throws IOException {
        RawClient client = connect(start());
        for (byte b : "POST /echo HTTP/1.1\r\nHost: kit\r\nContent-Length: 3\r\n\r\nabc"
                .getBytes(StandardCharsets.US_ASCII)) {
            client.send(new byte[] {b});
        }
        assertEquals("abc", client.read().bodyText());
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
    }

    /** A file body is sent whole with Content-Length, whatever means the transport uses to send it. */
    @Test
    void fileResponseIsSentWholeWithContentLength() throws IOException {
        RawClient client = connect(start());
        long size = 3L * 1024 * 1024 + 7;
        client.send("GET /file?size=" + size + " HTTP/1.1\r\nHost: kit\r\n\r\n");
        RawResponse response = client.read();
        assertEquals(200, response.status(), response::text);
        assertEquals(String.valueOf(size), response.header("Content-Length"));
        assertEquals(GeneratedBody.sha256(size), GeneratedBody.sha256(new ByteArrayInputStream(response.body())));
        client.send("HEAD /file?size=" + size + " HTTP/1.1\r\nHost: kit\r\n\r\n" + GET_HELLO);
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: application/octet-stream", "Content-Length: " + size,
                "Date: <date>", "", ""), client.readHeadResponse().text());
        assertEquals(HELLO, client.read().text());
    }

    /** HttpConfig.maxDrainSize: a small body the handler did not read is discarded and the connection goes on. */
    @Test
    void unreadSmallBodyIsDiscardedAndTheConnectionGoesOn() throws IOException {
        RawClient client = connect(start());
        String body = "x".repeat(10_000);
        client.send("POST /hello HTTP/1.1\r\nHost: kit\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertEquals(HELLO, client.read().text());
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
    }

    /** HttpConfig.maxDrainSize: an unread body too large to discard ends the connection after the response. */
    @Test
    void unreadLargeBodyClosesTheConnection() throws IOException {
        RawClient client = connect(start());
        client.send("POST /hello HTTP/1.1\r\nHost: kit\r\nContent-Length: 10000000\r\n\r\n");
        assertEquals(lines("HTTP/1.1 200 OK", "Content-Type: text/plain; charset=utf-8", "Content-Length: 5",
                "Date: <date>", "Connection: close", "", "hello"), client.read().text());
        assertTrue(client.closedByServer());
    }

    /** Transport contract: a handler that blocks holds up its own connection only. */
    @Test
    void slowHandlerDoesNotHoldUpOtherConnections() throws Exception {
        HttpServer server = start();
        RawClient slow = connect(server);
        slow.send("GET /slow HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertTrue(handler.slowEntered.await(RawClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        for (int i = 0; i < 3; i++) {
            assertEquals(HELLO, connect(server).send(GET_HELLO).read().text());
        }
        handler.slowRelease.countDown();
        assertEquals("finally", slow.read().bodyText());
    }

    /** A streamed body that fails before its first byte still gets a complete 500, and the connection goes on. */
    @Test
    void streamFailingBeforeItsFirstByteGives500() throws IOException {
        RawClient client = connect(start());
        client.send("GET /stream-fails-early HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertEquals(lines("HTTP/1.1 500 Internal Server Error", "Content-Type: text/plain; charset=utf-8",
                "Content-Length: 22", "Date: <date>", "", "Internal Server Error\n"), client.read().text());
        assertEquals(HELLO, client.send(GET_HELLO).read().text());
    }

    /**
     * RFC 9112 section 7.1: a malformed chunked request body is the client's error, a 400 that closes the
     * connection, also when the handler's response stream is what reads it (before any byte of that
     * response left): not the 500 of a failing stream.
     */
    @Test
    void malformedChunkedBodyReadByAResponseStreamGives400() throws IOException {
        for (String chunks : List.of("1\na\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFFF1\r\na\r\n0\r\n\r\n", "1_0\r\na\r\n0\r\n\r\n")) {
            RawClient client = connect(start());
            client.send("POST /stream-echo HTTP/1.1\r\nHost: kit\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
            RawResponse response = client.read();
            assertEquals(400, response.status(), chunks);
            assertTrue(response.text().contains("Connection: close\r\n"), response.text());
            assertTrue(client.closedByServer(), chunks);
        }
    }

    /** RFC 9112 section 6.3: a body over the configured limit is a 413 also when a response stream reads it. */
    @Test
    void oversizedBodyReadByAResponseStreamGives413() throws IOException {
        RawClient client = connect(start(b -> b.config(HttpConfig.defaults().withMaxBodySize(8))));
        client.send("POST /stream-echo HTTP/1.1\r\nHost: kit\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "10\r\n0123456789abcdef\r\n0\r\n\r\n");
        assertEquals(413, client.read().status());
        assertTrue(client.closedByServer());
    }

    /**
     * RFC 9112 section 8: a streamed body that fails midway ends the connection without the last chunk,
     * so the client sees an incomplete message rather than a short one that looks whole.
     */
    @Test
    void streamFailingMidwayEndsTheConnectionWithoutTheLastChunk() throws IOException {
        RawClient client = connect(start());
        client.send("GET /stream-fails-late HTTP/1.1\r\nHost: kit\r\n\r\n");
        String received = client.readUntilClosed();
        assertTrue(received.startsWith("HTTP/1.1 200 OK\r\n"), received);
        assertTrue(received.endsWith("\r\n\r\n7\r\npartial\r\n"), received);
    }

    /** Transport contract: many clients at once are each answered correctly, none mixed with another. */
    @Test
    void concurrentClientsAreEachAnsweredCorrectly() throws Exception {
        HttpServer server = start();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int id = c;
                done.add(clients.submit(() -> {
                    try (RawClient client = openClient(server.port(), 0)) {
                        for (int i = 0; i < 50; i++) {
                            String body = "client " + id + " request " + i;
                            client.send("POST /echo HTTP/1.1\r\nHost: kit\r\nContent-Length: " + body.length()
                                    + "\r\n\r\n" + body);
                            assertEquals(body, client.read().bodyText());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Transport contract (TCP_NODELAY): a response leaving in two small writes is not held back by
     * Nagle's algorithm waiting for a delayed ACK (about 40 ms a response where TCP_NODELAY is off).
     */
    @Test
    void smallWritesAreNotDelayedByNagle() throws IOException {
        RawClient client = connect(start());
        String request = "GET /two-flushes HTTP/1.1\r\nHost: kit\r\n\r\n";
        assertEquals("first second", client.send(request).read().bodyText());
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertEquals("first second", client.send(request).read().bodyText());
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 500, "20 responses of two writes each took " + tookMillis + " ms");
    }

    private void assertErrorThenClose(int status, String request) throws IOException {
        assertErrorThenClose(start(), status, request);
    }
}
