package dev.barehttp.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No input bytes make the codec raise anything but {@link HttpProtocolException}: arbitrary bytes,
 * bytes drawn from the grammar's own symbols, and mutations of valid requests, in any split, with
 * and without the end of input, under strict, lenient and tiny-limit configurations.
 */
class HostileBytesPropertiesTest {
    /** Pieces of the grammar, so random input reaches deep states instead of failing at the first byte. */
    private static final String[] SYMBOLS = {"GET", "POST", "CONNECT", "OPTIONS", " ", "  ", "/", "*", "a:1", "HTTP/1.1",
        "HTTP/1.0", "HTTP/2.0", "\r\n", "\r", "\n", "\r\n\r\n", ":", ";", ",", "\t", "\u0000", "\u00ff", "Host: x\r\n",
        "Content-Length: ", "Transfer-Encoding: ", "chunked", "gzip", "Connection: ", "close", "keep-alive",
        "Expect: 100-continue\r\n", "0", "5", "f", "ffffffffffffffffff", "-", "+", "hello", "0\r\n\r\n", "X: y\r\n"};

    private static final HttpConfig[] CONFIGS = {
        HttpConfig.defaults(),
        HttpConfig.defaults().withAllowBareLf(true).withRequireHost(false),
        HttpConfig.defaults().withMaxRequestLineLength(12).withMaxHeaderSectionSize(24).withMaxHeaderCount(2)
                .withMaxBodySize(7).withMaxChunkLineLength(5).withMaxDrainSize(3),
    };

    @Provide
    Arbitrary<byte[]> arbitraryBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<byte[]> grammarSoup() {
        return Arbitraries.of(SYMBOLS).list().ofMaxSize(40)
                .map(parts -> String.join("", parts).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<byte[]> mutatedRequests() {
        Arbitrary<List<int[]>> edits = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 255))
                .as((kind, at, value) -> new int[] {kind, at, value}).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(Generators.requests().list().ofMinSize(1).ofMaxSize(3), edits)
                .as(HostileBytesPropertiesTest::mutate);
    }

    /** Applies edits: 0 replace a byte, 1 insert a byte, 2 delete a byte, 3 insert a grammar symbol. */
    private static byte[] mutate(List<RequestSpec> requests, List<int[]> edits) {
        List<Byte> bytes = new ArrayList<>();
        for (RequestSpec r : requests) {
            for (byte b : r.encode()) {
                bytes.add(b);
            }
        }
        for (int[] e : edits) {
            int at = bytes.isEmpty() ? 0 : e[1] % bytes.size();
            switch (e[0]) {
                case 0 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, (byte) e[2]);
                    }
                }
                case 1 -> bytes.add(at, (byte) e[2]);
                case 2 -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(at);
                    }
                }
                default -> {
                    byte[] symbol = SYMBOLS[e[2] % SYMBOLS.length].getBytes(StandardCharsets.ISO_8859_1);
                    for (int i = symbol.length - 1; i >= 0; i--) {
                        bytes.add(at, symbol[i]);
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    /** Feeds the input in every configuration; any exception but the protocol one escapes and fails the property. */
    private static void feedEverywhere(byte[] input, List<Integer> cuts) {
        for (HttpConfig config : CONFIGS) {
            List<byte[]> pieces = RequestDecodingPropertiesTest.fragments(input, cuts);
            Exchanges.run(new ServerConnection(config, () -> 0L), pieces, false);
            Exchanges.run(new ServerConnection(config, () -> 0L), pieces, true);
        }
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(6);
    }

    @Property(tries = 400)
    void arbitraryBytesRaiseOnlyTheProtocolException(@ForAll("arbitraryBytes") byte[] input,
            @ForAll("cuts") List<Integer> cuts) {
        feedEverywhere(input, cuts);
    }

    @Property(tries = 600)
    void grammarSoupRaisesOnlyTheProtocolException(@ForAll("grammarSoup") byte[] input, @ForAll("cuts") List<Integer> cuts) {
        feedEverywhere(input, cuts);
    }

    @Property(tries = 600)
    void mutatedValidRequestsRaiseOnlyTheProtocolException(@ForAll("mutatedRequests") byte[] input,
            @ForAll("cuts") List<Integer> cuts) {
        feedEverywhere(input, cuts);
    }
}
