package dev.barehttp.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Case 5: 16 pipelined browser GETs arrive in one buffer. Each invocation decodes all 16, and
 * JMH counts 16 operations, so scores are requests per second and bytes per request, comparable
 * with {@link DecodeBenchmark}. Both sides decode only, as there: neither encodes a response.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelinedDecodeBenchmark {
    private static final int REQUESTS = 16;

    private byte[] input;
    private BarehttpDecoding barehttp;
    private NettyDecoding netty;

    /** Prepares both decoders and checks that each decodes all 16 requests. */
    @Setup
    public void setUp() {
        RequestSamples sample = RequestSamples.PIPELINED_16;
        if (sample.requests() != REQUESTS) {
            throw new IllegalStateException("the sample holds " + sample.requests() + " requests");
        }
        input = sample.bytes();
        barehttp = new BarehttpDecoding();
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

    /** barehttp: one receive, then 16 requests pulled, each exchange ended without a response. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long barehttp() {
        return barehttp.decode(input);
    }

    /** Netty: one inbound write producing 16 requests, each read and released. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long netty() {
        return netty.decode(input);
    }
}
