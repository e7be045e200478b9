package dev.barehttp.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 section 12.5.3: reading Accept-Encoding, weights and all. */
class AcceptEncodingTest {

    /** RFC 9110 section 12.5.3: a listed coding without weight is q=1. */
    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "deflate, gzip, br", " gzip ;q=1", "gzip;q=0.001", "x-gzip",
        "br;q=1, gzip;q=0.5", "*", "identity;q=0.5, gzip;q=0.5", "gzip;Q=0.8", "gzip;q=1.000", "gzip , identity"})
    void gzipIsPreferred(String field) {
        assertTrue(AcceptEncoding.of(field).prefers("gzip"), field);
    }

    /** RFC 9110 section 12.5.3: q=0 means "not acceptable", and identity weighted higher wins. */
    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "br", "gzip;q=0", "gzip;q=0.000", "*;q=0", "gzip;q=0, *",
        "identity;q=1, gzip;q=0.5", "*;q=0.5, identity", "gzip;q=2", "gzip;q=1.5", "gzip;q=0.0001", "gzip;q=",
        "gzip;q=.5", "gzip;level=1", "gzipx", "g\u00B2ip", "gzip;q=\u00BD"})
    void gzipIsNotPreferred(String field) {
        assertFalse(AcceptEncoding.of(field).prefers("gzip"), field);
    }

    /** RFC 9110 section 12.5.3: without the field any coding is acceptable, but none is asked for. */
    @Test
    void absentFieldAcceptsAllButPrefersNone() {
        AcceptEncoding none = AcceptEncoding.of(null);
        assertEquals(1000, none.weight("gzip"));
        assertFalse(none.prefers("gzip"));
    }

    /** RFC 9110 section 12.5.3: identity is acceptable unless excluded by identity;q=0 or *;q=0. */
    @Test
    void identityIsAcceptableUnlessExcluded() {
        assertEquals(1000, AcceptEncoding.of("gzip").weight("identity"));
        assertEquals(0, AcceptEncoding.of("*;q=0").weight("identity"));
        assertEquals(500, AcceptEncoding.of("*;q=0, identity;q=0.5").weight("identity"));
    }

    /** RFC 9110 section 12.4.2: qvalues have at most three decimals; weights are kept in thousandths. */
    @Test
    void weightsAreThousandths() {
        assertEquals(123, AcceptEncoding.of("gzip;q=0.123").weight("gzip"));
        assertEquals(500, AcceptEncoding.of("gzip;q=0.5").weight("gzip"));
        assertEquals(0, AcceptEncoding.of("br").weight("gzip"));
        assertEquals(700, AcceptEncoding.of("*;q=0.7").weight("gzip"));
        assertEquals(900, AcceptEncoding.of("gzip;q=0.3, GZip;q=0.9").weight("gzip"), "the best of repeated elements");
    }

    /** U+0130 (dotted capital I) equals 'i' under equalsIgnoreCase; an ASCII-only comparison never lets it match. */
    @Test
    void unicodeCaseFoldingNeverMatches() {
        assertTrue("gz\u0130p".equalsIgnoreCase("gzip"), "the trap this test guards against");
        assertFalse(AcceptEncoding.of("gz\u0130p").prefers("gzip"));
        assertEquals(1000, AcceptEncoding.of("\u0130dentity;q=0, gzip;q=0.5").weight("identity"));
    }
}
