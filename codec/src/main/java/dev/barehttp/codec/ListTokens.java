package dev.barehttp.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading of comma-separated lists of tokens (RFC 9110 section 5.6.1), such as
 * {@code Connection: keep-alive, Upgrade} or {@code Transfer-Encoding: gzip, chunked}.
 */
final class ListTokens {
    private ListTokens() {
    }

    /** True when one element of the list {@code value}, up to any ";" parameters, equals {@code token} ignoring case. */
    static boolean contains(String value, String token) {
        int n = value.length();
        int i = 0;
        while (i < n) {
            int end = value.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            if (elementEquals(value, i, end, token)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    /** As {@link #contains(String, String)}, for the list held in {@code b[from, to)} (ISO-8859-1). */
    static boolean contains(byte[] b, int from, int to, String token) {
        int i = from;
        while (i < to) {
            int end = elementEnd(b, i, to);
            int cut = cutEnd(b, i, end);
            if (regionEquals(b, cutStart(b, i, cut), cut, token)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    /**
     * Which of {@code tokens} are elements of the list held in {@code b[from, to)} (ISO-8859-1), each
     * compared as {@link #contains(String, String)} does: bit {@code i} of the result is set when
     * {@code tokens[i]} is one. The list is read once, whatever the number of tokens.
     */
    static int elementsAmong(byte[] b, int from, int to, String[] tokens) {
        int found = 0;
        int i = from;
        while (i < to) {
            int end = elementEnd(b, i, to);
            int cut = cutEnd(b, i, end);
            int start = cutStart(b, i, cut);
            for (int t = 0; t < tokens.length; t++) {
                if (regionEquals(b, start, cut, tokens[t])) {
                    found |= 1 << t;
                }
            }
            i = end + 1;
        }
        return found;
    }

    /** Where the element starting at {@code start} ends: at the next ',' or at {@code to}. */
    private static int elementEnd(byte[] b, int start, int to) {
        int end = start;
        while (end < to && b[end] != ',') {
            end++;
        }
        return end;
    }

    /** The end of the element {@code b[start, end)} cut at its first ';' and trimmed of trailing OWS. */
    private static int cutEnd(byte[] b, int start, int end) {
        int cut = start;
        while (cut < end && b[cut] != ';') {
            cut++;
        }
        while (cut > start && isOws((char) b[cut - 1])) {
            cut--;
        }
        return cut;
    }

    /** {@code start} moved past leading OWS, not beyond {@code cut}. */
    private static int cutStart(byte[] b, int start, int cut) {
        while (start < cut && isOws((char) b[start])) {
            start++;
        }
        return start;
    }

    private static boolean regionEquals(byte[] b, int start, int end, String token) {
        if (end - start != token.length()) {
            return false;
        }
        for (int k = 0; k < token.length(); k++) {
            char t = token.charAt(k);
            if (t > 0x7F || ByteClass.lower(b[start + k]) != ByteClass.lower((byte) t)) {
                return false;
            }
        }
        return true;
    }

    /** The non-empty elements of the list, trimmed and without parameters. */
    static List<String> elements(String value) {
        List<String> out = new ArrayList<>(2);
        int n = value.length();
        int start = 0;
        while (start <= n) {
            int end = value.indexOf(',', start);
            if (end < 0) {
                end = n;
            }
            String element = element(value, start, end);
            if (!element.isEmpty()) {
                out.add(element);
            }
            start = end + 1;
        }
        return out;
    }

    /**
     * The non-empty elements of the list, trimmed, each with its ";" parameters kept, for lists
     * whose parameters change their meaning (a transfer coding with a parameter is another coding).
     */
    static List<String> elementsWithParameters(String value) {
        List<String> out = new ArrayList<>(2);
        int n = value.length();
        int start = 0;
        while (start <= n) {
            int end = value.indexOf(',', start);
            if (end < 0) {
                end = n;
            }
            int trimmedEnd = trimmedEnd(value, start, end);
            int trimmedStart = trimmedStart(value, start, trimmedEnd);
            if (trimmedStart < trimmedEnd) {
                out.add(value.substring(trimmedStart, trimmedEnd));
            }
            start = end + 1;
        }
        return out;
    }

    /** The element between {@code start} and {@code end}: trimmed, cut at the first ';'. */
    static String element(String value, int start, int end) {
        end = trimmedEnd(value, start, cutAtParameters(value, start, end));
        return value.substring(trimmedStart(value, start, end), end);
    }

    private static boolean elementEquals(String value, int start, int end, String token) {
        end = trimmedEnd(value, start, cutAtParameters(value, start, end));
        start = trimmedStart(value, start, end);
        return end - start == token.length() && ByteClass.regionEqualsAsciiIgnoringCase(value, start, token);
    }

    private static int cutAtParameters(String value, int start, int end) {
        int semi = value.indexOf(';', start);
        return semi >= 0 && semi < end ? semi : end;
    }

    /** {@code start} moved past leading OWS (SP / HTAB), not beyond {@code end}. */
    static int trimmedStart(String value, int start, int end) {
        while (start < end && isOws(value.charAt(start))) {
            start++;
        }
        return start;
    }

    /** {@code end} moved back over trailing OWS, not before {@code start}. */
    static int trimmedEnd(String value, int start, int end) {
        while (end > start && isOws(value.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
