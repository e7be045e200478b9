package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.AccessLog;
import dev.barehttp.HttpServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The library's access log around the demo, on every transport: the bytes each answer really sent. */
class AccessLogServedTest {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    static List<String> transports() {
        return RunningServer.transports();
    }

    private RunningServer start(AccessLog.Format format, String transport) throws Exception {
        return RunningServer.start(HttpServer.builder().handler(DemoApp.router()).accessLog(format, lines::add), transport);
    }

    /** The next line, waiting generously: the server logs on its own thread. */
    private String nextLine() throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertNotNull(line, "no access log line");
        return line;
    }

    @ParameterizedTest
    @MethodSource("transports")
    void commonLogFormatLineForEachRequest(String transport) throws Exception {
        try (RunningServer server = start(AccessLog.Format.COMMON, transport)) {
            server.exchangeRaw("GET /plaintext HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            String line = nextLine();
            assertTrue(line.matches("127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\] "
                    + "\"GET /plaintext HTTP/1\\.1\" 200 13 \\d+"), line);
        }
    }

    /** RFC 9110 section 9.3.2: HEAD sends no body, so the log counts none. */
    @ParameterizedTest
    @MethodSource("transports")
    void rfc9110_9_3_2_headIsLoggedWithNoBytes(String transport) throws Exception {
        try (RunningServer server = start(AccessLog.Format.JSON, transport)) {
            server.exchangeRaw("HEAD /plaintext HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            String line = nextLine();
            assertTrue(line.contains("\"method\":\"HEAD\",\"target\":\"/plaintext\",\"version\":\"HTTP/1.1\","
                    + "\"status\":200,\"bytes\":0,"), line);
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aStreamedBodyIsLoggedWithTheBytesItWrote(String transport) throws Exception {
        try (RunningServer server = start(AccessLog.Format.JSON, transport)) {
            server.exchangeRaw("GET /stream?n=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            String line = nextLine();
            assertTrue(line.contains("\"status\":200,\"bytes\":24,"), line); // "line 1 of 2\n" twice
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void thrownAnswersAreLoggedWithTheirStatusAndBody(String transport) throws Exception {
        try (RunningServer server = start(AccessLog.Format.COMBINED, transport)) {
            server.exchangeRaw("GET /admin HTTP/1.1\r\nHost: x\r\nUser-Agent: t/1\r\nConnection: close\r\n\r\n", false);
            String line = nextLine();
            assertTrue(line.contains("\"GET /admin HTTP/1.1\" 401 13 \"-\" \"t/1\" "), line); // "Unauthorized\n"
            assertEquals(0, lines.size());
        }
    }
}
