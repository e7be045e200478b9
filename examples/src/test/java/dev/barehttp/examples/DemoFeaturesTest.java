package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo over real connections, on every transport: a streamed echo of any size in constant
 * memory, full duplex, and field names on the wire in the case they were written (a cookie, basic
 * authentication). The demo's other answers are checked in {@link DemoAppTest}.
 */
class DemoFeaturesTest {
    /** Five times the old 10 MiB limit, and more than the test JVM's whole heap (-Xmx64m in the pom). */
    private static final int BIG_BODY = 50 * 1024 * 1024;

    static List<String> transports() {
        return RunningServer.transports();
    }

    /** Byte {@code i} of the big body: a pattern that is not periodic in any buffer size. */
    private static byte patternByte(long i) {
        return (byte) (i * 31 + (i >>> 13));
    }

    private static long patternCrc(int length) {
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[64 * 1024];
        for (long at = 0; at < length; at += chunk.length) {
            int n = (int) Math.min(chunk.length, length - at);
            for (int i = 0; i < n; i++) {
                chunk[i] = patternByte(at + i);
            }
            crc.update(chunk, 0, n);
        }
        return crc.getValue();
    }

    /**
     * The demo's POST /echo streams: 50 MiB go through under a 64 MiB heap, byte for byte. The client
     * reads the echo while it is still sending, over a raw socket, as a full-duplex client must (one
     * that sends the whole body first would stall once both directions' socket buffers fill).
     */
    @ParameterizedTest
    @MethodSource("transports")
    void echoStreamsA50MibBodyBackInConstantMemory(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport);
             Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
            socket.setSoTimeout(60_000);
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    sendPattern(socket.getOutputStream());
                } catch (Exception e) {
                    sendFailure.set(e);
                }
            }, "echo-sender");
            sender.start();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertTrue(head.contains("\r\nTransfer-Encoding: chunked\r\n"), head);
            CRC32 crc = new CRC32();
            long total = readChunked(in, crc);
            sender.join(60_000);
            assertEquals(null, sendFailure.get());
            assertEquals(BIG_BODY, total);
            assertEquals(patternCrc(BIG_BODY), crc.getValue());
        }
    }

    private static void sendPattern(OutputStream out) throws IOException {
        out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + BIG_BODY + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[32 * 1024];
        for (long at = 0; at < BIG_BODY; at += chunk.length) {
            int n = (int) Math.min(chunk.length, BIG_BODY - at);
            for (int i = 0; i < n; i++) {
                chunk[i] = patternByte(at + i);
            }
            out.write(chunk, 0, n);
        }
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed in the head: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Reads a chunked body (no extensions, no trailers) into {@code crc}; returns its length. */
    private static long readChunked(InputStream in, CRC32 crc) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int size = Integer.parseInt(readLine(in), 16);
            if (size == 0) {
                return total;
            }
            for (int left = size; left > 0; ) {
                int n = in.read(buffer, 0, Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the connection closed in a chunk");
                }
                crc.update(buffer, 0, n);
                left -= n;
                total += n;
            }
            if (in.read() != '\r' || in.read() != '\n') {
                throw new IOException("a chunk does not end with CRLF");
            }
        }
    }

    /** One line of {@code in}, without its CRLF. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the connection closed in a line: " + line);
            }
            line.append((char) b);
        }
        return line.substring(0, line.length() - 1);
    }

    /** RFC 6265 sections 4.1 and 5.4: the count comes back in the cookie it was sent in. */
    @ParameterizedTest
    @MethodSource("transports")
    void rfc6265_visitsCountInACookieAndSetCookieKeepsItsCase(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            String wire = server.exchangeRaw("GET /visits HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            assertTrue(wire.contains("\r\nSet-Cookie: visits=1; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax\r\n"), wire);
            HttpResponse<String> again = server.send(HttpRequest.newBuilder(server.uri("/visits"))
                    .header("Cookie", "theme=dark; visits=41"));
            assertEquals("visit 42\n", again.body());
            assertEquals("visits=42; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax",
                    again.headers().firstValue("set-cookie").orElse(""));
            assertEquals("visit 1\n", server.send(HttpRequest.newBuilder(server.uri("/visits"))
                    .header("Cookie", "visits=-5")).body(), "a cookie that is not a count starts again");
        }
    }

    /** RFC 7617: 401 with a challenge (its name on the wire as written), then in with the credentials. */
    @ParameterizedTest
    @MethodSource("transports")
    void rfc7617_adminNeedsBasicCredentials(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            String wire = server.exchangeRaw("GET /admin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            assertTrue(wire.startsWith("HTTP/1.1 401 Unauthorized\r\n"), wire);
            assertTrue(wire.contains("\r\nWWW-Authenticate: Basic realm=\"barehttp demo\", charset=\"UTF-8\"\r\n"), wire);
            String credentials = Base64.getEncoder().encodeToString(
                    (DemoApp.ADMIN_USER + ":" + DemoApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> in = server.send(HttpRequest.newBuilder(server.uri("/admin"))
                    .header("Authorization", "Basic " + credentials));
            assertEquals(200, in.statusCode());
            assertEquals("hello demo, you are in\n", in.body());
        }
    }
}
