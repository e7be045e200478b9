package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTest {

    /** RFC 9110 sections 15.4.2-15.4.9: the redirects that carry a Location. */
    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void rfc9110_15_4_redirectCarriesLocation(int status) {
        Response r = Response.redirect(status, "/login?next=%2Fadmin");
        assertEquals(status, r.status());
        assertEquals("/login?next=%2Fadmin", r.headers().get("location"));
        assertEquals(0, ((Response.BytesBody) r.body()).bytes().length);
    }

    /** 300 and 304 are not redirects to one location; 200 and 404 are not redirects at all. */
    @ParameterizedTest
    @ValueSource(ints = {200, 300, 304, 305, 306, 404})
    void rfc9110_15_4_otherStatusesAreRefused(int status) {
        assertThrows(IllegalArgumentException.class, () -> Response.redirect(status, "/"));
    }

    /** CWE-113: the Location is a field value; a line end would split the response. */
    @ParameterizedTest
    @ValueSource(strings = {"", "/a\r\nSet-Cookie: x=1", "/a b", "/caf\u00e9", "/a\u0000"})
    void cwe113_locationMustBeAPrintableUriReference(String location) {
        assertThrows(IllegalArgumentException.class, () -> Response.redirect(302, location));
    }
}
