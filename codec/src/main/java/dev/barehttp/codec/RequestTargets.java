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
        } else if (isHttpScheme(target)) {
            checkHttpAuthority(target);
        }
    }

    /**
     * The authority a request-target names itself (RFC 9112 section 3.2): all of CONNECT's
     * authority-form, the part after {@code "//"} of an absolute-form target up to its path or query,
     * or null for a target that names none (origin-form, asterisk-form, a URI without {@code "//"}).
     */
    static String authorityOf(String method, String target) {
        if (method.equals(Methods.CONNECT)) {
            return target;
        }
        int scheme = target.charAt(0) == '/' ? -1 : target.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int start = scheme + 3;
        return target.substring(start, authorityEnd(target, start));
    }

    /** Where the authority that starts at {@code start} ends: at the path's '/', the query's '?' or the end. */
    private static int authorityEnd(String target, int start) {
        int end = start;
        while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
            end++;
        }
        return end;
    }

    /** True when an absolute-form target's scheme is {@code http} or {@code https}, in any case (RFC 3986 section 3.1). */
    private static boolean isHttpScheme(String target) {
        int colon = target.indexOf(':');
        // Scheme characters are ALPHA, DIGIT, '+', '-', '.' (checked): of them only 'H' and 'h' fold to 'h'.
        boolean http = colon >= 4 && (target.charAt(0) | 0x20) == 'h' && (target.charAt(1) | 0x20) == 't'
                && (target.charAt(2) | 0x20) == 't' && (target.charAt(3) | 0x20) == 'p';
        return http && (colon == 4 || (colon == 5 && (target.charAt(4) | 0x20) == 's'));
    }

    /**
     * http-URI and https-URI (RFC 9110 sections 4.2.1 and 4.2.2): {@code "//"} and an authority whose
     * host is not empty (a recipient must reject an empty one) and valid as a Host value, without
     * userinfo (RFC 9110 section 4.2.4: it is deprecated, and mostly serves to hide the real host).
     */
    private static void checkHttpAuthority(String target) {
        int start = target.indexOf(':') + 3;
        if (!target.startsWith("//", start - 2)) {
            throw HttpProtocolException.badRequest("an http(s) request-target has no \"//\" and authority (RFC 9110 section 4.2.1)");
        }
        String authority = target.substring(start, authorityEnd(target, start));
        if (authority.indexOf('@') >= 0) {
            throw HttpProtocolException.badRequest("userinfo in an http(s) request-target (RFC 9110 section 4.2.4)");
        }
        if (authority.isEmpty() || authority.charAt(0) == ':' || !HostField.isValid(authority)) {
            throw HttpProtocolException.badRequest("the host of an http(s) request-target is empty or invalid (RFC 9110 section 4.2.1)");
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
