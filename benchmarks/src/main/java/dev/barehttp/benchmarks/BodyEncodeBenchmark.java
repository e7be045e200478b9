package dev.barehttp.benchmarks;

import dev.barehttp.codec.EndOfMessage;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ResponseWriter;
import dev.barehttp.codec.ServerConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * barehttp alone: a 200 with a byte body under Content-Length, the body copied into the codec
 * ({@code write(byte[])}, its bytes then handed to a sink as {@code EncodeBenchmark} does) against
 * the body queued by reference ({@code write(ByteBuffer)}, the segments then taken as one gathering
 * write would take them). Each call first decodes the minimal {@code GET}, as in
 * {@code EncodeBenchmark}. Run with {@code -prof gc}: the body sizes straddle the size up to which
 * the codec keeps its output array between responses (64 KiB).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BodyEncodeBenchmark {
    /** The body length in bytes. */
    @Param({"1024", "131072"})
    public int bodySize;

    private final ServerConnection connection = new ServerConnection(HttpConfig.defaults());
    private final byte[] request = RequestSamples.HOST_ONLY.bytes();
    private final ByteBuffer[] segments = new ByteBuffer[16];
    private byte[] body;
    private long sent;
    private final ServerConnection.OutputSink countingSink = (b, off, len) -> sent += len;

    /** Makes the body and checks that both ways write the same number of bytes. */
    @Setup
    public void setUp() throws IOException {
        body = RequestSamples.body(bodySize);
        long copied = copied();
        long referenced = byReference();
        if (copied != referenced) {
            throw new IllegalStateException("copied " + copied + " bytes, by reference " + referenced);
        }
    }

    /** The body copied into the codec's output buffer, then handed to a sink. */
    @Benchmark
    public long copied() throws IOException {
        long touched = readRequest();
        head().write(body).end();
        long before = sent;
        connection.writeOutputTo(countingSink);
        return touched + sent - before;
    }

    /** The body queued by reference, then taken as the segments of one gathering write. */
    @Benchmark
    public long byReference() {
        long touched = readRequest();
        head().write(ByteBuffer.wrap(body)).end();
        long n = 0;
        while (connection.hasOutput()) {
            int k = connection.gatherOutput(segments);
            int written = 0;
            for (int i = 0; i < k; i++) {
                written += segments[i].remaining();
            }
            connection.consumeOutput(written);
            n += written;
        }
        return touched + n;
    }

    private ResponseWriter head() {
        ResponseWriter response = connection.response().status(200);
        String[] headers = ResponseSample.HEADERS;
        for (int i = 0; i < headers.length; i += 2) {
            response.header(headers[i], headers[i + 1]);
        }
        return response.contentLength(body.length);
    }

    private long readRequest() {
        connection.receive(request, 0, request.length);
        HttpEvent head = connection.nextEvent();
        HttpEvent end = connection.nextEvent();
        if (!(head instanceof RequestHead h) || !(end instanceof EndOfMessage)) {
            throw new IllegalStateException("expected a request, got " + head + " then " + end);
        }
        return h.method().length() + h.target().length();
    }
}
