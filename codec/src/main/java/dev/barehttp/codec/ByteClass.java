package dev.barehttp.codec;

/**
 * Byte classes of the HTTP grammar as 256-entry tables, indexed with {@code b & 0xFF}.
 */
final class ByteClass {
    private ByteClass() {
    }

    /*
     * RFC 9110 section 5.6.2:
     *   token = 1*tchar
     *   tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
     *         / DIGIT / ALPHA
     */
    private static final boolean[] TCHAR = new boolean[256];

    /*
     * RFC 9110 section 5.5:
     *   field-value = *field-content ; field-content = field-vchar [ 1*( SP / HTAB / field-vchar ) field-vchar ]
     *   field-vchar = VCHAR / obs-text ; obs-text = %x80-FF
     * So inside a value: SP, HTAB, %x21-7E and %x80-FF.
     */
    private static final boolean[] FIELD_CHAR = new boolean[256];

    /*
     * RFC 9112 section 3.2 with RFC 3986 section 3: the characters of a request-target.
     *   unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
     *   reserved   = ":" / "/" / "?" / "#" / "[" / "]" / "@" / "!" / "$" / "&" / "'" / "(" / ")"
     *              / "*" / "+" / "," / ";" / "="
     *   pct-encoded = "%" HEXDIG HEXDIG
     * A fragment ("#") never appears in a request-target, so it is refused.
     */
    private static final boolean[] TARGET_CHAR = new boolean[256];

    /* HEXDIG = DIGIT / "A"-"F" (case-insensitive, RFC 5234 appendix B.1); value or -1. */
    private static final byte[] HEX_VALUE = new byte[256];

    /* ASCII upper case to lower case; every other byte maps to itself. */
    private static final byte[] LOWER = new byte[256];
    /* A tchar in lower case, or 0 for a byte that is not a tchar: a field name's check and folding in one load. */
    private static final byte[] TCHAR_LOWER = new byte[256];

    static {
        String tcharSymbols = "!#$%&'*+-.^_`|~";
        String targetSymbols = "-._~:/?[]@!$&'()*+,;=%";
        for (int i = 0; i < 256; i++) {
            boolean alpha = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z');
            boolean digit = i >= '0' && i <= '9';
            TCHAR[i] = alpha || digit || tcharSymbols.indexOf(i) >= 0;
            FIELD_CHAR[i] = i == ' ' || i == '\t' || (i >= 0x21 && i <= 0x7E) || i >= 0x80;
            TARGET_CHAR[i] = alpha || digit || targetSymbols.indexOf(i) >= 0;
            HEX_VALUE[i] = (byte) (digit ? i - '0'
                    : i >= 'a' && i <= 'f' ? i - 'a' + 10
                    : i >= 'A' && i <= 'F' ? i - 'A' + 10
                    : -1);
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
            TCHAR_LOWER[i] = TCHAR[i] ? LOWER[i] : 0;
        }
    }

    /** {@code b} in lower case when it is a tchar, else 0 (no tchar is NUL). */
    static byte tcharLower(byte b) {
        return TCHAR_LOWER[b & 0xFF];
    }

    static boolean isTchar(byte b) {
        return TCHAR[b & 0xFF];
    }

    static boolean isFieldChar(byte b) {
        return FIELD_CHAR[b & 0xFF];
    }

    static boolean isTargetChar(byte b) {
        return TARGET_CHAR[b & 0xFF];
    }

    static int hexValue(byte b) {
        return HEX_VALUE[b & 0xFF];
    }

    static byte lower(byte b) {
        return LOWER[b & 0xFF];
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** True when every char of {@code s} is a tchar and there is at least one. */
    static boolean isToken(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !TCHAR[c]) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} may be sent as a field value: field characters only, no CR, LF or NUL. */
    static boolean isFieldValue(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !FIELD_CHAR[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code s} equals the ASCII string {@code ascii} with only ASCII letters folded: unlike
     * {@link String#equalsIgnoreCase}, the Kelvin sign (U+212A) is not a "k", a dotless i (U+0131) is
     * not an "i", and no locale is consulted.
     */
    static boolean equalsAsciiIgnoringCase(CharSequence s, String ascii) {
        return s.length() == ascii.length() && regionEqualsAsciiIgnoringCase(s, 0, ascii);
    }

    /**
     * {@link #equalsAsciiIgnoringCase(CharSequence, String)} for a {@code String}, the common case (the
     * codec's own field names): a monomorphic {@code charAt}, and a pair of equal characters settled
     * without the case table.
     */
    static boolean equalsAsciiIgnoringCase(String s, String ascii) {
        int n = ascii.length();
        if (s.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char t = ascii.charAt(i);
            if ((c | t) > 0x7F || c != t && LOWER[c] != LOWER[t]) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} holds the ASCII string {@code ascii} at {@code from}, folding ASCII letters only. */
    static boolean regionEqualsAsciiIgnoringCase(CharSequence s, int from, String ascii) {
        int n = ascii.length();
        if (from < 0 || from + n > s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(from + i);
            char t = ascii.charAt(i);
            if (c > 0x7F || t > 0x7F || LOWER[c] != LOWER[t]) {
                return false;
            }
        }
        return true;
    }
}
