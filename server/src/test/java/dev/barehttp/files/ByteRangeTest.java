package dev.barehttp.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9110 section 14.1.2: byte-range specs resolved against a representation's size. */
class ByteRangeTest {

    private static String answer(String range, long size) {
        ByteRange r = ByteRange.of(range, size);
        return r.kind() == ByteRange.Kind.PARTIAL ? r.first() + "-" + r.last() : r.kind().name();
    }

    /** RFC 9110 section 14.1.2: int-range, open int-range and suffix-range, clamped to the size. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-0|100|0-0", "bytes=0-99|100|0-99", "bytes=0-999|100|0-99", "bytes=50-|100|50-99",
        "bytes=-1|100|99-99", "bytes=-500|100|0-99", "Bytes=1-2|100|1-2", "bytes= 1-2 |100|1-2",
        "bytes=1-2,|100|1-2", "bytes=99-|100|99-99", "bytes=0-99999999999999999999999|100|0-99"})
    void satisfiableRanges(String range, long size, String expected) {
        assertEquals(expected, answer(range, size));
    }

    /** RFC 9110 section 14.1.1: a first-pos at or past the size, a zero suffix, or an empty representation: unsatisfiable. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=100-|100", "bytes=100-200|100", "bytes=-0|100", "bytes=0-|0", "bytes=-5|0",
        "bytes=99999999999999999999-|100"})
    void unsatisfiableRanges(String range, long size) {
        assertEquals("UNSATISFIABLE", answer(range, size));
    }

    /** RFC 9110 section 14.2: a server may ignore what it does not serve: many ranges, other units, bad syntax. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes=0-1,2-3", "bytes=0-1, -1", "lines=0-1", "bytes=2-1", "bytes=a-b", "bytes=1", "bytes=", "bytes",
        "bytes = 0-1", "bytes=+0-1", "bytes=0--1", "bytes=-", "bytes=-+1", "bytes=0x1-2", "bytez=0-1"})
    void ignoredRanges(String range) {
        assertEquals("WHOLE", answer(range, 100));
    }

    /** RFC 9110 section 14.2: without Range the whole representation is sent. */
    @Test
    void noFieldIsWhole() {
        assertEquals("WHOLE", answer(null, 100));
    }
}
