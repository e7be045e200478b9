package dev.barehttp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One line per answered request, in a {@link Format} the usual log tools read, given to a sink
 * (standard output by default). {@link HttpServer.Builder#accessLog} puts it around the application;
 * it is also a {@link Filter} an application may place itself.
 *
 * <p>Each line has the time the request arrived, the peer's address, the request line, the status,
 * the body bytes sent, and the duration:
 * <ul>
 *   <li>bytes: the body's length; none for {@code HEAD} and for 1xx, 204 and 304; for a streamed body,
 *       what its writer wrote, counted as it goes, logged when the writer returns or fails. When the
 *       handler fails with an exception no mapping answers, the server answers {@code 500} below this
 *       log: the line says 500 and the bytes are unknown ({@code -}).</li>
 *   <li>duration: from the call to the handler until it returned, or for a streamed body until its
 *       writer returned; in microseconds.</li>
 * </ul>
 * Answers that the connection gives before a request reaches the handler (a 400 for bytes that are
 * not HTTP, a 431, a 503 past the connection limit) are logged through {@link #logRefusal}, which the
 * connection driver calls for them.
 *
 * <p>As a filter it counts as blocking ({@link InvocationType#BLOCKING}): its sink is called once per
 * request and may write to a console or a file. So with an access log, even a handler declared
 * {@link Handler#nonBlocking non-blocking} runs on a thread that may block.
 *
 * <p>A sink that throws is reported through {@link System.Logger} {@code dev.barehttp} at
 * {@code WARNING}, once per failed line, and never fails the request.
 */
public final class AccessLog implements Filter {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final long UNKNOWN = -1;

    /** The line formats. */
    public enum Format {
        /**
         * Common Log Format followed by the duration in microseconds (as Apache's {@code %D}):
         * {@code 127.0.0.1 - - [01/Dec/2026:17:22:44 +0000] "GET /users/7 HTTP/1.1" 200 27 312}.
         * Unknown bytes and an empty body are {@code -}.
         */
        COMMON,
        /**
         * Combined Log Format (Common with {@code Referer} and {@code User-Agent}) followed by the
         * duration in microseconds:
         * {@code 127.0.0.1 - - [01/Dec/2026:17:22:44 +0000] "GET / HTTP/1.1" 200 27 "-" "curl/8.5.0" 312}.
         */
        COMBINED,
        /**
         * One JSON object per line: {@code time} (ISO-8601, UTC), {@code peer}, {@code method},
         * {@code target}, {@code version}, {@code status}, {@code bytes} (null when unknown),
         * {@code duration_us}, {@code referer}, {@code user_agent} (null when absent).
         */
        JSON
    }

    private final Format format;
    private final Consumer<String> sink;
    private final Clock clock;
    private final LongSupplier nanoTime;

    AccessLog(Format format, Consumer<String> sink, Clock clock, LongSupplier nanoTime) {
        this.format = Objects.requireNonNull(format, "format");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /**
     * A log writing {@code format} lines to {@code sink}: one call per line, without its line end, from
     * the threads that serve requests, so concurrently; the sink must be thread-safe and quick (a
     * {@code PrintStream}'s {@code println} is both; a slow one delays the answers it logs).
     */
    public static AccessLog to(Format format, Consumer<String> sink) {
        return new AccessLog(format, sink, Clock.systemUTC(), System::nanoTime);
    }

    /** A log writing {@code format} lines to standard output. */
    public static AccessLog toStandardOutput(Format format) {
        return to(format, System.out::println);
    }

    /** Runs {@code next} and logs its answer; a streamed body is logged when its writer is done. */
    @Override
    public Response filter(Request request, Handler next) throws Exception {
        Instant arrived = clock.instant();
        long start = nanoTime.getAsLong();
        Response response;
        try {
            response = next.handle(request);
        } catch (Exception | Error e) {
            log(new Entry(arrived, request.remoteAddress(), request, statusOf(e), UNKNOWN, micros(start)));
            throw e;
        }
        if (response == null) {
            return null;
        }
        boolean bodiless = request.method().equals("HEAD") || statusHasNoBody(response.status());
        if (response.body() instanceof Response.StreamBody stream) {
            return response.withStream(out -> writeCounted(request, response.status(), bodiless, stream, out,
                    arrived, start), stream.trailers());
        }
        log(new Entry(arrived, request.remoteAddress(), request, response.status(),
                bodiless ? 0 : bodyLength(response.body()), micros(start)));
        return response;
    }

    /**
     * Logs an answer the connection gave without a request reaching the handler: a protocol error the
     * codec detected ({@code 400}, {@code 408}, {@code 413}, {@code 414}, {@code 431}, {@code 501},
     * {@code 505}) or a {@code 503} refusal past the connection limit. The connection driver calls it;
     * the request line is logged as {@code -}.
     *
     * @param peer the peer's address, or null when not known
     * @param status the status sent
     * @param bodyBytes the body bytes of that answer
     */
    public void logRefusal(InetSocketAddress peer, int status, long bodyBytes) {
        log(new Entry(clock.instant(), peer, null, status, bodyBytes, 0));
    }

    private void writeCounted(Request request, int status, boolean bodiless, Response.StreamBody stream,
                              OutputStream out, Instant arrived, long start) throws IOException {
        CountingStream counted = new CountingStream(out);
        try {
            stream.writer().writeTo(counted);
        } finally {
            log(new Entry(arrived, request.remoteAddress(), request, status, bodiless ? 0 : counted.count,
                    micros(start)));
        }
    }

    private long micros(long startNanos) {
        return (nanoTime.getAsLong() - startNanos) / 1000;
    }

    private void log(Entry entry) {
        String line = format == Format.JSON ? entry.json() : entry.clf(format == Format.COMBINED);
        try {
            sink.accept(line);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the access log sink failed", e);
        }
    }

    /** The status the server answers {@code failure} with: its own for those that carry one, else 500. */
    private static int statusOf(Throwable failure) {
        if (failure instanceof HttpException e) {
            return e.status();
        }
        if (failure instanceof dev.barehttp.codec.HttpProtocolException e) {
            return e.status();
        }
        return 500;
    }

    private static boolean statusHasNoBody(int status) {
        return status < 200 || status == 204 || status == 304;
    }

    private static long bodyLength(Response.Body body) {
        if (body instanceof Response.BytesBody bytes) {
            return bytes.bytes().length;
        }
        if (body instanceof Response.FileBody file) {
            try {
                return Files.size(file.path());
            } catch (IOException e) {
                return UNKNOWN;
            }
        }
        return UNKNOWN;
    }

    /** What one line says; {@code request} is null for a refusal. */
    private record Entry(Instant time, InetSocketAddress peer, Request request, int status, long bytes,
                         long micros) {

        String clf(boolean combined) {
            StringBuilder sb = new StringBuilder(160);
            sb.append(peer == null ? "-" : host(peer)).append(" - - [")
                    .append(CLF_TIME.format(time.atOffset(java.time.ZoneOffset.UTC))).append("] \"");
            if (request == null) {
                sb.append('-');
            } else {
                quoted(sb, request.method() + " " + request.target() + " " + request.version());
            }
            sb.append("\" ").append(status).append(' ').append(bytes <= 0 ? "-" : Long.toString(bytes));
            if (combined) {
                sb.append(" \"");
                quoted(sb, header("referer"));
                sb.append("\" \"");
                quoted(sb, header("user-agent"));
                sb.append('"');
            }
            return sb.append(' ').append(micros).toString();
        }

        String json() {
            StringBuilder sb = new StringBuilder(200).append("{\"time\":\"").append(time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).append("\",\"peer\":");
            jsonString(sb, peer == null ? null : host(peer) + ":" + peer.getPort());
            sb.append(",\"method\":");
            jsonString(sb, request == null ? null : request.method());
            sb.append(",\"target\":");
            jsonString(sb, request == null ? null : request.target());
            sb.append(",\"version\":");
            jsonString(sb, request == null ? null : request.version().toString());
            sb.append(",\"status\":").append(status).append(",\"bytes\":")
                    .append(bytes < 0 ? "null" : Long.toString(bytes)).append(",\"duration_us\":").append(micros)
                    .append(",\"referer\":");
            jsonString(sb, request == null ? null : request.header("referer"));
            sb.append(",\"user_agent\":");
            jsonString(sb, request == null ? null : request.header("user-agent"));
            return sb.append('}').toString();
        }

        private String header(String name) {
            String value = request == null ? null : request.header(name);
            return value == null ? "-" : value;
        }

        private static String host(InetSocketAddress address) {
            return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        }

        /** Printable ASCII as is, {@code "} and {@code \} escaped, every other char as {@code \xHH}. */
        private static void quoted(StringBuilder sb, String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7F) {
                    sb.append(c);
                } else {
                    hexEscape(sb, "\\x", c & 0xFF, 2);
                }
            }
        }

        private static void jsonString(StringBuilder sb, String s) {
            if (s == null) {
                sb.append("null");
                return;
            }
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7F) {
                    sb.append(c);
                } else {
                    hexEscape(sb, "\\u", c, 4);
                }
            }
            sb.append('"');
        }

        private static void hexEscape(StringBuilder sb, String prefix, int value, int digits) {
            sb.append(prefix);
            for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
                sb.append("0123456789abcdef".charAt(value >> shift & 0xF));
            }
        }
    }

    /** Counts the bytes a streamed body writes on their way to the connection. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
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
}
