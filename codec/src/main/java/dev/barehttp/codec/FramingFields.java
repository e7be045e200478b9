package dev.barehttp.codec;

/**
 * The header fields the codec itself reads (Host, Content-Length, Transfer-Encoding, Connection,
 * Expect), noted as bits while the section is parsed, so that deciding framing and persistence
 * does not search the whole section for each of them; whether the first Host value is valid is
 * noted the same way. The options of {@code Connection} the codec
 * acts on ({@code close}, {@code keep-alive}, and the field names it may not list) are noted too,
 * in one pass over the field's tokens while its bytes are at hand, instead of one search per
 * question.
 */
final class FramingFields {
    private FramingFields() {
    }

    static final int HOST = 1;
    static final int HOST_REPEATED = 1 << 1;
    static final int CONTENT_LENGTH = 1 << 2;
    static final int TRANSFER_ENCODING = 1 << 3;
    static final int CONNECTION = 1 << 4;
    static final int EXPECT = 1 << 5;
    /** The first {@code Host} field's value is not {@code uri-host [ ":" port ]} ({@link HostField}). */
    static final int HOST_INVALID = 1 << 6;
    /** A {@code Connection} field lists {@code close}. */
    static final int CONNECTION_CLOSE = 1 << 8;
    /** A {@code Connection} field lists {@code keep-alive}. */
    static final int CONNECTION_KEEP_ALIVE = 1 << 9;
    /** A {@code Connection} field lists {@code content-length}. */
    static final int CONNECTION_CONTENT_LENGTH = 1 << 10;
    /** A {@code Connection} field lists {@code transfer-encoding}. */
    static final int CONNECTION_TRANSFER_ENCODING = 1 << 11;
    /** A {@code Connection} field lists {@code host}. */
    static final int CONNECTION_HOST = 1 << 12;
    /** For fields not parsed by the codec: any of them may be present. */
    static final int UNKNOWN = -1;

    /** The connection options noted, lower case; option {@code i} has the bit {@code CONNECTION_CLOSE << i}. */
    private static final String[] CONNECTION_OPTIONS = {"close", "keep-alive", "content-length", "transfer-encoding", "host"};

    /** The bit of the lower-case name in {@code b[from, from + len)}, or 0. */
    static int classify(byte[] b, int from, int len) {
        return switch (len) {
            case 4 -> is(b, from, "host") ? HOST : 0;
            case 6 -> is(b, from, "expect") ? EXPECT : 0;
            case 10 -> is(b, from, "connection") ? CONNECTION : 0;
            case 14 -> is(b, from, "content-length") ? CONTENT_LENGTH : 0;
            case 17 -> is(b, from, "transfer-encoding") ? TRANSFER_ENCODING : 0;
            default -> 0;
        };
    }

    /** The bit of {@code name} (any case), or 0 when the codec does not note it. */
    static int of(String name) {
        return switch (name.length()) {
            case 4 -> ByteClass.equalsAsciiIgnoringCase(name, "host") ? HOST : 0;
            case 6 -> ByteClass.equalsAsciiIgnoringCase(name, "expect") ? EXPECT : 0;
            case 10 -> ByteClass.equalsAsciiIgnoringCase(name, "connection") ? CONNECTION : 0;
            case 14 -> ByteClass.equalsAsciiIgnoringCase(name, "content-length") ? CONTENT_LENGTH : 0;
            case 17 -> ByteClass.equalsAsciiIgnoringCase(name, "transfer-encoding") ? TRANSFER_ENCODING : 0;
            default -> 0;
        };
    }

    /** The {@code CONNECTION_...} bits of the options listed in the {@code Connection} value {@code b[from, to)}. */
    static int connectionOptions(byte[] b, int from, int to) {
        return ListTokens.elementsAmong(b, from, to, CONNECTION_OPTIONS) * CONNECTION_CLOSE;
    }

    /** The {@code CONNECTION_...} bit of {@code token} (any case), or 0 when it is not an option the codec notes. */
    static int connectionOption(String token) {
        for (int i = 0; i < CONNECTION_OPTIONS.length; i++) {
            if (ByteClass.equalsAsciiIgnoringCase(token, CONNECTION_OPTIONS[i])) {
                return CONNECTION_CLOSE << i;
            }
        }
        return 0;
    }

    /**
     * The bits of {@code headers}: those noted while parsing, or, for built fields, found by
     * searching them, so that a caller may rely on the bits alone.
     */
    static int of(Headers headers) {
        int noted = headers.framingFields();
        if (noted != UNKNOWN) {
            return noted;
        }
        int bits = 0;
        for (int i = 0; i < headers.size(); i++) {
            bits = add(bits, of(headers.name(i)));
        }
        if ((bits & HOST) != 0 && !headers.firstValueSatisfies("host", HostField::isValid)) {
            bits |= HOST_INVALID;
        }
        for (int i = 0; i < CONNECTION_OPTIONS.length; i++) {
            if (headers.containsToken("connection", CONNECTION_OPTIONS[i])) {
                bits |= CONNECTION_CLOSE << i;
            }
        }
        return bits;
    }

    /**
     * A {@code Content-Length} value {@code b[from, to)} read while its bytes are at hand: the number
     * when it is 1 to 18 DIGITs (which cannot overflow), else -1, leaving every other form (a list,
     * a sign, an overflow) to the full rules.
     */
    static long plainLength(byte[] b, int from, int to) {
        if (to - from < 1 || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            v = v * 10 + digit;
        }
        return v;
    }

    /** Adds the bit of a newly read field to {@code seen}, marking a second Host. */
    static int add(int seen, int bit) {
        return bit == HOST && (seen & HOST) != 0 ? seen | HOST_REPEATED : seen | bit;
    }

    private static boolean is(byte[] b, int from, String lowerName) {
        for (int i = 0; i < lowerName.length(); i++) {
            if (b[from + i] != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
