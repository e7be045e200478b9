package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Body pieces read as views of the input ({@code nextEventAsView}): the same events as the copying
 * path for every framing of RFC 9112 section 6 (Content-Length, chunked, close-delimited), however the
 * bytes are cut and with a request pipelined behind; the view is read-only, the view event is reused
 * at the next call, and {@link BodyData#copy()} survives it.
 */
class BodyViewsTest {
    private static final byte[] CONTENT_LENGTH_POST = Exchanges.ascii(
            "POST /up HTTP/1.1\r\nHost: example.com\r\nContent-Length: 11\r\n\r\nhello world");
    private static final byte[] CHUNKED_POST = Exchanges.ascii("POST /up HTTP/1.1\r\nHost: example.com\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer-One: x\r\n\r\n");

    @Provide
    Arbitrary<List<RequestSpec>> pipelines() {
        return Generators.requests().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 4000).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<ResponseSpec>> exchanges() {
        return ResponseSpec.responses().list().ofMinSize(1).ofMaxSize(5);
    }

    private static Exchanges.Outcome serverViews(byte[] input, List<byte[]> fragments) {
        return Exchanges.run(new ServerConnection(HttpConfig.defaults(), () -> 0L), fragments, false, true);
    }

    private static byte[] encodeAll(List<RequestSpec> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        requests.forEach(r -> out.writeBytes(r.encode()));
        return out.toByteArray();
    }

    @Property(tries = 300)
    void rfc9112_6_anySplitReadAsViewsGivesTheEventsOfTheWholeStreamCopied(
            @ForAll("pipelines") @Size(max = 4) List<RequestSpec> requests, @ForAll("cuts") List<Integer> cuts) {
        byte[] input = encodeAll(requests);
        Exchanges.Outcome copied = Exchanges.whole(HttpConfig.defaults(), input);
        Exchanges.Outcome viewed = serverViews(input, RequestDecodingPropertiesTest.fragments(input, cuts));
        assertEquals(copied.summary(), viewed.summary());
        assertEquals(copied.events(), viewed.events());
    }

    @Property(tries = 60)
    void rfc9112_6_oneByteAtATimeReadAsViewsGivesTheEventsOfTheWholeStream(
            @ForAll("pipelines") @Size(max = 3) List<RequestSpec> requests) {
        byte[] input = encodeAll(requests);
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : input) {
            pieces.add(new byte[] {b});
        }
        assertEquals(Exchanges.whole(HttpConfig.defaults(), input).events(), serverViews(input, pieces).events());
    }

    /** Whole, split at every index, one byte at a time, and pipelined: views agree with copies. */
    private static void threeWaysAsViews(byte[] input) {
        Exchanges.Outcome copied = Exchanges.whole(HttpConfig.defaults(), input);
        assertEquals(copied.events(), serverViews(input, List.of(input)).events(), "whole");
        for (int at = 1; at < input.length; at++) {
            List<byte[]> two = List.of(Arrays.copyOfRange(input, 0, at), Arrays.copyOfRange(input, at, input.length));
            assertEquals(copied.events(), serverViews(input, two).events(), "split at " + at);
        }
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : input) {
            pieces.add(new byte[] {b});
        }
        assertEquals(copied.events(), serverViews(input, pieces).events(), "one byte at a time");
        List<HttpEvent> expected = new ArrayList<>(copied.events());
        expected.addAll(Exchanges.secondEvents());
        byte[] pipelined = Exchanges.concat(input, Exchanges.SECOND);
        assertEquals(expected, serverViews(pipelined, List.of(pipelined)).events(), "followed by a pipelined request");
    }

    @Test
    void rfc9112_6_2_contentLengthBodyAsViewsThreeWays() {
        threeWaysAsViews(CONTENT_LENGTH_POST);
        assertEquals(Events.data("hello world"), Exchanges.whole(HttpConfig.defaults(), CONTENT_LENGTH_POST).events().get(1));
    }

    @Test
    void rfc9112_7_1_chunkedBodyAsViewsThreeWays() {
        threeWaysAsViews(CHUNKED_POST);
    }

    @Test
    void rfc9112_6_3_closeDelimitedResponseBodyAsViewsEverySplit() {
        byte[] response = Exchanges.ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the close");
        ClientExchanges.Outcome copied = ClientExchanges.whole(response, true, "GET");
        assertEquals(Events.data("until the close"), copied.events().get(1));
        for (int at = 1; at < response.length; at++) {
            List<byte[]> two = List.of(Arrays.copyOfRange(response, 0, at), Arrays.copyOfRange(response, at, response.length));
            ClientExchanges.Outcome viewed = ClientExchanges.run(ClientExchanges.sent("GET"), two, true, true);
            assertEquals(copied.summary(), viewed.summary(), "split at " + at);
            assertEquals(copied.events(), viewed.events(), "split at " + at);
        }
    }

    @Property(tries = 200)
    void rfc9112_6_anySplitOfAResponseStreamReadAsViewsGivesTheCopiedEvents(
            @ForAll("exchanges") List<ResponseSpec> specs, @ForAll("cuts") List<Integer> cuts) {
        byte[] wire = ResponseDecodingPropertiesTest.wireFor(specs);
        ClientExchanges.Outcome copied = ClientExchanges.run(ResponseDecodingPropertiesTest.clientFor(specs),
                List.of(wire), false);
        ClientExchanges.Outcome viewed = ClientExchanges.run(ResponseDecodingPropertiesTest.clientFor(specs),
                RequestDecodingPropertiesTest.fragments(wire, cuts), false, true);
        assertEquals(copied.summary(), viewed.summary());
        assertEquals(copied.events(), viewed.events());
    }

    private static ServerConnection postWithBody(int length, String firstBytes) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults(), () -> 0L);
        Wire.feed(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n" + firstBytes);
        assertInstanceOf(RequestHead.class, conn.nextEventAsView());
        return conn;
    }

    @Test
    void theViewIsReadOnlyAndCoversExactlyThePiece() {
        ServerConnection conn = postWithBody(5, "hello");
        BodyData piece = (BodyData) conn.nextEventAsView();
        ByteBuffer view = piece.view();
        assertTrue(view.isReadOnly());
        assertEquals(5, view.remaining());
        assertEquals(5, piece.length());
        assertThrows(ReadOnlyBufferException.class, () -> view.put(view.position(), (byte) 'j'));
        assertThrows(ReadOnlyBufferException.class, view::array, "no way to the input array through the view");
        byte[] read = new byte[5];
        view.get(read);
        assertEquals("hello", new String(read, StandardCharsets.ISO_8859_1));
        assertEquals(5, piece.view().remaining(), "each call of view() starts at the piece's first byte again");
        assertTrue(new BodyData(Exchanges.ascii("owned")).view().isReadOnly(), "an owned piece's view is read-only too");
    }

    @Test
    void aViewPieceIsReusedAndOverwrittenAfterTheNextCallWhileItsCopySurvives() {
        ServerConnection conn = postWithBody(10, "hello");
        BodyData first = (BodyData) conn.nextEventAsView();
        BodyData kept = first.copy();
        assertFalse(kept.isView());
        assertNotSame(first, kept);
        assertEquals(Events.data("hello"), first);
        assertEquals(Signal.NEED_DATA, conn.nextEventAsView());
        Wire.feed(conn, "world");
        BodyData second = (BodyData) conn.nextEventAsView();
        assertSame(first, second, "one view event per connection, no object per piece");
        assertEquals(Events.data("world"), second);
        assertEquals(Events.data("world"), first, "the first event now describes the second piece");
        assertEquals(Events.data("hello"), kept, "the copy keeps the bytes of its piece");
        assertArrayEquals(Exchanges.ascii("hello"), kept.data());
        assertSame(kept, kept.copy(), "an owned piece is its own copy");
        assertEquals(EndOfMessage.NO_TRAILERS, conn.nextEventAsView());
    }

    @Test
    void copyToCopiesStraightFromThePiece() {
        ServerConnection conn = postWithBody(11, "hello world");
        BodyData piece = (BodyData) conn.nextEventAsView();
        byte[] dst = new byte[8];
        assertEquals(5, piece.copyTo(6, dst, 1, 7));
        assertEquals("world", new String(dst, 1, 5, StandardCharsets.ISO_8859_1));
        assertThrows(IndexOutOfBoundsException.class, () -> piece.copyTo(11, dst, 0, 1));
    }

    @Test
    void rfc9112_9_3_anUnreadBodyIsStillDrainedAfterViewsOfItsStart() {
        ServerConnection conn = postWithBody(10, "hello");
        assertEquals(Events.data("hello"), conn.nextEventAsView());
        conn.response().status(200).end();
        Wire.output(conn);
        Wire.feed(conn, "world" + new String(Exchanges.SECOND, StandardCharsets.ISO_8859_1));
        assertEquals(Exchanges.secondEvents().get(0), conn.nextEventAsView(), "the rest of the body was drained");
    }

    @Test
    void viewAndCopyCallsMayBeMixed() {
        ServerConnection conn = postWithBody(10, "hello");
        assertTrue(((BodyData) conn.nextEventAsView()).isView());
        Wire.feed(conn, "world");
        BodyData owned = (BodyData) conn.nextEvent();
        assertFalse(owned.isView());
        assertEquals(Events.data("world"), owned);
    }
}
