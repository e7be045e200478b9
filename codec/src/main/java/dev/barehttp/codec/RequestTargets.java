package dev.barehttp.codec;

/**
 * The four forms of request-target (RFC 9112 section 3.2) and which method may use which.
 * The characters were already checked against RFC 3986 while the request line was read.
 */
final class RequestTargets {
    private RequestTargets() {
    }

    static void check(String method, String target) {
        checkPercentEncoding(target);
        char first = target.charAt(0);
        if (method.equals(Methods.CONNECT)) {
            checkAuthorityForm(target);
        } else if (first == '/') {
            return;
        } else if (target.equals("*")) {
            if (!method.equals(Methods.OPTIONS)) {
                throw HttpProtocolException.badRequest("asterisk-form is only for OPTIONS");
            }
        } else if (!isAbsoluteForm(target)) {
            throw HttpProtocolException.badRequest("the request-target is in no known form");
        }
    }

    /** pct-encoded = "%" HEXDIG HEXDIG (RFC 3986 section 2.1): a lone '%' would decode differently in each reader. */
    private static void checkPercentEncoding(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || ByteClass.hexValue((byte) target.charAt(i + 1)) < 0
                    || ByteClass.hexValue((byte) target.charAt(i + 2)) < 0) {
                throw HttpProtocolException.badRequest("a '%' in the request-target is not followed by two hex digits");
            }
        }
    }

    /** authority-form = uri-host ":" port, for CONNECT only (RFC 9112 section 3.2.3). */
    private static void checkAuthorityForm(String target) {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw HttpProtocolException.badRequest("CONNECT needs an authority-form target (host:port)");
        }
        for (int i = 0; i < colon; i++) {
            char c = target.charAt(i);
            if (c == '/' || c == '?' || c == '@') {
                throw HttpProtocolException.badRequest("CONNECT needs an authority-form target (host:port)");
            }
        }
        for (int i = colon + 1; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpProtocolException.badRequest("the port of a CONNECT target is not a number");
            }
        }
    }

    /** absolute-URI = scheme ":" hier-part (RFC 3986 section 4.3); scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    private static boolean isAbsoluteForm(String target) {
        int colon = target.indexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = target.charAt(i);
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!(alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) {
                return false;
            }
        }
        return true;
    }
}
