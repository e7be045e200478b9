package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The files app on its own: which paths it serves, and that none leads outside its directory. */
class FilesAppTest {
    @TempDir
    Path temp;
    private Path root;
    private FilesApp app;

    /** Lays out {@code temp/site} (served) beside {@code temp/secret.txt} (outside), with links out. */
    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(temp.resolve("site"));
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(root.resolve("a.txt"), "a text");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/index.html"), "<h1>sub</h1>");
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(temp.resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(root.resolve("out"), temp);
        Files.createSymbolicLink(root.resolve("secret-link.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("inside-link.txt"), root.resolve("a.txt"));
        app = new FilesApp(root);
    }

    /** The answer to {@code method target}, with the request line written by hand so any target can be tried. */
    private TestResponse get(String method, String target) {
        List<TestResponse> answers = TestClient.of(app).sendRaw(method + " " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(1, answers.size(), method + " " + target);
        return answers.get(0);
    }

    @Test
    void fileIsServedWithTheContentTypeOfItsExtension() throws IOException {
        TestResponse response = get("GET", "/a.txt");
        assertEquals(200, response.status());
        assertEquals("text/plain; charset=utf-8", response.header("content-type"));
        assertEquals("a text", response.bodyText());
    }

    @Test
    void directoryIsAnsweredWithItsIndexHtml() throws IOException {
        assertEquals("<h1>home</h1>", get("GET", "/").bodyText());
        TestResponse sub = get("GET", "/sub/");
        assertEquals("<h1>sub</h1>", sub.bodyText());
        assertEquals("text/html; charset=utf-8", sub.header("content-type"));
    }

    /** The files app turns listings on: a directory without index.html is an HTML page. */
    @Test
    void directoryWithoutIndexIsListed() {
        TestResponse response = get("GET", "/empty/");
        assertEquals(200, response.status());
        assertEquals("text/html; charset=utf-8", response.header("content-type"));
    }

    @Test
    void missingFileIs404() {
        assertEquals(404, get("GET", "/nope.txt").status());
    }

    @Test
    void symlinkThatStaysInsideIsServed() {
        assertEquals(200, get("GET", "/inside-link.txt").status());
    }

    @Test
    void headIsServedLikeGet() {
        TestResponse head = get("HEAD", "/a.txt");
        assertEquals(200, head.status());
        assertEquals("6", head.header("content-length"));
        assertEquals(0, head.body().length);
    }

    @Test
    void otherMethodsAre405WithAllow() {
        TestResponse response = get("POST", "/a.txt");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD", response.header("allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt", "/..%2Fsecret.txt", "/%2F..%2Fsecret.txt", "/%2e%2e%2fsecret.txt",
        "/out/secret.txt", "/secret-link.txt", "//" + "tmp", "/a.txt%00",
        "/..\\secret.txt", "http://x/../secret.txt", "*"
    })
    void noPathReachesOutsideTheDirectory(String target) {
        TestResponse response = get("GET", target);
        assertTrue(response.status() == 404 || response.status() == 400, target + " -> " + response.status());
        assertTrue(!new String(response.body(), StandardCharsets.ISO_8859_1).contains("SECRET"));
    }

    @Test
    void absoluteFileSystemPathIsNotFollowed() throws IOException {
        String absolute = temp.resolve("secret.txt").toRealPath().toString();
        assertEquals(404, get("GET", "/" + absolute).status());
        assertEquals(400, get("GET", absolute.replace("/", "%2F")).status(),
                "a target that does not start with / is not origin-form: the codec refuses it before the app");
        assertEquals(404, get("GET", "/" + absolute.replace("/", "%2F")).status());
    }
}
