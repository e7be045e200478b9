package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content-Length is 1*DIGIT (RFC 9110 section 8.6): the writer's decimal output for every length a
 * {@code long} holds, at each boundary of the digit count and of the int range the fast path uses.
 */
class DecimalOutputTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 1, 9, 10, 11, 99, 100, 999, 1000, 65535, 999_999_999, 1_000_000_000,
            Integer.MAX_VALUE - 1L, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 4_294_967_296L, 9_999_999_999L,
            10_000_000_000L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE - 1, Long.MAX_VALUE})
    void writesTheDigitsOfTheNumber(long v) {
        OutputBuffer out = new OutputBuffer();
        out.put((byte) '<');
        out.putDecimal(v);
        out.put((byte) '>');
        ByteBuffer view = out.view();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        assertEquals("<" + v + ">", new String(bytes, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void refusesANegativeNumber(long v) {
        assertThrows(IllegalArgumentException.class, () -> new OutputBuffer().putDecimal(v));
    }
}
