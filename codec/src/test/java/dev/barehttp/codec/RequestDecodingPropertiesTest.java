package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties of request decoding: fragmentation never changes the events, and requests encoded by
 * a test-side encoder decode back to what was encoded, alone and pipelined.
 */
class RequestDecodingPropertiesTest {

    @Provide
    Arbitrary<List<RequestSpec>> pipelines() {
        return Generators.requests().list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 4000).list().ofMaxSize(12);
    }

    private static byte[] encodeAll(List<RequestSpec> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        requests.forEach(r -> out.writeBytes(r.encode()));
        return out.toByteArray();
    }

    private static List<HttpEvent> expectedEvents(List<RequestSpec> requests) {
        List<HttpEvent> events = new ArrayList<>();
        requests.forEach(r -> events.addAll(r.expectedEvents()));
        return events;
    }

    /** Cuts {@code input} at the given offsets (taken modulo its length). */
    static List<byte[]> fragments(byte[] input, List<Integer> cuts) {
        int[] points = cuts.stream().mapToInt(c -> input.length == 0 ? 0 : c % input.length).sorted().distinct().toArray();
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int p : points) {
            pieces.add(Arrays.copyOfRange(input, from, p));
            from = p;
        }
        pieces.add(Arrays.copyOfRange(input, from, input.length));
        return pieces;
    }

    @Property(tries = 300)
    void anySplitOfAValidStreamGivesTheEventsOfTheWholeStream(@ForAll("pipelines") @Size(max = 4) List<RequestSpec> requests,
            @ForAll("cuts") List<Integer> cuts) {
        byte[] input = encodeAll(requests);
        Exchanges.Outcome whole = Exchanges.whole(HttpConfig.defaults(), input);
        Exchanges.Outcome split = Exchanges.run(HttpConfig.defaults(), fragments(input, cuts));
        assertEquals(whole.summary(), split.summary());
        assertEquals(whole.events(), split.events());
    }

    @Property(tries = 60)
    void oneByteAtATimeGivesTheEventsOfTheWholeStream(@ForAll("pipelines") @Size(max = 3) List<RequestSpec> requests) {
        byte[] input = encodeAll(requests);
        assertEquals(Exchanges.whole(HttpConfig.defaults(), input).summary(),
                Exchanges.byteByByte(HttpConfig.defaults(), input).summary());
    }

    @Property(tries = 300)
    void encodedRequestDecodesToTheSameMethodTargetHeadersAndBody(@ForAll("requests") RequestSpec request) {
        Exchanges.Outcome out = Exchanges.whole(HttpConfig.defaults(), request.encode());
        assertEquals(null, out.error(), () -> out.summary());
        assertEquals(request.expectedEvents(), out.events());
    }

    @Property(tries = 200)
    void pipelinedRequestsDecodeInOrder(@ForAll("pipelines") List<RequestSpec> requests,
            @ForAll("cuts") List<Integer> cuts) {
        Exchanges.Outcome out = Exchanges.run(HttpConfig.defaults(), fragments(encodeAll(requests), cuts));
        assertEquals(null, out.error(), () -> out.summary());
        assertEquals(expectedEvents(requests), out.events());
    }

    @Provide
    Arbitrary<RequestSpec> requests() {
        return Generators.requests();
    }
}
