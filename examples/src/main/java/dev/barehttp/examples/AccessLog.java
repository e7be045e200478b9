package dev.barehttp.examples;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.HttpProtocolException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wraps a {@link Handler} and prints one line per request:
 * {@code remote method target status bytes duration}, e.g.
 * {@code 127.0.0.1:50412 GET /users/7 200 27 0.3ms}. Bytes is the body length when it is known
 * before sending (bytes or a file), {@code -} for a streamed body; the duration is the handler's.
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

    private static String fileSize(Path path) {
        try {
            return Long.toString(Files.size(path));
        } catch (java.io.IOException e) {
            return "-";
        }
    }
}
