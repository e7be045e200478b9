package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Building Set-Cookie (RFC 6265 section 4.1). */
class SetCookieTest {

    @Test
    void rfc6265_4_1_1_everyAttributeInItsOrder() {
        SetCookie c = SetCookie.of("sid", "abc").sameSite(SetCookie.SameSite.LAX).httpOnly().secure().path("/app")
                .domain("example.com").expires(Instant.parse("2027-06-03T10:15:30Z")).maxAge(Duration.ofHours(1));
        assertEquals("sid=abc; Max-Age=3600; Expires=Thu, 03 Jun 2027 10:15:30 GMT; Domain=example.com; Path=/app; "
                + "Secure; HttpOnly; SameSite=Lax", c.toHeaderValue());
    }

    /** RFC 6265 section 4.1.1: Expires is an rfc1123-date, day of month in two digits. */
    @Test
    void rfc6265_4_1_1_expiresIsAnImfFixdate() {
        assertEquals("a=1; Expires=Mon, 01 Feb 2027 00:00:00 GMT",
                SetCookie.of("a", "1").expires(Instant.parse("2027-02-01T00:00:00Z")).toHeaderValue());
    }

    @Test
    void rfc6265_5_2_2_expiredCookieHasMaxAgeZeroAndAnExpiresInThePast() {
        assertEquals("sid=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT", SetCookie.expired("sid").toHeaderValue());
    }

    @Test
    void eachCookieIsItsOwnSetCookieFieldLine() {
        Response r = Response.ok("x").withCookie(SetCookie.of("a", "1")).withCookie(SetCookie.of("b", "2"));
        assertEquals(java.util.List.of("a=1", "b=2"), r.headers().all("set-cookie"));
        assertEquals("Set-Cookie", r.headers().nameAsWritten(1));
    }

    /** RFC 6265 section 4.1.1: cookie-name is a token. */
    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a=b", "a;b", "a\u00e9", "(x)"})
    void rfc6265_4_1_1_nameMustBeAToken(String name) {
        assertThrows(IllegalArgumentException.class, () -> SetCookie.of(name, "v"));
    }

    /** RFC 6265 section 4.1.1: cookie-octet excludes CTLs, whitespace, DQUOTE, comma, semicolon, backslash. */
    @ParameterizedTest
    @ValueSource(strings = {"a b", "a;b", "a,b", "a\\b", "a\"b", "a\r\nSet-Cookie: x=1", "caf\u00e9", "\""})
    void rfc6265_4_1_1_valueMustBeCookieOctets(String value) {
        assertThrows(IllegalArgumentException.class, () -> SetCookie.of("a", value));
    }

    @Test
    void rfc6265_4_1_1_aQuotedValueIsAccepted() {
        assertEquals("a=\"x\"", SetCookie.of("a", "\"x\"").toHeaderValue());
    }

    /** CWE-113: no attribute can carry a ';' or a line end into the field. */
    @Test
    void cwe113_attributesAreValidated() {
        SetCookie c = SetCookie.of("a", "1");
        assertThrows(IllegalArgumentException.class, () -> c.path("/a; Domain=evil.com"));
        assertThrows(IllegalArgumentException.class, () -> c.path("/a\r\nX: y"));
        assertThrows(IllegalArgumentException.class, () -> c.domain("evil.com; Secure"));
        assertThrows(IllegalArgumentException.class, () -> c.domain("-bad.com"));
        assertThrows(IllegalArgumentException.class, () -> c.domain("a..b"));
        assertThrows(IllegalArgumentException.class, () -> c.maxAge(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> c.expires(Instant.parse("1600-01-01T00:00:00Z")));
        assertEquals("a=1; Domain=.example.com", c.domain(".example.com").toHeaderValue());
    }

    /** RFC 6265bis section 4.1.2.7: browsers drop SameSite=None without Secure. */
    @Test
    void rfc6265bis_4_1_2_7_sameSiteNoneNeedsSecure() {
        SetCookie none = SetCookie.of("a", "1").sameSite(SetCookie.SameSite.NONE);
        assertThrows(IllegalStateException.class, none::toHeaderValue);
        assertEquals("a=1; Secure; SameSite=None", none.secure().toHeaderValue());
    }
}
