package dev.barehttp.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The request methods of RFC 9110 section 9 and RFC 5789, as shared string constants. */
public final class Methods {
    private Methods() {
    }

    /** GET. */
    public static final String GET = "GET";
    /** HEAD. */
    public static final String HEAD = "HEAD";
    /** POST. */
    public static final String POST = "POST";
    /** PUT. */
    public static final String PUT = "PUT";
    /** DELETE. */
    public static final String DELETE = "DELETE";
    /** CONNECT. */
    public static final String CONNECT = "CONNECT";
    /** OPTIONS. */
    public static final String OPTIONS = "OPTIONS";
    /** TRACE. */
    public static final String TRACE = "TRACE";
    /** PATCH (RFC 5789). */
    public static final String PATCH = "PATCH";

    private static final String[] KNOWN = {GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH};
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

    static {
        for (int i = 0; i < KNOWN.length; i++) {
            KNOWN_BYTES[i] = KNOWN[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The method in {@code b[from, to)}: a shared constant for the common ones, a new string otherwise. */
    static String intern(byte[] b, int from, int to) {
        // GET and POST are most requests: settled without the table.
        if (to - from == 3 && b[from] == 'G' && b[from + 1] == 'E' && b[from + 2] == 'T') {
            return GET;
        }
        if (to - from == 4 && b[from] == 'P' && b[from + 1] == 'O' && b[from + 2] == 'S' && b[from + 3] == 'T') {
            return POST;
        }
        for (int i = 0; i < KNOWN_BYTES.length; i++) {
            byte[] k = KNOWN_BYTES[i];
            if (k.length == to - from && Arrays.equals(k, 0, k.length, b, from, to)) {
                return KNOWN[i];
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
