package dev.barehttp;

import static dev.barehttp.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the Cookie field (RFC 6265 section 5.4), leniently but never unsafely. */
class CookieTest {

    @Test
    void rfc6265_5_4_pairsSeparatedBySemicolonSpace() {
        Request r = request("GET", "/", "Cookie", "sid=abc123; theme=dark");
        assertEquals(List.of(new Cookie("sid", "abc123"), new Cookie("theme", "dark")), r.cookies());
        assertEquals("abc123", r.cookie("sid"));
        assertNull(r.cookie("SID"), "cookie names are case-sensitive");
        assertNull(r.cookie("nope"));
    }

    @Test
    void rfc6265_4_1_1_quotedValueLosesItsQuotesAndValueMayHoldEquals() {
        Request r = request("GET", "/", "Cookie", "a=\"quoted\"; b=x=y==");
        assertEquals("quoted", r.cookie("a"));
        assertEquals("x=y==", r.cookie("b"));
    }

    @Test
    void rfc6265_5_4_firstOfTwoSameNamesIsTheMostSpecificPath() {
        Request r = request("GET", "/", "Cookie", "id=deep; id=shallow");
        assertEquals("deep", r.cookie("id"));
        assertEquals(2, r.cookies().size());
    }

    @Test
    void lenient_spacesTabsEmptyPairsAndMissingSpaceAreTolerated() {
        Request r = request("GET", "/", "Cookie", " a = 1 ;;b=2;\tc=;  ;d=4 ");
        assertEquals(List.of(new Cookie("a", "1"), new Cookie("b", "2"), new Cookie("c", ""), new Cookie("d", "4")),
                r.cookies());
    }

    @Test
    void lenient_severalCookieFieldLinesAreAllRead() {
        Request r = request("GET", "/", "Cookie", "a=1", "Cookie", "b=2");
        assertEquals("1", r.cookie("a"));
        assertEquals("2", r.cookie("b"));
    }

    /** A pair that is not a cookie is skipped, and the rest of the field still counts. */
    @Test
    void safe_pairsWithoutEqualsOrWithANonTokenNameAreSkipped() {
        Request r = request("GET", "/", "Cookie", "flag; bad name=1; a(b)=2; =3; ok=4");
        assertEquals(List.of(new Cookie("ok", "4")), r.cookies());
    }

    /** Values with control or non-ASCII bytes (obs-text read as ISO-8859-1) are skipped. */
    @Test
    void safe_valuesWithControlOrNonAsciiBytesAreSkipped() {
        Request r = request("GET", "/", "Cookie", "a=caf\u00e9; c=\tz; d=fine");
        assertEquals(List.of(new Cookie("c", "z"), new Cookie("d", "fine")), r.cookies());
        // The codec refuses controls in field values already; the parser does not rely on it.
        assertEquals(List.of(new Cookie("d", "fine")), Cookie.parse(List.of("b=x\u007fy; e=\u0001; d=fine")));
    }

    @Test
    void noCookieFieldIsNoCookie() {
        assertEquals(List.of(), request("GET", "/").cookies());
    }

    /** RFC 9110 section 5.3: a repeated field's values one by one, not only joined with ", ". */
    @Test
    void rfc9110_5_3_everyValueOfARepeatedField() {
        Request r = request("GET", "/", "Accept", "text/html", "X-Tag", "a, b", "accept", "*/*");
        assertEquals(List.of("text/html", "*/*"), r.headers("ACCEPT"));
        assertEquals(List.of("a, b"), r.headers("x-tag"));
        assertEquals("text/html, */*", r.header("accept"));
        assertEquals(List.of(), r.headers("missing"));
    }
}
