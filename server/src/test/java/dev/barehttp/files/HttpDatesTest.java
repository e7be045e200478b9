package dev.barehttp.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 section 5.6.7: the three HTTP-date forms a recipient must accept, and what is not a date. */
class HttpDatesTest {
    private static final long NOV_1994 = Instant.parse("1994-11-06T08:49:37Z").getEpochSecond();

    /** RFC 9110 section 5.6.7: IMF-fixdate, rfc850-date and asctime-date name the same instant. */
    @Test
    void allThreeFormsAreRead() {
        assertEquals(NOV_1994, HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(NOV_1994, HttpDates.parse("Sun Nov  6 08:49:37 1994"));
        long thisCentury = Instant.parse("2024-03-01T12:00:00Z").getEpochSecond();
        assertEquals(thisCentury, HttpDates.parse("Friday, 01-Mar-24 12:00:00 GMT"));
    }

    /** RFC 9110 section 5.6.7: a two-digit year more than 50 years ahead is in the past century. */
    @Test
    void rfc850YearTooFarAheadIsInThePastCentury() {
        long y1994 = HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT");
        assertEquals(NOV_1994, y1994);
    }

    /** RFC 9110 section 5.6.7: anything else is not a date: wrong zone, non-ASCII digits, impossible fields, other layouts. */
    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT ", "Sun, 31 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Xyz 1994 08:49:37 GMT", "Sun, \u00B206 Nov 1994 08:49:3 GMT", "Sun, 06 Nov 1994 08:49:37 gmt",
        "Sunday, 06 Nov 1994 08:49:37 GMT", "Sun Nov 6 08:49:37 1994", "1994-11-06T08:49:37Z", "Xyz, 06 Nov 1994 08:49:37 GMT"})
    void malformedDatesAreInvalid(String value) {
        assertEquals(HttpDates.INVALID, HttpDates.parse(value), value);
    }

    /** RFC 9110 section 13.1.3: an absent field is no date, so the condition is not evaluated. */
    @Test
    void nullIsInvalid() {
        assertEquals(HttpDates.INVALID, HttpDates.parse(null));
    }
}
