package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files app over real connections, on every transport: files come out whole or as one range
 * (the NIO transport sends both with {@code transferTo}), validators turn into 304 and 412,
 * {@code .gz} siblings and on-the-fly gzip reach clients that ask, and traversal attempts find nothing.
 */
class FilesServedTest {
    private static final List<String> TRAVERSALS = List.of(
            "/../secret.txt", "/%2e%2e/secret.txt", "/sub/..%2F..%2Fsecret.txt", "/%2F..%2Fsecret.txt",
            "/out/secret.txt", "/secret-link.txt", "/sub/../../secret.txt", "/.%2e/secret.txt",
            "/%c0%ae%c0%ae/secret.txt", "/secret.txt%00", "/..%5csecret.txt", "/%ff/secret.txt",
            "http://x/../secret.txt", "http://x/out/secret.txt");
    private static final String DIGITS = "0123456789".repeat(1000);

    @TempDir
    Path temp;

    static List<String> transports() {
        return RunningServer.transports();
    }

    private FilesApp layOut() throws Exception {
        Path root = Files.createDirectories(temp.resolve("site"));
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/style.css"), "body{}");
        Files.writeString(root.resolve("digits.txt"), DIGITS);
        Files.write(root.resolve("sub/style.css.gz"), gzip("body{}"));
        Files.writeString(root.resolve("sub/<list&me>.txt"), "x");
        Files.writeString(temp.resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(root.resolve("out"), temp);
        Files.createSymbolicLink(root.resolve("secret-link.txt"), temp.resolve("secret.txt"));
        return new FilesApp(root);
    }

    /** RFC 9110 sections 8.3 and 8.6: files come out whole, pipelined, with Content-Length and Content-Type. */
    @ParameterizedTest
    @MethodSource("transports")
    void filesAreServedWithLengthAndType(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            String wire = server.exchangeRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /sub/style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            List<RawResponse> responses = RawResponse.parseAll(wire);
            assertEquals("<h1>home</h1>", responses.get(0).body());
            assertEquals("text/html; charset=utf-8", responses.get(0).header("content-type"));
            assertEquals("body{}", responses.get(1).body());
            assertEquals("6", responses.get(1).header("content-length"));
            assertEquals("text/css; charset=utf-8", responses.get(1).header("content-type"));
        }
    }

