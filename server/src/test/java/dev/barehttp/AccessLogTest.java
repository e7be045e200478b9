package dev.barehttp;

import static dev.barehttp.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log: Common and Combined Log Format, JSON lines, and what counts as bytes sent. */
class AccessLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T17:22:44.5Z"), ZoneOffset.UTC);

    private final List<String> lines = new ArrayList<>();
    /** A clock that moves 250 microseconds each time it is read, so durations are exact. */
    private final AtomicLong nanos = new AtomicLong();

    private AccessLog log(AccessLog.Format format) {
        return new AccessLog(format, lines::add, CLOCK, () -> nanos.getAndAdd(250_000));
    }

    private Response run(AccessLog.Format format, Handler handler, Request request) throws Exception {
        return handler.with(log(format)).handle(request);
    }

    @Test
    void commonLogFormatWithTheDurationInMicroseconds() throws Exception {
        run(AccessLog.Format.COMMON, r -> Response.ok("hello"), request("GET", "/a?b=1"));
        assertEquals(List.of("127.0.0.1 - - [01/Dec/2026:17:22:44 +0000] \"GET /a?b=1 HTTP/1.1\" 200 5 250"), lines);
    }

    @Test
    void combinedAddsRefererAndUserAgentEscapingQuotesAndNonAscii() throws Exception {
        run(AccessLog.Format.COMBINED, r -> Response.of(204),
                request("GET", "/", "Referer", "http://a/\"x\"", "User-Agent", "t\u00e9st"));
        assertEquals(List.of("127.0.0.1 - - [01/Dec/2026:17:22:44 +0000] \"GET / HTTP/1.1\" 204 - "
                + "\"http://a/\\\"x\\\"\" \"t\\xe9st\" 250"), lines);
    }

    @Test
    void jsonIsOneObjectPerLine() throws Exception {
        run(AccessLog.Format.JSON, r -> Response.text(404, "no\n"), request("GET", "/x", "User-Agent", "curl/8"));
        assertEquals(List.of("{\"time\":\"2026-12-01T17:22:44.500Z\",\"peer\":\"127.0.0.1:50412\",\"method\":\"GET\","
                + "\"target\":\"/x\",\"version\":\"HTTP/1.1\",\"status\":404,\"bytes\":3,\"duration_us\":250,"
                + "\"referer\":null,\"user_agent\":\"curl/8\"}"), lines);
    }

    /** RFC 9110 section 9.3.2: a HEAD response sends no body, so none is counted. */
    @Test
    void rfc9110_9_3_2_headSendsNoBodyBytes() throws Exception {
        run(AccessLog.Format.JSON, r -> Response.ok("hello"), request("HEAD", "/"));
        assertEquals(true, lines.get(0).contains("\"bytes\":0,"), lines.get(0));
    }

    @Test
    void aStreamedBodyIsLoggedWhenItsWriterReturnsWithTheBytesWritten() throws Exception {
        Response response = run(AccessLog.Format.COMMON, r -> Response.stream(200, out -> {
            out.write(1);
            out.write(new byte[] {2, 3, 4}, 1, 2);
        }), request("GET", "/s"));
        assertEquals(List.of(), lines, "nothing is logged before the body is written");
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ((Response.StreamBody) response.body()).writer().writeTo(sent);
        assertEquals(3, sent.size());
        assertEquals(List.of("127.0.0.1 - - [01/Dec/2026:17:22:44 +0000] \"GET /s HTTP/1.1\" 200 3 250"), lines);
    }

    @Test
    void aBrokenStreamIsLoggedWithWhatWasWrittenBeforeItBroke() throws Exception {
        Response response = run(AccessLog.Format.JSON, r -> Response.stream(200, out -> {
            out.write(new byte[10]);
            throw new IOException("peer gone");
        }), request("GET", "/s"));
        assertThrows(IOException.class,
                () -> ((Response.StreamBody) response.body()).writer().writeTo(new ByteArrayOutputStream()));
        assertEquals(true, lines.get(0).contains("\"status\":200,\"bytes\":10,"), lines.get(0));
    }

    @Test
    void aFileBodyCountsTheFileSize(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("f.txt"), new byte[1234]);
        run(AccessLog.Format.COMMON, r -> Response.file(file), request("GET", "/f.txt"));
        assertEquals(true, lines.get(0).contains("\" 200 1234 "), lines.get(0));
    }

    @Test
    void anUnansweredFailureIsLoggedAs500WithUnknownBytesAndRethrown() {
        Handler failing = r -> {
            throw new IllegalStateException("boom");
        };
        assertThrows(IllegalStateException.class, () -> run(AccessLog.Format.JSON, failing, request("POST", "/x")));
        assertEquals(true, lines.get(0).contains("\"status\":500,\"bytes\":null,"), lines.get(0));
    }

    @Test
    void anHttpExceptionIsLoggedWithItsStatusOnceTheServerAnswersIt() throws Exception {
        Handler app = r -> {
            throw HttpException.forbidden("no");
        };
        app.with(StatusExceptionFilter.INSTANCE).with(log(AccessLog.Format.COMMON)).handle(request("GET", "/x"));
        assertEquals(true, lines.get(0).contains("\" 403 3 "), lines.get(0));
    }

    @Test
    void anExceptionCarryingAStatusThatPassesTheLogIsLoggedWithThatStatus() {
        Handler app = r -> {
            throw dev.barehttp.codec.HttpProtocolException.contentTooLarge("big");
        };
        assertThrows(RuntimeException.class, () -> run(AccessLog.Format.COMMON, app, request("POST", "/up")));
        assertEquals(true, lines.get(0).contains("\" 413 - "), lines.get(0));
    }

    @Test
    void refusalsBelowTheHandlerHaveNoRequestLine() {
        AccessLog log = log(AccessLog.Format.COMMON);
        log.logRefusal(new InetSocketAddress("10.0.0.9", 4000), 503, 20);
        log.logRefusal(null, 400, 0);
        assertEquals(List.of("10.0.0.9 - - [01/Dec/2026:17:22:44 +0000] \"-\" 503 20 0",
                "- - - [01/Dec/2026:17:22:44 +0000] \"-\" 400 - 0"), lines);
    }

    @Test
    void aFailingSinkNeverFailsTheRequest() throws Exception {
        AccessLog log = new AccessLog(AccessLog.Format.COMMON, line -> {
            throw new IllegalStateException("disk full");
        }, CLOCK, System::nanoTime);
        assertEquals(200, Handler.class.cast((Handler) r -> Response.ok("x")).with(log).handle(request("GET", "/"))
                .status());
    }
}
