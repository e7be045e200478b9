package dev.barehttp.codec;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of valid requests and of field names and values; sizes are capped to keep runs short. */
final class Generators {
    private static final String TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String TARGET_CHARS = "abcxyzABC0129-._~:/?[]@!$&'()*+,;=%";
    /** Names with a meaning to the codec are left out: they change framing, persistence or expectations. */
    private static final Set<String> RESERVED = Set.of("host", "content-length", "transfer-encoding", "connection",
            "expect", "te", "trailer", "upgrade");

    private Generators() {
    }

    static Arbitrary<String> tokens(int maxLength) {
        return Arbitraries.strings().withChars(TCHARS.toCharArray()).ofMinLength(1).ofMaxLength(maxLength);
    }

    static Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"), tokens(8))
                .filter(m -> !m.equals("CONNECT"));
    }

    static Arbitrary<String> targets() {
        // every '%' becomes a pct-encoded octet, as RFC 3986 section 2.1 requires
        return Arbitraries.strings().withChars(TARGET_CHARS.toCharArray()).ofMaxLength(30)
                .map(s -> "/" + s.replace("%", "%4a"));
    }

    static Arbitrary<String> fieldNames() {
        return tokens(12).filter(n -> !RESERVED.contains(n.toLowerCase(Locale.ROOT)));
    }

    /** field-value without leading or trailing whitespace: VCHAR, obs-text, inner SP and HTAB. */
    static Arbitrary<String> fieldValues() {
        Arbitrary<Character> vchar = Arbitraries.oneOf(Arbitraries.chars().range('!', '~'),
                Arbitraries.chars().range('\u0080', '\u00ff'));
        Arbitrary<Character> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, vchar), net.jqwik.api.Tuple.of(1, Arbitraries.of(' ', '\t')));
        return any.list().ofMaxSize(20).map(chars -> {
            StringBuilder sb = new StringBuilder();
            chars.forEach(sb::append);
            return sb.toString().strip();
        }).filter(v -> v.isEmpty() || (v.charAt(0) != '\t' && v.charAt(v.length() - 1) != '\t'));
    }

    static Arbitrary<String[]> fields() {
        return Combinators.combine(fieldNames(), fieldValues()).as((n, v) -> new String[] {n, v});
    }

    static Arbitrary<RequestSpec> requests() {
        Arbitrary<List<String[]>> fieldLists = fields().list().ofMaxSize(6);
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
        Arbitrary<RequestSpec.Framing> framings = Arbitraries.of(RequestSpec.Framing.class);
        Arbitrary<List<Integer>> chunkSizes = Arbitraries.integers().between(1, 40).list().ofMaxSize(5);
        return Combinators.combine(methods(), targets(), fieldLists, bodies, framings, chunkSizes, fieldLists)
                .as((m, t, f, b, fr, cs, tr) -> new RequestSpec(m, t, f,
                        fr == RequestSpec.Framing.NONE ? new byte[0] : b, fr, cs, tr));
    }
}
