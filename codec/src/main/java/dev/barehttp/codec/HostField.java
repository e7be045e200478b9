package dev.barehttp.codec;

/**
 * The syntax of a {@code Host} field value (RFC 9110 section 7.2, RFC 3986 section 3.2):
 * <pre>
 *   Host       = uri-host [ ":" port ]      uri-host = IP-literal / IPv4address / reg-name
 *   reg-name   = *( unreserved / pct-encoded / sub-delims )
 *   IP-literal = "[" ( IPv6address / IPvFuture ) "]"     port = *DIGIT
 * </pre>
 * RFC 9112 section 3.2 requires a 400 for a Host field with an invalid value: a proxy and an origin
 * that read a malformed authority differently route the same request to different hosts.
 */
final class HostField {
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String UNRESERVED_SYMBOLS = "-._~";

    private HostField() {
    }

    /** True when {@code value} is {@code uri-host [ ":" port ]} (an empty value is valid). */
    static boolean isValid(String value) {
        int hostEnd;
        if (value.startsWith("[")) {
            hostEnd = value.indexOf(']') + 1;
            if (hostEnd <= 1 || !isIpLiteralBody(value, 1, hostEnd - 1)) {
                return false;
            }
        } else {
            int colon = value.lastIndexOf(':');
            hostEnd = colon < 0 ? value.length() : colon;
            if (!isRegName(value, 0, hostEnd)) {
                return false;
            }
        }
        if (hostEnd == value.length()) {
            return true;
        }
        if (value.charAt(hostEnd) != ':') {
            return false;
        }
        for (int i = hostEnd + 1; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** reg-name (IPv4address is a subset of it). */
    private static boolean isRegName(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isUnreserved(c) && SUB_DELIMS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** IPv6address or IPvFuture, loosely: the characters they may hold, at least one. */
    private static boolean isIpLiteralBody(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isUnreserved(c) && SUB_DELIMS.indexOf(c) < 0 && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || UNRESERVED_SYMBOLS.indexOf(c) >= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
