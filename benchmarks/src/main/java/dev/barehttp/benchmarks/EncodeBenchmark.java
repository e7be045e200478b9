package dev.barehttp.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encodes a 200 response ({@link ResponseSample}) with barehttp's response writer and with
 * Netty's {@code HttpServerCodec}. Both sides first decode the same minimal {@code GET}, because
 * barehttp's writer only answers a request; the decode part is equal work on both sides and
 * is measured alone by {@code DecodeBenchmark} case {@code HOST_ONLY}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EncodeBenchmark {
    /** Which response to write. */
    @Param({"FIXED_13B", "CHUNKED_4x256"})
    public String response;

    private boolean chunked;
    private BarehttpEncoding barehttp;
    private NettyEncoding netty;

    /** Prepares both sides and checks that they write the same bytes apart from {@code Date}. */
    @Setup
    public void setUp() throws IOException {
        chunked = response.startsWith("CHUNKED");
        byte[] request = RequestSamples.HOST_ONLY.bytes();
        barehttp = new BarehttpEncoding(request);
        netty = new NettyEncoding(request);
        String ours = withoutDate(barehttp.answerBytes(chunked));
        String theirs = withoutDate(netty.answerBytes(chunked));
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the two sides write different responses:\n" + ours + "\n---\n" + theirs);
        }
    }

    private static String withoutDate(byte[] response) {
        return new String(response, StandardCharsets.ISO_8859_1).replaceAll("(?m)^Date: [^\r]*\r\n", "");
    }

    /** Releases Netty's channel. */
    @TearDown
    public void tearDown() {
        netty.close();
    }

    /** barehttp: decode the GET, write status, 3 headers and body, hand the bytes to a sink. */
    @Benchmark
    public long barehttp() throws IOException {
        return barehttp.answer(chunked);
    }

    /** Netty: decode the GET, write the response objects, read and release the outbound buffers. */
    @Benchmark
    public long netty() {
        return netty.answer(chunked);
    }
}
