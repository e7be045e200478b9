package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-connection memory is bounded by configuration, not by how fast or slow the peer is. */
class BackpressureTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void aStreamingHandlerBlocksWhileASlowReaderTakesNothing() throws Exception {
        AtomicLong produced = new AtomicLong();
        long total = 128L * MIB;
        byte[] chunk = new byte[64 * 1024];
        try (HttpServer server = Servers.start(r -> Response.stream(200, out -> {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
                produced.addAndGet(chunk.length);
            }
        })); RawClient c = new RawClient(server.port())) {
            c.send(Servers.GET);
            Thread.sleep(1_000);
            long stalledAt = produced.get();
            Thread.sleep(300);
            assertEquals(stalledAt, produced.get(), "the handler must be blocked while the reader takes nothing");
            assertTrue(stalledAt < 64L * MIB, "buffered ahead of a stalled reader: " + stalledAt);
            assertEquals(total, drainChunkedBody(c.input()));
        }
    }

    @Test
    void aFastUploaderIsNotReadWhileTheHandlerHasNotConsumedTheBody() throws Exception {
        CountDownLatch consume = new CountDownLatch(1);
        long total = 128L * MIB;
        try (HttpServer server = Servers.start(r -> {
            InputStream body = r.body();
            body.read();
            consume.await(10, TimeUnit.SECONDS);
            long n = 1 + body.transferTo(OutputStream.nullOutputStream());
            return Response.ok(Long.toString(n));
        }); RawClient c = new RawClient(server.port())) {
            AtomicLong uploaded = new AtomicLong();
            Thread uploader = new Thread(() -> upload(c, total, uploaded));
            uploader.start();
            Thread.sleep(1_000);
            long stalledAt = uploaded.get();
            Thread.sleep(300);
            assertEquals(stalledAt, uploaded.get(), "the server must stop reading a body nobody consumes");
            assertTrue(stalledAt < 64L * MIB, "read ahead of the handler: " + stalledAt);
            consume.countDown();
            uploader.join(30_000);
            assertTrue(c.readUntil(Long.toString(total), 1).endsWith("\r\n\r\n" + total));
        }
    }

    private static void upload(RawClient c, long total, AtomicLong uploaded) {
        try {
            OutputStream out = c.socket.getOutputStream();
            out.write(("POST /up HTTP/1.1\r\nHost: t\r\nContent-Length: " + total + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
                uploaded.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Skips the head and counts the decoded bytes of a chunked body. */
    static long drainChunkedBody(InputStream in) throws IOException {
        readLine(in);
        while (!readLine(in).isEmpty()) {
            // header fields
        }
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
            if (size == 0) {
                readLine(in);
                return total;
            }
            int left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, Math.min(left, buffer.length));
                if (n < 0) {
                    throw new IOException("truncated chunk");
                }
                left -= n;
            }
            total += size;
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("truncated line");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
