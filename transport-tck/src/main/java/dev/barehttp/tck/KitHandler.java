package dev.barehttp.tck;

import dev.barehttp.Handler;
import dev.barehttp.InvocationType;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.RequestHead;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The application every kit serves, dispatched on the path. Each route exercises one part of
 * the exchange: fixed bodies, echoed bodies and trailers, streams, empty statuses, failures,
 * and a request that waits for the test to let it finish.
 *
 * <p>Made {@linkplain #KitHandler(boolean) declaring}, it says {@link InvocationType#NON_BLOCKING} for
 * every route but {@code /slow} (the one that truly blocks), so a kit proves the same bytes when the
 * transport answers those routes on its own threads.
 */
public final class KitHandler implements Handler {
    /** The largest body {@code /echo} reads. */
    public static final int ECHO_LIMIT = 1024 * 1024;

    /** Counted down when a {@code /slow} request has reached the handler. */
    public final CountDownLatch slowEntered = new CountDownLatch(1);
    /** {@code /slow} answers once this is counted down. */
    public final CountDownLatch slowRelease = new CountDownLatch(1);

    private final Map<Long, Path> files = new ConcurrentHashMap<>();
    private final boolean declaresNonBlocking;

    /** A handler with fresh latches that may block on every route (the default declaration). */
    public KitHandler() {
        this(false);
    }

    /** A handler with fresh latches; when {@code declaresNonBlocking}, every route but {@code /slow} is declared non-blocking. */
    public KitHandler(boolean declaresNonBlocking) {
        this.declaresNonBlocking = declaresNonBlocking;
    }

    /** Non-blocking for every route but {@code /slow} when made declaring; else the default, blocking. */
    @Override
    public InvocationType invocationType(RequestHead head) {
        return declaresNonBlocking && !head.target().startsWith("/slow") ? InvocationType.NON_BLOCKING
                : InvocationType.BLOCKING;
    }

    @Override
    public Response handle(Request request) throws Exception {
        switch (request.path()) {
            case "/hello":
                return Response.text(200, "hello");
            case "/echo":
                return echo(request);
            case "/no-content":
                return Response.of(204);
            case "/not-modified":
                return Response.of(304).withHeader("ETag", "\"v1\"");
            case "/stream":
                return Response.stream(200, out -> {
                    out.write(ascii("hello "));
                    out.write(ascii("world"));
                }).withHeader("Content-Type", "text/plain");
            case "/stream-trailers":
                return Response.of(200).withStream(out -> out.write(ascii("data")),
                        () -> Headers.of("Checksum", "sum-1"));
            case "/two-flushes":
                return Response.stream(200, out -> {
                    out.write(ascii("first "));
                    out.flush();
                    out.write(ascii("second"));
                });
            case "/stream-echo":
                return Response.stream(200, out -> request.body().transferTo(out))
                        .withHeader("Content-Type", "application/octet-stream");
            case "/stream-fails-late":
                return Response.stream(200, out -> {
                    out.write(ascii("partial"));
                    out.flush();
                    throw new IOException("this stream fails on purpose after its first bytes");
                });
            case "/stream-fails-early":
                return Response.stream(200, out -> {
                    throw new IOException("this stream fails on purpose before its first byte");
                });
            case "/reject":
                return Response.text(413, "too large\n");
            case "/fail":
                throw new IllegalStateException("this handler fails on purpose");
            case "/method":
                return Response.text(200, request.method() + " " + request.body().transferTo(OutputStream.nullOutputStream()));
            case "/digest":
                return Response.text(200, GeneratedBody.sha256(request.body()));
            case "/generate":
                long size = Long.parseLong(request.queryParameter("size"));
                return Response.stream(200, out -> GeneratedBody.writeTo(out, size))
                        .withHeader("Content-Type", "application/octet-stream");
            case "/file":
                return Response.file(generatedFile(Long.parseLong(request.queryParameter("size"))))
                        .withHeader("Content-Type", "application/octet-stream");
            case "/peer":
                return Response.text(200, String.valueOf(request.remoteAddress().getPort()));
            case "/secure":
                return Response.text(200, "secure=" + request.isSecure());
            case "/slow":
                slowEntered.countDown();
                slowRelease.await();
                return Response.text(200, "finally");
            default:
                return Response.text(404, "no route for " + request.path());
        }
    }

    /** A temporary file of {@code size} generated bytes, made once per size and deleted when the JVM exits. */
    private Path generatedFile(long size) throws IOException {
        Path file = files.get(size);
        if (file == null) {
            file = Files.createTempFile("barehttp-kit-", ".bin");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                GeneratedBody.writeTo(out, size);
            }
            files.put(size, file);
        }
        return file;
    }

    /** The body back; the trailer fields, if any, in {@code Echo-Trailers} as {@code name=value; ...}. */
    private static Response echo(Request request) throws IOException {
        byte[] body = request.bodyBytes(ECHO_LIMIT);
        Response response = Response.bytes(200, "application/octet-stream", body);
        Headers trailers = request.trailers();
        if (!trailers.isEmpty()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < trailers.size(); i++) {
                joined.append(i == 0 ? "" : "; ").append(trailers.name(i)).append('=').append(trailers.value(i));
            }
            response = response.withHeader("Echo-Trailers", joined.toString());
        }
        return response;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
