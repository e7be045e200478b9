package dev.barehttp.examples;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.HttpProtocolException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wraps a {@link Handler} and prints one line per request:
 * {@code remote method target status bytes duration}, e.g.
 * {@code 127.0.0.1:50412 GET /users/7 200 27 0.3ms}. Bytes is the body's length ({@code -} when the
 * handler failed or a streamed body broke off); the duration runs until the body is produced, so a
 * streamed body is logged when its writer returns.
 */
final class AccessLog implements Handler {
    private final Handler next;
    private final PrintStream out;

    /** Logs the requests {@code next} answers to {@code out}. */
    AccessLog(Handler next, PrintStream out) {
        this.next = next;
        this.out = out;
    }

    /** Runs the wrapped handler and logs its answer, or the status its failure becomes. */
    @Override
    public Response handle(Request request) throws Exception {
        long start = System.nanoTime();
        try {
            Response response = next.handle(request);
            if (response != null && response.body() instanceof Response.StreamBody stream) {
                return response.withStream(sink -> writeCounted(request, response.status(), stream, sink, start),
                        stream.trailers());
            }
            log(request, response == null ? 500 : response.status(), bodyLength(response), start);
            return response;
        } catch (HttpProtocolException e) {
            log(request, e.status(), "-", start);
            throw e;
        } catch (Exception | Error e) {
            log(request, 500, "-", start);
            throw e;
        }
    }

    private void writeCounted(Request request, int status, Response.StreamBody stream, OutputStream sink,
                              long start) throws IOException {
        CountingOutputStream counted = new CountingOutputStream(sink);
        boolean done = false;
        try {
            stream.writer().writeTo(counted);
            done = true;
        } finally {
            log(request, status, done ? Long.toString(counted.count) : "-", start);
        }
    }

    private void log(Request request, int status, String bytes, long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        out.println(address(request.remoteAddress()) + " " + request.method() + " " + request.target() + " "
                + status + " " + bytes + " " + micros / 1000 + "." + micros / 100 % 10 + "ms");
    }

    private static String address(InetSocketAddress remote) {
        return remote == null ? "-" : remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    private static String bodyLength(Response response) {
        if (response == null) {
            return "-";
        }
        Response.Body body = response.body();
        if (body instanceof Response.BytesBody bytes) {
            return Integer.toString(bytes.bytes().length);
        }
        if (body instanceof Response.FileBody file) {
            return fileSize(file.path());
        }
        return "-";
    }

    /** Counts the bytes a streamed body writes on their way to the connection. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private static String fileSize(Path path) {
        try {
            return Long.toString(Files.size(path));
        } catch (IOException e) {
            return "-";
        }
    }
}
