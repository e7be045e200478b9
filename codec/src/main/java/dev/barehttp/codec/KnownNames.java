package dev.barehttp.codec;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Common lower-case field names kept as shared constants, so that decoding a typical request
 * does not allocate a string per header name.
 */
final class KnownNames {
    private KnownNames() {
    }

    private static final String[] NAMES = {
        "accept", "accept-charset", "accept-encoding", "accept-language", "authorization",
        "cache-control", "connection", "content-encoding", "content-length", "content-type",
        "cookie", "date", "dnt", "etag", "expect", "forwarded", "host", "if-match", "if-modified-since",
        "if-none-match", "keep-alive", "origin", "pragma", "priority", "range", "referer",
        "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform", "sec-fetch-dest", "sec-fetch-mode",
        "sec-fetch-site", "sec-fetch-user", "server", "te", "trailer", "transfer-encoding",
        "upgrade", "upgrade-insecure-requests", "user-agent", "via", "x-forwarded-for",
        "x-forwarded-proto", "x-request-id",
    };

    private static final int MAX_LENGTH = 32;
    private static final String[][] BY_LENGTH = new String[MAX_LENGTH + 1][];
    private static final byte[][][] BYTES_BY_LENGTH = new byte[MAX_LENGTH + 1][][];

    static {
        for (int len = 0; len <= MAX_LENGTH; len++) {
            int count = 0;
            for (String n : NAMES) {
                if (n.length() == len) {
                    count++;
                }
            }
            BY_LENGTH[len] = new String[count];
            BYTES_BY_LENGTH[len] = new byte[count][];
            int k = 0;
            for (String n : NAMES) {
                if (n.length() == len) {
                    BY_LENGTH[len][k] = n;
                    BYTES_BY_LENGTH[len][k] = n.getBytes(StandardCharsets.ISO_8859_1);
                    k++;
                }
            }
        }
    }

    /** The name held in {@code raw[start, end)}, already lower case: a shared constant when known. */
    static String lookup(byte[] raw, int start, int end) {
        int len = end - start;
        if (len <= MAX_LENGTH) {
            byte[][] candidates = BYTES_BY_LENGTH[len];
            for (int c = 0; c < candidates.length; c++) {
                if (java.util.Arrays.equals(candidates[c], 0, len, raw, start, end)) {
                    return BY_LENGTH[len][c];
                }
            }
        }
        return new String(raw, start, len, StandardCharsets.ISO_8859_1);
    }

    /** {@code name} in lower case: a shared constant when known. */
    static String lower(String name) {
        int len = name.length();
        if (len <= MAX_LENGTH) {
            for (String candidate : BY_LENGTH[len]) {
                if (ByteClass.equalsAsciiIgnoringCase(name, candidate)) {
                    return candidate;
                }
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
