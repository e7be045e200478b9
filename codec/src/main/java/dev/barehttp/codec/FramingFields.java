package dev.barehttp.codec;

/**
 * The header fields the codec itself reads (Host, Content-Length, Transfer-Encoding, Connection,
 * Expect), noted as bits while the section is parsed, so that deciding framing and persistence
 * does not search the whole section for each of them.
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
    /** For fields not parsed by the codec: any of them may be present. */
    static final int UNKNOWN = -1;

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