    /** RFC 3986 sections 5.2.4 and 2.2, CVE-2000-0884: no traversal form reaches outside the directory. */
    @ParameterizedTest
    @MethodSource("transports")
    void traversalAttemptsAreRefusedAndNeverShowOutsideContent(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            for (String target : TRAVERSALS) {
                String wire = server.exchangeRaw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        false);
                int status = RawResponse.parseAll(wire).get(0).status();
                assertTrue(status == 404 || status == 400, target + " -> " + status);
                assertFalse(wire.contains("SECRET"), target);
            }
        }
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String gunzip(String latin1) throws java.io.IOException {
        byte[] bytes = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static RawResponse one(RunningServer server, String target, String... headerLines) throws Exception {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: x\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        String wire = server.exchangeRaw(request.append("Connection: close\r\n\r\n").toString(), false);
        List<RawResponse> responses = RawResponse.parseAll(wire);
        assertEquals(1, responses.size(), wire);
        return responses.get(0);
    }

    /** RFC 9110 sections 14.2 and 14.4: one range is a 206 with exactly those bytes, from an offset into the file. */
    @ParameterizedTest
    @MethodSource("transports")
    void singleRangeIsServedFromItsOffset(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            RawResponse middle = one(server, "/digits.txt", "Range: bytes=4095-5004");
            assertEquals(206, middle.status());
            assertEquals("bytes 4095-5004/10000", middle.header("content-range"));
            assertEquals("910", middle.header("content-length"));
            assertEquals(DIGITS.substring(4095, 5005), middle.body());
            RawResponse suffix = one(server, "/digits.txt", "Range: bytes=-7");
            assertEquals(DIGITS.substring(9993), suffix.body());
            RawResponse whole = one(server, "/digits.txt", "Range: bytes=0-1,5-6");
            assertEquals(200, whole.status(), "several ranges get the whole file");
            assertEquals(DIGITS, whole.body());
            assertEquals("bytes", whole.header("accept-ranges"));
        }
    }

    /** RFC 9110 section 15.5.17: a range past the end is 416, its Content-Range naming the size alone. */
    @ParameterizedTest
    @MethodSource("transports")
    void unsatisfiableRangeIs416(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            RawResponse response = one(server, "/digits.txt", "Range: bytes=10000-");
            assertEquals(416, response.status());
            assertEquals("bytes */10000", response.header("content-range"));
        }
    }

    /** RFC 9110 sections 13.1.2, 13.1.1 and 15.4.5: the ETag revalidates to a 304 without body; If-Match fails with 412. */
    @ParameterizedTest
    @MethodSource("transports")
    void validatorsAnswer304And412(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            RawResponse first = one(server, "/digits.txt");
            String tag = first.header("etag");
            RawResponse revalidated = one(server, "/digits.txt", "If-None-Match: " + tag);
            assertEquals(304, revalidated.status());
            assertEquals(tag, revalidated.header("etag"));
            assertEquals("", revalidated.body());
            assertEquals(304, one(server, "/digits.txt", "If-Modified-Since: " + first.header("last-modified")).status());
            assertEquals(412, one(server, "/digits.txt", "If-Match: \"stale\"").status());
            assertEquals(206, one(server, "/digits.txt", "Range: bytes=0-0", "If-Range: " + tag).status());
            assertEquals(200, one(server, "/digits.txt", "Range: bytes=0-0", "If-Range: \"stale\"").status());
        }
    }

    /** RFC 9110 section 8.4: a .gz sibling is sent with Content-Encoding: gzip and Vary to clients that accept gzip. */
    @ParameterizedTest
    @MethodSource("transports")
    void precompressedSiblingIsSentToGzipClients(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            RawResponse gz = one(server, "/sub/style.css", "Accept-Encoding: gzip");
            assertEquals("gzip", gz.header("content-encoding"));
            assertEquals("Accept-Encoding", gz.header("vary"));
            assertEquals("text/css; charset=utf-8", gz.header("content-type"));
            assertEquals("body{}", gunzip(gz.body()));
            RawResponse plain = one(server, "/sub/style.css");
            assertEquals("body{}", plain.body());
            assertEquals("Accept-Encoding", plain.header("vary"));
        }
    }

    /** RFC 9110 section 8.4.1.3: a large text file without sibling is gzipped as it is sent (chunked, no Content-Length). */
    @ParameterizedTest
    @MethodSource("transports")
    void textFileIsGzippedOnTheFly(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.uri("/digits.txt"))
                            .header("Accept-Encoding", "gzip").timeout(java.time.Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertEquals("gzip", response.headers().firstValue("content-encoding").orElse(null));
            assertFalse(response.headers().firstValue("content-length").isPresent());
            assertTrue(response.body().length < DIGITS.length() / 10);
            assertEquals(DIGITS, gunzip(new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1)));
        }
    }

    /** CWE-79 and RFC 9110 section 15.4.2: a listing escapes names; a directory without its slash is moved there. */
    @ParameterizedTest
    @MethodSource("transports")
    void directoryListingEscapesNames(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            RawResponse listing = one(server, "/sub/");
            assertEquals(200, listing.status());
            assertTrue(listing.body().contains("&lt;list&amp;me&gt;.txt"), listing.body());
            assertFalse(listing.body().contains("<list"), listing.body());
            RawResponse moved = one(server, "/sub");
            assertEquals(301, moved.status());
            assertEquals("/sub/", moved.header("location"));
        }
    }

    /** RFC 9110 section 15.5.5: a missing file is 404. */
    @ParameterizedTest
    @MethodSource("transports")
    void missingFileIs404(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            assertEquals(404, server.get("/missing.html").statusCode());
        }
    }
}
