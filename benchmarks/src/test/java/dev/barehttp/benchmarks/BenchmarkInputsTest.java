package dev.barehttp.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmarks measure what they claim: both sides decode every sample whole and encode the same bytes. */
class BenchmarkInputsTest {

    @ParameterizedTest
    @EnumSource(RequestSamples.class)
    void bothDecodersReadEveryRequestAndBodyByteOfEachSampleTwiceOverOneConnection(RequestSamples sample) {
        BarehttpDecoding barehttp = new BarehttpDecoding();
        NettyDecoding netty = new NettyDecoding();
        for (int pass = 0; pass < 2; pass++) {
            assertTrue(barehttp.decode(sample.bytes()) > 0);
            assertTrue(netty.decode(sample.bytes()) > 0);
        }
        assertEquals(2L * sample.requests(), barehttp.requests());
        assertEquals(2L * sample.bodyBytes(), barehttp.bodyBytes());
        assertEquals(2L * sample.requests(), netty.requests());
        assertEquals(2L * sample.bodyBytes(), netty.bodyBytes());
        netty.close();
    }

    @Test
    void browserGetHasTwelveHeaderFieldsInAboutFiveHundredBytes() {
        String get = new String(RequestSamples.BROWSER_GET.bytes(), java.nio.charset.StandardCharsets.US_ASCII);
        int fields = get.split("\r\n").length - 1;
        assertEquals(12, fields);
        assertTrue(get.length() >= 450 && get.length() <= 600, "length " + get.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIXED_13B", "CHUNKED_4x256"})
    void bothEncodersWriteTheSameResponseApartFromDate(String response) throws Exception {
        EncodeBenchmark benchmark = new EncodeBenchmark();
        benchmark.response = response;
        benchmark.setUp();
        assertTrue(benchmark.barehttp() > 0);
        assertTrue(benchmark.netty() > 0);
        benchmark.tearDown();
    }

    @Test
    void sampleFilesForTheLlhttpHarnessHoldExactlyTheBytesTheJavaDecodersGet(@TempDir Path dir) throws Exception {
        RequestSampleFiles.write(dir);
        List<String> index = Files.readAllLines(dir.resolve("samples.tsv"), StandardCharsets.US_ASCII);
        assertEquals(RequestSamples.values().length, index.size());
        for (RequestSamples sample : RequestSamples.values()) {
            assertArrayEquals(sample.bytes(), Files.readAllBytes(dir.resolve(sample.name() + ".http")), sample.name());
            String expected = sample.name() + "\t" + dir.resolve(sample.name() + ".http").toAbsolutePath() + "\t"
                    + sample.requests() + "\t" + sample.bodyBytes();
            assertEquals(expected, index.get(sample.ordinal()));
        }
    }
}
