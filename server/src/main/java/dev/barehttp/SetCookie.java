package dev.barehttp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@code Set-Cookie} field value (RFC 6265 section 4.1), built immutably and validated as it is
 * built, so no attribute can smuggle a {@code ;} or a line end:
 *
 * <pre>{@code
 * Response.ok("signed in").withCookie(SetCookie.of("sid", token)
 *         .path("/").maxAge(Duration.ofHours(8)).secure().httpOnly().sameSite(SetCookie.SameSite.LAX));
 * }</pre>
 *
 * Attributes are written in a fixed order: Max-Age, Expires, Domain, Path, Secure, HttpOnly, SameSite.
 */
public final class SetCookie {

    /** The {@code SameSite} attribute's values (RFC 6265bis section 4.1.2.7). */
    public enum SameSite {
        /** Sent only with same-site requests. */
        STRICT("Strict"),
        /** Sent with same-site requests and top-level cross-site navigations. */
        LAX("Lax"),
        /** Sent with cross-site requests too; browsers require {@link SetCookie#secure()} with it. */
        NONE("None");

        private final String value;

        SameSite(String value) {
            this.value = value;
        }
    }

    /**
     * cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E (RFC 6265 section 4.1.1): US-ASCII
     * without controls, whitespace, DQUOTE, comma, semicolon and backslash.
     */
    private static final boolean[] COOKIE_OCTET = new boolean[256];
    /** path-value = any CHAR except CTLs or ";" (RFC 6265 section 4.1.1). */
    private static final boolean[] PATH_CHAR = new boolean[256];
    /** The characters of a domain label (RFC 1034 section 3.5, RFC 1123 section 2.1). */
    private static final boolean[] LABEL_CHAR = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            COOKIE_OCTET[c] = c == 0x21 || c >= 0x23 && c <= 0x2B || c >= 0x2D && c <= 0x3A
                    || c >= 0x3C && c <= 0x5B || c >= 0x5D && c <= 0x7E;
            PATH_CHAR[c] = c >= 0x20 && c <= 0x7E && c != ';';
            LABEL_CHAR[c] = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-';
        }
    }

    /** IMF-fixdate (RFC 9110 section 5.6.7), which is the rfc1123-date RFC 6265 asks for. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.parse("1601-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final String name;
    private final String value;
    private final Long maxAgeSeconds;
    private final Instant expires;
    private final String domain;
    private final String path;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;

    private SetCookie(String name, String value, Long maxAgeSeconds, Instant expires, String domain, String path,
                      boolean secure, boolean httpOnly, SameSite sameSite) {
        this.name = name;
        this.value = value;
        this.maxAgeSeconds = maxAgeSeconds;
        this.expires = expires;
        this.domain = domain;
        this.path = path;
        this.secure = secure;
        this.httpOnly = httpOnly;
        this.sameSite = sameSite;
    }

    /**
     * A cookie with no attributes yet.
     *
     * @throws IllegalArgumentException when {@code name} is not a token or {@code value} holds a
     *     character outside cookie-octet (a value wrapped in one pair of double quotes is accepted)
     */
    public static SetCookie of(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!Cookie.isToken(name)) {
            throw new IllegalArgumentException("a cookie name is a token (RFC 6265 section 4.1.1): \"" + name + "\"");
        }
        String inner = value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"'
                ? value.substring(1, value.length() - 1) : value;
        if (!all(inner, COOKIE_OCTET)) {
            throw new IllegalArgumentException("a cookie value holds only cookie-octets (RFC 6265 section 4.1.1): "
                    + "no space, DQUOTE, comma, semicolon, backslash or control; encode it first");
        }
        return new SetCookie(name, value, null, null, null, null, false, false, null);
    }

    /** A cookie that tells the client to drop {@code name}: empty value, Max-Age=0, Expires in 1970. */
    public static SetCookie expired(String name) {
        return of(name, "").maxAge(Duration.ZERO).expires(Instant.EPOCH);
    }

    /**
     * With {@code Max-Age} in whole seconds; zero tells the client to drop the cookie at once.
     *
     * @throws IllegalArgumentException for a negative duration
     */
    public SetCookie maxAge(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("Max-Age must not be negative: " + maxAge);
        }
        return new SetCookie(name, value, maxAge.getSeconds(), expires, domain, path, secure, httpOnly, sameSite);
    }

    /**
     * With {@code Expires} at {@code time} (to the second).
     *
     * @throws IllegalArgumentException for a time before 1601 or after 9999, which an rfc1123-date cannot hold
     */
    public SetCookie expires(Instant time) {
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new IllegalArgumentException("Expires must be within the years 1601-9999: " + time);
        }
        return new SetCookie(name, value, maxAgeSeconds, time, domain, path, secure, httpOnly, sameSite);
    }

    /**
     * With {@code Domain}: dot-separated labels of letters, digits and hyphens (a leading dot is allowed
     * and ignored by clients, RFC 6265 section 4.1.2.3).
     *
     * @throws IllegalArgumentException for anything else
     */
    public SetCookie domain(String newDomain) {
        if (!isDomain(newDomain)) {
            throw new IllegalArgumentException("a cookie Domain is a host name (RFC 6265 section 4.1.1): " + newDomain);
        }
        return new SetCookie(name, value, maxAgeSeconds, expires, newDomain, path, secure, httpOnly, sameSite);
    }

    /**
     * With {@code Path}.
     *
     * @throws IllegalArgumentException for a path with a control character, a non-ASCII one or {@code ;}
     */
    public SetCookie path(String newPath) {
        if (newPath.isEmpty() || !all(newPath, PATH_CHAR)) {
            throw new IllegalArgumentException("a cookie Path is CHARs other than controls and ';' "
                    + "(RFC 6265 section 4.1.1): " + newPath);
        }
        return new SetCookie(name, value, maxAgeSeconds, expires, domain, newPath, secure, httpOnly, sameSite);
    }

    /** With {@code Secure}: sent over HTTPS only. */
    public SetCookie secure() {
        return new SetCookie(name, value, maxAgeSeconds, expires, domain, path, true, httpOnly, sameSite);
    }

    /** With {@code HttpOnly}: not visible to scripts. */
    public SetCookie httpOnly() {
        return new SetCookie(name, value, maxAgeSeconds, expires, domain, path, secure, true, sameSite);
    }

    /** With {@code SameSite}. */
    public SetCookie sameSite(SameSite newSameSite) {
        return new SetCookie(name, value, maxAgeSeconds, expires, domain, path, secure, httpOnly,
                Objects.requireNonNull(newSameSite, "sameSite"));
    }

    /** The cookie's name. */
    public String name() {
        return name;
    }

    /**
     * The {@code Set-Cookie} field value.
     *
     * @throws IllegalStateException for {@code SameSite=None} without {@code Secure}, which browsers reject
     */
    public String toHeaderValue() {
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalStateException("SameSite=None needs Secure, or browsers drop the cookie " + name);
        }
        return render();
    }

    /** The field value as built, unchecked, for {@link #toString()}. */
    private String render() {
        StringBuilder sb = new StringBuilder(name.length() + value.length() + 64).append(name).append('=').append(value);
        if (maxAgeSeconds != null) {
            sb.append("; Max-Age=").append(maxAgeSeconds.longValue());
        }
        if (expires != null) {
            sb.append("; Expires=").append(IMF_FIXDATE.format(expires));
        }
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        if (path != null) {
            sb.append("; Path=").append(path);
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (sameSite != null) {
            sb.append("; SameSite=").append(sameSite.value);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private static boolean all(String s, boolean[] allowed) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomain(String d) {
        String host = d.startsWith(".") ? d.substring(1) : d;
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (host.charAt(i) > 0xFF || !LABEL_CHAR[host.charAt(i)]) {
                return false;
            }
        }
        return true;
    }
}
