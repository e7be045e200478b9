package dev.barehttp.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A response as a property test describes it: written by the server's {@link ResponseWriter} in
 * pieces, and what a client must read back from it.
 *
 * @param head whether it answers a HEAD request (else a GET)
 * @param status the status, 200 to 599
 * @param reason the reason phrase, or null for the standard one
 * @param fields the application's fields as [name, value] pairs
 * @param body the body written (ignored for 204 and 304)
 * @param declareLength whether Content-Length is declared (else the codec chooses chunked)
 * @param trailers trailer fields, sent when the body is chunked
 * @param pieceSize how many bytes each write carries
 */
record ResponseSpec(boolean head, int status, String reason, List<String[]> fields, byte[] body, boolean declareLength,
        List<String[]> trailers, int pieceSize) {

    /** The fields the codec itself writes or reads, left out of generated fields and of comparisons. */
    private static final java.util.Set<String> CODEC_FIELDS = java.util.Set.of("content-length", "transfer-encoding",
            "date", "connection");

    static Arbitrary<ResponseSpec> responses() {
        Arbitrary<Integer> statuses = Arbitraries.oneOf(Arbitraries.integers().between(200, 599),
                Arbitraries.of(200, 204, 304, 404, 500));
        Arbitrary<String> reasons = Arbitraries.oneOf(Arbitraries.just(null), Generators.fieldValues());
        Arbitrary<List<String[]>> fieldLists = Generators.fields()
                .filter(f -> !CODEC_FIELDS.contains(f[0].toLowerCase(Locale.ROOT))).list().ofMaxSize(5);
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(150);
        return Combinators.combine(Arbitraries.of(false, false, true), statuses, reasons, fieldLists, bodies,
                Arbitraries.of(true, false), fieldLists, Arbitraries.integers().between(1, 64))
                .as(ResponseSpec::new);
    }

    /** The bytes of the body actually sent: none for 204 and 304. */
    byte[] sentBody() {
        return status == 204 || status == 304 ? new byte[0] : body;
    }

    /** Writes this response with {@code w}, in pieces of {@link #pieceSize} bytes. */
    void writeWith(ResponseWriter w) {
        w.status(status, reason);
        fields.forEach(f -> w.header(f[0], f[1]));
        byte[] sent = sentBody();
        if (declareLength) {
            w.contentLength(sent.length);
        }
        w.commit();
        for (int at = 0; at < sent.length; at += pieceSize) {
            w.write(sent, at, Math.min(pieceSize, sent.length - at));
        }
        w.end(Headers.of(flatten(trailers)));
    }

    /** The body a client reads: none for HEAD, 204 and 304. */
    byte[] readBody() {
        return head ? new byte[0] : sentBody();
    }

    /** The trailers a client reads: only those of a chunked body. */
    List<String[]> readTrailers() {
        boolean chunked = !head && !declareLength && status != 204 && status != 304;
        return chunked ? trailers : List.of();
    }

    /** What a client must read back, in a form that compares with {@link #readBack}. */
    String expected() {
        return describe(status, reason == null ? StatusReasons.of(status) : reason, fields, readBody(), readTrailers());
    }

    /** The same description of a response the client read: its head, merged body, and end. */
    static String readBack(ResponseHead h, byte[] body, EndOfMessage end) {
        List<String[]> fields = new ArrayList<>();
        for (int i = 0; i < h.headers().size(); i++) {
            if (!CODEC_FIELDS.contains(h.headers().name(i))) {
                fields.add(new String[] {h.headers().name(i), h.headers().value(i)});
            }
        }
        List<String[]> trailers = new ArrayList<>();
        for (int i = 0; i < end.trailers().size(); i++) {
            trailers.add(new String[] {end.trailers().name(i), end.trailers().value(i)});
        }
        return describe(h.status(), h.reason(), fields, body, trailers);
    }

    private static String describe(int status, String reason, List<String[]> fields, byte[] body, List<String[]> trailers) {
        StringBuilder sb = new StringBuilder().append(status).append(" [").append(reason).append("]");
        fields.forEach(f -> sb.append(" ").append(f[0].toLowerCase(Locale.ROOT)).append('=').append(f[1]));
        sb.append(" body=").append(java.util.Arrays.toString(body)).append(" trailers");
        trailers.forEach(f -> sb.append(" ").append(f[0].toLowerCase(Locale.ROOT)).append('=').append(f[1]));
        return sb.toString();
    }

    static String[] flatten(List<String[]> pairs) {
        List<String> out = new ArrayList<>();
        pairs.forEach(p -> {
            out.add(p[0]);
            out.add(p[1]);
        });
        return out.toArray(new String[0]);
    }
}
