package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the client role, each side checked by the other: requests written by
 * {@link RequestWriter} are read by a {@link ServerConnection} as they were written; responses
 * written by the server's {@link ResponseWriter} are read by a {@link ClientConnection} as they
 * were written, alone and pipelined; and how the bytes are cut never changes the client's events.
 */
class ResponseDecodingPropertiesTest {

    @Provide
    Arbitrary<List<ResponseSpec>> exchanges() {
        return ResponseSpec.responses().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 4000).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<RequestSpec> requests() {
        return Generators.requests();
    }

    /** A client that sent one GET or HEAD per response, pipelined, and the server's answers to them. */
    private record Exchange(ClientConnection client, byte[] responses) {
    }

    /** A client that wrote one GET or HEAD per spec (still in its output). */
    private static ClientConnection clientAsking(List<ResponseSpec> specs) {
        ClientConnection client = new ClientConnection(HttpConfig.defaults());
        for (ResponseSpec s : specs) {
            client.request().start(s.head() ? "HEAD" : "GET", "/").header("Host", "example.com").end();
        }
        return client;
    }

    /**
     * A second client that sent the same requests as {@link #exchange}'s, to read the very same response
     * bytes: encoding the responses again could give another {@code Date} once the clock's second turns.
     */
    private static ClientConnection twin(List<ResponseSpec> specs) {
        ClientConnection client = clientAsking(specs);
        client.consumeOutput(client.pendingOutput());
        return client;
    }

    private static Exchange exchange(List<ResponseSpec> specs) {
        ClientConnection client = clientAsking(specs);
        ServerConnection server = new ServerConnection(HttpConfig.defaults(), () -> 0L);
        server.receive(client.peekOutput());
        client.consumeOutput(client.pendingOutput());
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (ResponseSpec s : specs) {
            while (!(server.nextEvent() instanceof EndOfMessage)) {
                // the request head: GET and HEAD carry no body
            }
            s.writeWith(server.response());
            Exchanges.drain(server, wire);
        }
        return new Exchange(client, wire.toByteArray());
    }

    /** The server's answers to one GET or HEAD per spec, for other tests of the client role. */
    static byte[] wireFor(List<ResponseSpec> specs) {
        return exchange(specs).responses();
    }

    /** A client that sent one GET or HEAD per spec and awaits the answers. */
    static ClientConnection clientFor(List<ResponseSpec> specs) {
        return exchange(specs).client();
    }

    /** What the client read: one description per final response, in order. */
    private static List<String> readBack(List<HttpEvent> events) {
        List<String> out = new ArrayList<>();
        ResponseHead head = null;
        byte[] body = new byte[0];
        for (HttpEvent e : events) {
            if (e instanceof ResponseHead h) {
                head = h;
                body = new byte[0];
            } else if (e instanceof BodyData d) {
                body = d.data();
            } else if (e instanceof EndOfMessage end) {
                out.add(ResponseSpec.readBack(head, body, end));
            }
        }
        return out;
    }

    @Property(tries = 300)
    void responsesWrittenByTheServerAreReadBackByTheClient(@ForAll("exchanges") List<ResponseSpec> specs,
            @ForAll("cuts") List<Integer> cuts) {
        Exchange x = exchange(specs);
        ClientExchanges.Outcome out = ClientExchanges.run(x.client(),
                RequestDecodingPropertiesTest.fragments(x.responses(), cuts), false);
        assertEquals(null, out.error(), out::summary);
        List<String> expected = new ArrayList<>();
        specs.forEach(s -> expected.add(s.expected()));
        assertEquals(expected, readBack(out.events()));
        assertEquals(Signal.NEED_DATA, out.last());
        assertEquals(0, x.client().outstandingRequests());
    }

    @Property(tries = 300)
    void anySplitOfAResponseStreamGivesTheEventsOfTheWholeStream(@ForAll("exchanges") List<ResponseSpec> specs,
            @ForAll("cuts") List<Integer> cuts) {
        Exchange whole = exchange(specs);
        ClientExchanges.Outcome one = ClientExchanges.run(whole.client(), List.of(whole.responses()), false);
        ClientExchanges.Outcome many = ClientExchanges.run(twin(specs),
                RequestDecodingPropertiesTest.fragments(whole.responses(), cuts), false);
        assertEquals(one.summary(), many.summary());
        assertEquals(one.events(), many.events());
    }

    @Property(tries = 60)
    void oneByteAtATimeGivesTheEventsOfTheWholeStream(@ForAll("exchanges") List<ResponseSpec> specs) {
        Exchange whole = exchange(specs);
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : whole.responses()) {
            pieces.add(new byte[] {b});
        }
        assertEquals(ClientExchanges.run(whole.client(), List.of(whole.responses()), false).events(),
                ClientExchanges.run(twin(specs), pieces, false).events());
    }

    @Property(tries = 300)
    void requestsWrittenByTheClientAreReadBackByTheServer(@ForAll("requests") RequestSpec request,
            @ForAll("cuts") List<Integer> cuts) {
        ClientConnection client = new ClientConnection(HttpConfig.defaults());
        write(client.request(), request);
        byte[] wire = new byte[client.pendingOutput()];
        client.peekOutput().get(wire);
        Exchanges.Outcome out = Exchanges.run(HttpConfig.defaults(), RequestDecodingPropertiesTest.fragments(wire, cuts));
        assertEquals(null, out.error(), out::summary);
        assertEquals(expectedEvents(request), out.events());
    }

    /** Writes {@code r} with the request writer: declared length, chunks of the spec's sizes, or no body. */
    private static void write(RequestWriter w, RequestSpec r) {
        w.start(r.method(), r.target()).header("Host", "example.com");
        r.fields().forEach(f -> w.header(f[0], f[1]));
        switch (r.framing()) {
            case NONE -> w.end();
            case CONTENT_LENGTH -> {
                w.contentLength(r.body().length);
                w.write(r.body());
                w.end();
            }
            case CHUNKED -> {
                w.commit();
                int at = 0;
                for (int i = 0; at < r.body().length; i++) {
                    int size = i < r.chunkSizes().size() ? r.chunkSizes().get(i) : r.body().length;
                    size = Math.min(size, r.body().length - at);
                    w.write(r.body(), at, size);
                    at += size;
                }
                w.end(Headers.of(ResponseSpec.flatten(r.trailers())));
            }
            default -> throw new IllegalStateException(r.framing().name());
        }
    }

    /** The spec's events, but for the {@code Content-Length: 0} an empty POST, PUT or PATCH carries (RFC 9110 section 8.6). */
    private static List<HttpEvent> expectedEvents(RequestSpec r) {
        List<HttpEvent> events = new ArrayList<>(r.expectedEvents());
        if (r.framing() == RequestSpec.Framing.NONE && RequestFraming.anticipatesContent(r.method())) {
            RequestHead h = (RequestHead) events.get(0);
            Headers withLength = Headers.builder().addAll(h.headers()).add("content-length", "0").build();
            events.set(0, new RequestHead(h.method(), h.target(), h.version(), withLength, 0));
        }
        return events;
    }
}
