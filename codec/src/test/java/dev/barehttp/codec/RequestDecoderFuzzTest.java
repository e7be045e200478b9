package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the server-side decoder (Jazzer). The input's first byte picks the
 * options (bit 0: {@code allowBareLf}) and how many split points follow (bits 1-3), each split
 * point two bytes; the rest is fed to a connection with small limits. The invariants: no exception
 * but {@link HttpProtocolException}, an end within a bounded number of steps, buffered input within
 * the limits, and the same events and outcome whatever the split (one byte at a time included).
 *
 * <p>A plain build runs it in regression mode over the inputs under
 * {@code src/test/resources/dev/barehttp/codec/RequestDecoderFuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes (see SECURITY.md).
 */
class RequestDecoderFuzzTest {
    private static final int BYTE_BY_BYTE_UP_TO = 2048;

    @FuzzTest(maxDuration = "5m")
    @DictionaryFile(resourcePath = "/dev/barehttp/codec/request.dict")
    void decoderKeepsItsInvariantsWhateverTheSplit(byte[] fuzz) {
        if (fuzz.length == 0) {
            return;
        }
        int options = fuzz[0] & 0xFF;
        int cutCount = (options >> 1) & 7;
        int header = Math.min(fuzz.length, 1 + 2 * cutCount);
        int[] cuts = new int[(header - 1) / 2];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = ((fuzz[1 + 2 * i] & 0xFF) << 8) | (fuzz[2 + 2 * i] & 0xFF);
        }
        byte[] input = Arrays.copyOfRange(fuzz, header, fuzz.length);
        HttpConfig config = FuzzedExchange.SMALL_LIMITS.withAllowBareLf((options & 1) != 0);

        String whole = FuzzedExchange.run(config, input, new int[0]);
        assertEquals(whole, FuzzedExchange.run(config, input, cuts), () -> "split at " + Arrays.toString(cuts));
        if (input.length <= BYTE_BY_BYTE_UP_TO) {
            int[] everyByte = new int[input.length];
            for (int i = 0; i < everyByte.length; i++) {
                everyByte[i] = i;
            }
            assertEquals(whole, FuzzedExchange.run(config, input, everyByte), "one byte at a time");
        }
    }
}
