package dev.barehttp.compression;

/**
 * A request's {@code Accept-Encoding} (RFC 9110 section 12.5.3), read once:
 * <pre>
 *   Accept-Encoding = #( codings [ weight ] )
 *   codings = content-coding / "identity" / "*"
 *   weight = OWS ";" OWS "q=" qvalue
 *   qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
 * </pre>
 * Codings are compared ASCII case-insensitively, with {@code x-gzip} taken as {@code gzip}
 * (RFC 9110 section 8.4.1.3). A weight is kept in thousandths; {@code q=0} means "not acceptable".
 * An element whose weight breaks the grammar is dropped, as if it were not there.
 */
public final class AcceptEncoding {
    private static final int UNLISTED = -1;

    private final boolean present;
    private final String value;

    private AcceptEncoding(String value) {
        this.present = value != null;
        this.value = value == null ? "" : value;
    }

    /** The preferences in {@code fieldValue} (the field's value, or null when the request has none). */
    public static AcceptEncoding of(String fieldValue) {
        return new AcceptEncoding(fieldValue);
    }

    /**
     * The weight the client gives {@code coding} (lower case), from 0 to 1000: its own element, else the
     * {@code *} element, else 0 for a content-coding or 1000 for {@code identity}, which is
     * acceptable unless excluded. With no field at all every coding weighs 1000 (RFC 9110
     * section 12.5.3: any coding is acceptable).
     */
    public int weight(String coding) {
        if (!present) {
            return 1000;
        }
        int own = listedWeight(coding);
        if (own != UNLISTED) {
            return own;
        }
        int any = listedWeight("*");
        if (any != UNLISTED) {
            return any;
        }
        return isIdentity(coding) ? 1000 : 0;
    }

    /**
     * True when the client asked for {@code coding} (lower case): the field is present and gives it a
     * weight above 0, and {@code identity}, when weighted explicitly (by its own element or by
     * {@code *}), weighs no more. An unlisted {@code identity} is acceptable but least preferred, so
     * {@code gzip;q=0.5} still prefers gzip. A request without the field gets no coding, as
     * servers and clients expect, although the RFC would allow one.
     */
    public boolean prefers(String coding) {
        if (!present) {
            return false;
        }
        int w = weight(coding);
        if (w == 0) {
            return false;
        }
        int identity = listedWeight("identity");
        if (identity == UNLISTED) {
            identity = listedWeight("*");
        }
        return identity == UNLISTED || w >= identity;
    }

    /** The weight of {@code coding}'s own element (the highest when listed twice), or UNLISTED. */
    private int listedWeight(String coding) {
        int best = UNLISTED;
        int n = value.length();
        int start = 0;
        while (start < n) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            int semi = value.indexOf(';', start);
            int nameEnd = semi >= 0 && semi < end ? semi : end;
            int from = skipOws(value, start, nameEnd);
            int to = backOverOws(value, from, nameEnd);
            if (to > from && sameCoding(value, from, to, coding)) {
                int q = nameEnd == end ? 1000 : qvalue(value, nameEnd + 1, end);
                best = Math.max(best, q);
            }
            start = end + 1;
        }
        return best;
    }

    /** The qvalue of {@code OWS "q=" qvalue} in {@code [start, end)}, or UNLISTED when malformed. */
    static int qvalue(String s, int start, int end) {
        int i = skipOws(s, start, end);
        end = backOverOws(s, i, end);
        if (end - i < 3 || (s.charAt(i) != 'q' && s.charAt(i) != 'Q') || s.charAt(i + 1) != '=') {
            return UNLISTED;
        }
        i += 2;
        char unit = s.charAt(i);
        if (unit != '0' && unit != '1') {
            return UNLISTED;
        }
        int q = (unit - '0') * 1000;
        if (i + 1 == end) {
            return q;
        }
        if (s.charAt(i + 1) != '.' || end - (i + 2) > 3) {
            return UNLISTED;
        }
        int scale = 100;
        for (int k = i + 2; k < end; k++, scale /= 10) {
            char c = s.charAt(k);
            if (c < '0' || c > '9' || (unit == '1' && c != '0')) {
                return UNLISTED;
            }
            q += (c - '0') * scale;
        }
        return q;
    }

    private static boolean sameCoding(String s, int from, int to, String coding) {
        if (equalsAscii(s, from, to, coding)) {
            return true;
        }
        return coding.equals("gzip") && equalsAscii(s, from, to, "x-gzip");
    }

    /** ASCII case-insensitive comparison, so no Unicode case rule (Kelvin sign, dotless i) can make a match. */
    private static boolean equalsAscii(String s, int from, int to, String lowerAscii) {
        if (to - from != lowerAscii.length()) {
            return false;
        }
        for (int i = 0; i < lowerAscii.length(); i++) {
            char c = s.charAt(from + i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (lower != lowerAscii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentity(String coding) {
        return coding.equals("identity");
    }

    private static int skipOws(String s, int i, int end) {
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int backOverOws(String s, int start, int end) {
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    @Override
    public String toString() {
        return present ? "Accept-Encoding: " + value : "no Accept-Encoding";
    }
}
