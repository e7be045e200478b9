package dev.barehttp.benchmarks;

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
 * Decodes one request per operation with barehttp's codec and with Netty's
 * {@code HttpRequestDecoder}, on one thread: cases 1 to 4 of the benchmark plan (see
 * {@link RequestSamples}). Run with {@code -prof gc} for the bytes allocated per request.
 *
 * <p>barehttp reads body pieces as views of its input ({@code nextEventAsView}), the path the server
 * takes (its request body stream reads every piece so, and an unread body is discarded without a
 * copy); {@link #barehttpCopies} measures the copying {@code nextEvent()} beside it.
 *
 * <p>Both sides decode only: neither encodes a response (barehttp ends each exchange with
 * {@code skipResponse()}, see {@link BarehttpDecoding}); {@link EncodeBenchmark} measures responses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {
    /** Which input to decode. */
    @Param({"HOST_ONLY", "BROWSER_GET", "POST_1K", "CHUNKED_POST"})
    public RequestSamples sample;

    private byte[] input;
    private BarehttpDecoding barehttp;
    private BarehttpDecoding barehttpCopies;
    private NettyDecoding netty;

    /** Prepares both decoders and checks that each decodes the sample completely. */
    @Setup
    public void setUp() {
        input = sample.bytes();
        barehttp = new BarehttpDecoding(true);
        barehttpCopies = new BarehttpDecoding(false);
        barehttpCopies.decode(input);
        DecodeChecks.expect("barehttp copies", sample, barehttpCopies.requests(), barehttpCopies.bodyBytes());
        netty = new NettyDecoding();
        barehttp.decode(input);
        netty.decode(input);
        DecodeChecks.expect("barehttp", sample, barehttp.requests(), barehttp.bodyBytes());
        DecodeChecks.expect("netty", sample, netty.requests(), netty.bodyBytes());
    }

    /** Releases Netty's channel. */
    @TearDown
    public void tearDown() {
        netty.close();
    }

    /**
     * barehttp: receive, pull events to NEED_DATA with body pieces as views of the input
     * ({@code nextEventAsView}, as the server reads them), end the exchange without a response.
     */
    @Benchmark
    public long barehttp() {
        return barehttp.decode(input);
    }

    /** barehttp with every body piece an owned copy ({@code nextEvent}): one array per piece. */
    @Benchmark
    public long barehttpCopies() {
        return barehttpCopies.decode(input);
    }

    /** Netty: write inbound through {@code HttpRequestDecoder}, read and release every message. */
    @Benchmark
    public long netty() {
        return netty.decode(input);
    }
}
