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
 * No bytes a server sends make the client role raise anything but {@link HttpProtocolException}:
 * arbitrary bytes, bytes drawn from the grammar's symbols, and mutations of valid responses, in any
 * split, with and without the end of input, after every kind of request (HEAD, CONNECT, Upgrade,
 * Expect: 100-continue), under strict, lenient and tiny-limit configurations.
 */
class HostileResponsesPropertiesTest {
    /** Pieces of the grammar, so random input reaches deep states instead of failing at the first byte. */
    private static final String[] SYMBOLS = {"HTTP/1.1 ", "HTTP/1.0 ", "HTTP/2.0 ", "200 OK", "100 Continue",
        "101 Switching Protocols", "103", "204", "304", "099", "600", " ", "\r\n", "\r", "\n", "\r\n\r\n", ":", ";",
        ",", "\t", "\u0000", "\u00ff", "Content-Length: ", "Transfer-Encoding: ", "chunked", "gzip", "Connection: ",
        "close", "keep-alive", "Upgrade: x\r\n", "0", "5", "f", "ffffffffffffffffff", "-", "+", "hello",
        "0\r\n\r\n", "X: y\r\n"};

    private static final HttpConfig[] CONFIGS = {
        HttpConfig.defaults(),
        HttpConfig.defaults().withAllowBareLf(true),
        HttpConfig.defaults().withMaxRequestLineLength(12).withMaxHeaderSectionSize(24).withMaxHeaderCount(2)
                .withMaxBodySize(7).withMaxChunkLineLength(5),
    };

    /** The requests a client may have outstanding when the bytes arrive. */
    private static final String[][] SENT = {{"GET", "HEAD", "GET"}, {"UPGRADE"}, {"CONNECT"}, {"EXPECT"}};

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
    Arbitrary<byte[]> mutatedResponses() {
        Arbitrary<List<int[]>> edits = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 255))
                .as((kind, at, value) -> new int[] {kind, at, value}).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(ResponseSpec.responses().list().ofMinSize(1).ofMaxSize(3), edits)
                .as(HostileResponsesPropertiesTest::mutate);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(6);
    }

    /** The server's encoding of the responses (to GET), with edits: 0 replace, 1 insert, 2 delete a byte, 3 insert a symbol. */
    private static byte[] mutate(List<ResponseSpec> responses, List<int[]> edits) {
        List<Byte> bytes = new ArrayList<>();
        for (ResponseSpec r : responses) {
            ServerConnection server = new ServerConnection(HttpConfig.defaults(), () -> 0L);
            Wire.feed(server, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            server.nextEvent();
            server.nextEvent();
            r.writeWith(server.response());
            for (byte b : Wire.output(server).getBytes(StandardCharsets.ISO_8859_1)) {
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

    private static ClientConnection sent(HttpConfig config, String[] requests) {
        if (requests[0].equals("EXPECT")) {
            ClientConnection conn = new ClientConnection(config);
            conn.request().start("POST", "/").header("Host", "x").header("Expect", "100-continue").contentLength(2)
                    .write(new byte[] {'h', 'i'}).end();
            return conn;
        }
        return ClientExchanges.sent(config, requests);
    }

    /** Feeds the input everywhere; any exception but the protocol one escapes and fails the property. */
    private static void feedEverywhere(byte[] input, List<Integer> cuts) {
        List<byte[]> pieces = RequestDecodingPropertiesTest.fragments(input, cuts);
        for (HttpConfig config : CONFIGS) {
            for (String[] requests : SENT) {
                ClientExchanges.run(sent(config, requests), pieces, false);
                ClientExchanges.run(sent(config, requests), pieces, true);
            }
        }
    }

    @Property(tries = 300)
    void arbitraryBytesRaiseOnlyTheProtocolException(@ForAll("arbitraryBytes") byte[] input,
            @ForAll("cuts") List<Integer> cuts) {
        feedEverywhere(input, cuts);
    }

    @Property(tries = 500)
    void grammarSoupRaisesOnlyTheProtocolException(@ForAll("grammarSoup") byte[] input, @ForAll("cuts") List<Integer> cuts) {
        feedEverywhere(input, cuts);
    }

    @Property(tries = 500)
    void mutatedValidResponsesRaiseOnlyTheProtocolException(@ForAll("mutatedResponses") byte[] input,
            @ForAll("cuts") List<Integer> cuts) {
        feedEverywhere(input, cuts);
    }
}
