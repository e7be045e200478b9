package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static Response get(FilesApp app, String method, String target) {
        RequestHead head = new RequestHead(method, target, HttpVersion.HTTP_1_1, Headers.of("host", "x"), 0);
        try {
            return app.handle(new Request(head, InputStream.nullInputStream(), () -> Headers.EMPTY, null, null, false));
        } catch (HttpProtocolException e) {
            return Response.text(e.status(), e.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fileIsServedWithTheContentTypeOfItsExtension() throws IOException {
        Response response = get(app, "GET", "/a.txt");
        assertEquals(200, response.status());
        assertEquals("text/plain; charset=utf-8", response.headers().get("content-type"));
        assertEquals(root.resolve("a.txt").toRealPath(), ((Response.FileBody) response.body()).path());
    }

    @Test
    void directoryIsAnsweredWithItsIndexHtml() throws IOException {
        assertEquals(root.resolve("index.html").toRealPath(), ((Response.FileBody) get(app, "GET", "/").body()).path());
        Response sub = get(app, "GET", "/sub/");
        assertEquals(root.resolve("sub/index.html").toRealPath(), ((Response.FileBody) sub.body()).path());
        assertEquals("text/html; charset=utf-8", sub.headers().get("content-type"));
    }

    /** The files app turns listings on: a directory without index.html is an HTML page. */
    @Test
    void directoryWithoutIndexIsListed() {
        Response response = get(app, "GET", "/empty/");
        assertEquals(200, response.status());
        assertEquals("text/html; charset=utf-8", response.headers().get("content-type"));
    }

    @Test
    void missingFileIs404() {
        assertEquals(404, get(app, "GET", "/nope.txt").status());
    }

    @Test
    void symlinkThatStaysInsideIsServed() {
        assertEquals(200, get(app, "GET", "/inside-link.txt").status());
    }

    @Test
    void headIsServedLikeGet() {
        assertEquals(200, get(app, "HEAD", "/a.txt").status());
    }

    @Test
    void otherMethodsAre405WithAllow() {
        Response response = get(app, "POST", "/a.txt");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD", response.headers().get("allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt", "/..%2Fsecret.txt", "/%2F..%2Fsecret.txt", "/%2e%2e%2fsecret.txt",
        "/out/secret.txt", "/secret-link.txt", "//" + "tmp", "/a.txt%00",
        "/..\\secret.txt", "http://x/../secret.txt", "*"
    })
    void noPathReachesOutsideTheDirectory(String target) {
        Response response = get(app, "GET", target);
        assertTrue(response.status() == 404 || response.status() == 400, target + " -> " + response.status());
        if (response.body() instanceof Response.BytesBody bytes) {
            assertTrue(!new String(bytes.bytes(), StandardCharsets.ISO_8859_1).contains("SECRET"));
        }
    }

    @Test
    void absoluteFileSystemPathIsNotFollowed() throws IOException {
        String absolute = temp.resolve("secret.txt").toRealPath().toString();
        assertEquals(404, get(app, "GET", "/" + absolute).status());
        assertEquals(404, get(app, "GET", absolute.replace("/", "%2F")).status());
    }
}
