package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Bodies written by reference ({@code write(ByteBuffer)}): the same wire bytes as the copying writes,
 * under Content-Length and chunked framing (RFC 9112 sections 6.2 and 7.1), handed out as a gathering
 * array whose body segment is the caller's buffer, consumable across segments at any byte, with the
 * length checks, pending-output limit and retraction of the copying path.
 */
class OutputByReferenceTest {
    private static final String DATE = "Date: Tue, 01 Dec 2026 12:00:00 GMT";

    private static ServerConnection answering(String request) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults(), () -> 0L);
        Wire.feed(conn, request);
        while (!(conn.nextEvent() instanceof EndOfMessage)) {
            // read the whole request first
        }
        return conn;
    }

    private static ServerConnection answeringGet() {
        return answering("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    private static byte[] body(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    /** Everything pending, taken through gathering writes of at most {@code width} buffers, then consumed. */
    private static byte[] gathered(ServerConnection conn, int width) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer[] segments = new ByteBuffer[width];
        while (conn.hasOutput()) {
            int k = conn.gatherOutput(segments);
            int n = 0;
            for (int i = 0; i < k; i++) {
                byte[] b = new byte[segments[i].remaining()];
                segments[i].get(b);
                out.writeBytes(b);
                n += b.length;
            }
            conn.consumeOutput(n);
        }
        return out.toByteArray();
    }

    private static byte[] copiedAnswer(boolean chunked, byte[]... pieces) {
        ServerConnection conn = answeringGet();
        ResponseWriter w = conn.response().status(200).header("Date", DATE.substring(6));
        if (!chunked) {
            w.contentLength(Arrays.stream(pieces).mapToInt(p -> p.length).sum());
        }
        for (byte[] p : pieces) {
            w.write(p);
        }
        w.end();
        return gathered(conn, 16);
    }

    private static ServerConnection referencedAnswer(boolean chunked, byte[]... pieces) {
        ServerConnection conn = answeringGet();
        ResponseWriter w = conn.response().status(200).header("Date", DATE.substring(6));
        if (!chunked) {
            w.contentLength(Arrays.stream(pieces).mapToInt(p -> p.length).sum());
        }
        for (byte[] p : pieces) {
            w.write(ByteBuffer.wrap(p));
        }
        w.end();
        return conn;
    }

    @Test
    void rfc9112_6_2_aContentLengthBodyIsHandedOutAsTheCallersBufferBesideTheHead() {
        byte[] body = body(4000);
        ServerConnection conn = referencedAnswer(false, body);
        ByteBuffer[] segments = new ByteBuffer[8];
        assertEquals(2, conn.gatherOutput(segments), "head, then the body");
        assertSame(body, segments[1].array(), "the body segment is the caller's array: no copy");
        assertEquals(4000, segments[1].remaining());
        assertEquals(conn.pendingOutput(), segments[0].remaining() + segments[1].remaining());
        assertArrayEquals(copiedAnswer(false, body), gathered(conn, 8));
    }

    @Test
    void rfc9112_7_1_chunkedBodiesGatherHeadChunkLinesBodiesAndTheLastChunk() {
        byte[] one = body(600);
        byte[] two = body(1000);
        ServerConnection conn = referencedAnswer(true, one, two);
        ByteBuffer[] segments = new ByteBuffer[8];
        assertEquals(5, conn.gatherOutput(segments), "head + size line, body, CRLF + size line, body, CRLF + last chunk");
        assertSame(one, segments[1].array());
        assertSame(two, segments[3].array());
        assertEquals("\r\n3e8\r\n", new String(bytesOf(segments[2]), StandardCharsets.ISO_8859_1));
        assertEquals("\r\n0\r\n\r\n", new String(bytesOf(segments[4]), StandardCharsets.ISO_8859_1));
        assertArrayEquals(copiedAnswer(true, one, two), gathered(conn, 8));
    }

    private static byte[] bytesOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void aBufferUnderTheThresholdIsCopied() {
        byte[] small = body(ResponseWriter.COPY_BELOW - 1);
        ServerConnection conn = referencedAnswer(false, small);
        assertEquals(1, conn.gatherOutput(new ByteBuffer[4]), "copied into the head's buffer: one segment");
        assertArrayEquals(copiedAnswer(false, small), gathered(conn, 4));
    }

    @Test
    void aNarrowGatheringArrayTakesTheOutputInTurns() {
        byte[] one = body(700);
        byte[] two = body(900);
        assertArrayEquals(copiedAnswer(true, one, two), gathered(referencedAnswer(true, one, two), 1));
        assertArrayEquals(copiedAnswer(true, one, two), gathered(referencedAnswer(true, one, two), 2));
    }

    @Provide
    Arbitrary<List<Integer>> writes() {
        return Arbitraries.integers().between(1, 3000).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 150)
    void consumingAnyNumberOfBytesAtATimeAcrossSegmentsGivesTheCopiedBytes(@ForAll("writes") List<Integer> sizes,
            @ForAll boolean chunked, @ForAll("steps") List<Integer> steps) {
        byte[][] pieces = sizes.stream().map(OutputByReferenceTest::body).toArray(byte[][]::new);
        byte[] expected = copiedAnswer(chunked, pieces);
        ServerConnection conn = referencedAnswer(chunked, pieces);
        assertEquals(expected.length, conn.pendingOutput());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer[] segments = new ByteBuffer[16];
        for (int i = 0; conn.hasOutput(); i++) {
            int k = conn.gatherOutput(segments);
            int budget = steps.isEmpty() ? Integer.MAX_VALUE : steps.get(i % steps.size());
            int n = 0;
            for (int s = 0; s < k && n < budget; s++) {
                int take = Math.min(budget - n, segments[s].remaining());
                byte[] b = new byte[take];
                segments[s].get(b);
                out.writeBytes(b);
                n += take;
            }
            conn.consumeOutput(n);
        }
        assertArrayEquals(expected, out.toByteArray());
    }

    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.integers().between(1, 2000).list().ofMaxSize(5);
    }

    @Test
    void peekOutputAndWriteOutputToStillGiveEveryByte() {
        byte[] body = body(2000);
        byte[] expected = copiedAnswer(true, body, body);
        ServerConnection peeked = referencedAnswer(true, body, body);
        ByteBuffer all = peeked.peekOutput();
        assertEquals(expected.length, all.remaining(), "peekOutput copies the references into one buffer");
        assertArrayEquals(expected, bytesOf(all));
        peeked.consumeOutput(all.remaining());
        assertFalse(peeked.hasOutput());

        ServerConnection sunk = referencedAnswer(true, body, body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            sunk.writeOutputTo(out::write);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertArrayEquals(expected, out.toByteArray());
        assertFalse(sunk.hasOutput());
    }

    @Test
    void directAndReadOnlyBuffersAreWrittenToo() {
        byte[] body = body(1500);
        byte[] expected = copiedAnswer(false, body, body);
        ByteBuffer direct = ByteBuffer.allocateDirect(1500).put(body).flip();
        ServerConnection conn = answeringGet();
        conn.response().status(200).header("Date", DATE.substring(6)).contentLength(3000)
                .write(direct).write(ByteBuffer.wrap(body).asReadOnlyBuffer()).end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            conn.writeOutputTo(out::write);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void theCallersPositionMovesToTheLimitAndItsOwnChangesDoNotReachTheOutput() {
        byte[] body = body(1000);
        ByteBuffer caller = ByteBuffer.wrap(body);
        ServerConnection conn = answeringGet();
        conn.response().status(200).header("Date", DATE.substring(6)).contentLength(1000).write(caller).end();
        assertEquals(1000, caller.position());
        caller.position(10).limit(20);
        assertArrayEquals(copiedAnswer(false, body), gathered(conn, 4));
    }

    @Test
    void rfc9112_6_2_aBodyLongerOrShorterThanTheDeclaredLengthIsRefused() {
        ServerConnection longer = answeringGet();
        longer.response().status(200).contentLength(1000);
        assertThrows(IllegalStateException.class, () -> longer.response().write(ByteBuffer.wrap(body(1001))));
        ServerConnection shorter = answeringGet();
        shorter.response().status(200).contentLength(1000).write(ByteBuffer.wrap(body(999)));
        assertThrows(IllegalStateException.class, () -> shorter.response().end());
    }

    @Test
    void rfc9110_9_3_2_aHeadAnswerDropsTheBufferAndTakesIt() {
        ServerConnection conn = answering("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        ByteBuffer body = ByteBuffer.wrap(body(1000));
        conn.response().status(200).contentLength(1000).write(body).end();
        assertEquals(1000, body.position());
        assertFalse(new String(gathered(conn, 4), StandardCharsets.ISO_8859_1).contains("abc"));
    }

    @Test
    void aResponseNoneOfWhoseBytesLeftIsRetractedWithItsReferences() {
        ServerConnection conn = answeringGet();
        conn.response().status(200).contentLength(2000).write(ByteBuffer.wrap(body(1000)));
        assertTrue(conn.retractResponse());
        assertEquals(0, conn.pendingOutput());
        assertEquals(0, conn.gatherOutput(new ByteBuffer[4]));
        conn.response().status(500).contentLength(1).write(new byte[] {'x'}).end();
        assertTrue(new String(gathered(conn, 4), StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 500"));

        ServerConnection started = answeringGet();
        started.response().status(200).contentLength(2000).write(ByteBuffer.wrap(body(1000)));
        started.consumeOutput(started.pendingOutput() - 1);
        assertFalse(started.retractResponse(), "bytes of it left");
    }

    @Test
    void maxPendingOutput_countsBytesQueuedByReference() {
        HttpConfig config = HttpConfig.builder().maxPendingOutput(1024).build();
        ServerConnection conn = new ServerConnection(config, () -> 0L);
        Wire.feed(conn, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        conn.nextEvent();
        conn.nextEvent();
        conn.response().status(200).contentLength(4000).write(ByteBuffer.wrap(body(4000))).end();
        assertTrue(conn.pendingOutput() > 4000);
        assertEquals(Signal.PAUSED, conn.nextEvent(), "the next head waits while the output is over the limit");
        conn.consumeOutput(conn.pendingOutput() - 1000);
        assertTrue(conn.nextEvent() instanceof RequestHead);
    }

    @Test
    void aPipelinedResponseStartsWhileTheLastOnesBufferIsStillQueued() {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults(), () -> 0L);
        Wire.feed(conn, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        byte[] body = body(1000);
        for (int i = 0; i < 2; i++) {
            conn.nextEvent();
            conn.nextEvent();
            conn.response().status(200).header("Date", DATE.substring(6)).contentLength(1000).write(ByteBuffer.wrap(body));
            conn.response().end();
        }
        byte[] one = copiedAnswer(false, body);
        byte[] both = Arrays.copyOf(one, one.length * 2);
        System.arraycopy(one, 0, both, one.length, one.length);
        assertArrayEquals(both, gathered(conn, 16));
    }

    @Test
    void rfc9112_7_1_theClientWritesARequestBodyByReference() {
        byte[] body = body(3000);
        ClientConnection client = new ClientConnection(HttpConfig.defaults());
        client.request().start("POST", "/").header("Host", "x").write(ByteBuffer.wrap(body)).end();
        ByteBuffer[] segments = new ByteBuffer[8];
        int k = client.gatherOutput(segments);
        assertEquals(3, k, "head and size line, body, CRLF and last chunk");
        assertSame(body, segments[1].array());
        ClientConnection copying = new ClientConnection(HttpConfig.defaults());
        copying.request().start("POST", "/").header("Host", "x").write(body).end();
        String expected = ClientExchanges.output(copying);
        assertEquals(expected, ClientExchanges.output(client), "peekOutput gives every byte");
    }

    @Test
    void rfc9110_10_1_1_aBodyHeldForContinueIsCopiedAndSentOnTheHundred() {
        byte[] body = body(3000);
        ClientConnection client = new ClientConnection(HttpConfig.defaults());
        client.request().start("PUT", "/").header("Host", "x").header("Expect", "100-continue").contentLength(3000)
                .write(ByteBuffer.wrap(body)).end();
        String head = ClientExchanges.output(client);
        assertTrue(head.endsWith("\r\n\r\n"));
        ClientExchanges.feed(client, "HTTP/1.1 100 Continue\r\n\r\n");
        client.nextEvent();
        assertArrayEquals(body, ClientExchanges.output(client).getBytes(StandardCharsets.ISO_8859_1));
    }
}
