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

/** The files app over real connections: files come out whole, and traversal attempts find nothing. */
class FilesServedTest {
    private static final List<String> TRAVERSALS = List.of(
            "/../secret.txt", "/%2e%2e/secret.txt", "/sub/..%2F..%2Fsecret.txt", "/%2F..%2Fsecret.txt",
            "/out/secret.txt", "/secret-link.txt", "/sub/../../secret.txt", "/.%2e/secret.txt");

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
        Files.writeString(temp.resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(root.resolve("out"), temp);
        Files.createSymbolicLink(root.resolve("secret-link.txt"), temp.resolve("secret.txt"));
        return new FilesApp(root);
    }

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

    @ParameterizedTest
    @MethodSource("transports")
    void missingFileIs404(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(layOut(), transport)) {
            assertEquals(404, server.get("/missing.html").statusCode());
        }
    }
}
