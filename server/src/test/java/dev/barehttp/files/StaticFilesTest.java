package dev.barehttp.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.Router;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpDate;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** StaticFiles driven directly: what it serves, its validators, conditionals and ranges, and no way out. */
class StaticFilesTest {
    private static final Instant MODIFIED = Instant.parse("2024-03-01T12:00:00Z");
    private static final String MODIFIED_DATE = "Fri, 01 Mar 2024 12:00:00 GMT";

    @TempDir
    Path temp;
    private Path root;
    private StaticFiles files;

    /** Lays out {@code temp/site} (served) beside {@code temp/secret.txt} (outside), with links in and out. */
    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(temp.resolve("site"));
        write("index.html", "<h1>home</h1>");
        write("a.txt", "0123456789");
        write("style.css", "body{}");
        write("style.css.gz", "GZIPPED");
        Files.createDirectories(root.resolve("sub"));
        write("sub/index.html", "<h1>sub</h1>");
        Files.createDirectories(root.resolve("list"));
        write("list/<b>&\"'.txt", "x");
        write("list/.hidden", "x");
        write("list/plain.txt", "x");
        Files.createDirectories(root.resolve(".git"));
        write(".git/config", "x");
        Files.writeString(temp.resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(root.resolve("out"), temp);
        Files.createSymbolicLink(root.resolve("secret-link.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("list/secret-link.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("inside-link.txt"), root.resolve("a.txt"));
        files = StaticFiles.serve(root);
    }

    private void write(String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }

    private static Response call(dev.barehttp.Handler handler, String method, String target, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "host";
        all[1] = "x";
        System.arraycopy(headers, 0, all, 2, headers.length);
        RequestHead head = new RequestHead(method, target, HttpVersion.HTTP_1_1, Headers.of(all), 0);
        try {
            return handler.handle(new Request(head, InputStream.nullInputStream(), () -> Headers.EMPTY, null, null,
                    false));
        } catch (HttpProtocolException e) {
            return Response.text(e.status(), e.getMessage());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Response get(String target, String... headers) {
        return call(files, "GET", target, headers);
    }

    private static Response.FileBody fileBody(Response response) {
        return (Response.FileBody) response.body();
    }

    private static String text(Response response) {
        return new String(((Response.BytesBody) response.body()).bytes(), StandardCharsets.UTF_8);
    }

    private String etag(String target) {
        return get(target).headers().get("etag");
    }

    /** RFC 9110 sections 8.3, 8.8.2, 8.8.3, 14.3: type, Last-Modified, strong ETag and Accept-Ranges on a 200. */
    @Test
    void fileIsServedWithTypeValidatorsAndAcceptRanges() throws IOException {
        Response response = get("/a.txt");
        assertEquals(200, response.status());
        assertEquals("text/plain; charset=utf-8", response.headers().get("content-type"));
        assertEquals(MODIFIED_DATE, response.headers().get("last-modified"));
        assertEquals("bytes", response.headers().get("accept-ranges"));
        String tag = response.headers().get("etag");
        assertTrue(tag.startsWith("\"") && tag.endsWith("\"") && !tag.startsWith("W/"), tag);
        assertEquals(new Response.FileBody(root.resolve("a.txt").toRealPath(), 0, 10), fileBody(response));
    }

    /** RFC 9110 section 8.8.3: the strong ETag changes when the file's size or modification time does. */
    @Test
    void entityTagChangesWithTheFile() throws IOException {
        String before = etag("/a.txt");
        Files.setLastModifiedTime(root.resolve("a.txt"), FileTime.from(MODIFIED.plusSeconds(1)));
        String touched = etag("/a.txt");
        Files.writeString(root.resolve("a.txt"), "01234567890");
        Files.setLastModifiedTime(root.resolve("a.txt"), FileTime.from(MODIFIED.plusSeconds(1)));
        String grown = etag("/a.txt");
        assertFalse(before.equals(touched) || touched.equals(grown) || before.equals(grown));
    }

    /** RFC 9110 section 9.3.2: HEAD gets the same fields as GET (the server sends no body). */
    @Test
    void headIsAnsweredLikeGet() {
        Response head = call(files, "HEAD", "/a.txt");
        assertEquals(200, head.status());
        assertEquals(get("/a.txt").headers(), head.headers());
    }

    /** RFC 9110 section 15.5.6: other methods are 405 with Allow. */
    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS"})
    void otherMethodsAre405WithAllow(String method) {
        Response response = call(files, method, "/a.txt");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD", response.headers().get("allow"));
    }

    /** RFC 9110 section 15.5.5: what is missing is 404, never 500. */
    @ParameterizedTest
    @ValueSource(strings = {"/nope.txt", "/sub/nope/", "/a.txt/", "/a.txt/x", "/list/"})
    void missingIs404(String target) {
        assertEquals(404, get(target).status());
    }

    /** A directory's representation is its index file, typed by its own extension (RFC 9110 section 8.3). */
    @Test
    void directoryIsAnsweredWithItsIndexFile() throws IOException {
        Response response = get("/sub/");
        assertEquals(root.resolve("sub/index.html").toRealPath(), fileBody(response).path());
        assertEquals("text/html; charset=utf-8", response.headers().get("content-type"));
        assertEquals(root.resolve("index.html").toRealPath(), fileBody(get("/")).path());
    }

    /** RFC 9110 section 15.4.2: a directory without its slash is moved there, so relative links resolve. */
    @Test
    void directoryWithoutTrailingSlashIsRedirected() throws IOException {
        Response response = get("/sub?x=1");
        assertEquals(301, response.status());
        assertEquals("/sub/?x=1", response.headers().get("location"));
        Files.createDirectories(root.resolve("a b"));
        assertEquals("/a%20b/", get("/a%20b").headers().get("location"), "the raw path, still encoded");
    }

    /** CWE-601: a Location of "//host/" would leave the site, so an empty segment finds nothing and is never redirected. */
    @Test
    void directoryRedirectNeverLeavesTheSite() throws IOException {
        Files.createDirectories(root.resolve("evil.example"));
        assertEquals(301, get("/evil.example").status());
        assertEquals(404, get("//evil.example").status());
        assertEquals(404, get("/%2Fevil.example").status());
        assertEquals(404, get("/%5Cevil.example").status());
    }

    /** A listing escapes names in HTML (CWE-79) and percent-encodes them in links, and lists nothing hidden or outside. */
    @Test
    void listingEscapesNamesAndHidesWhatIsNotServed() {
        StaticFiles listing = StaticFiles.builder(root).directoryListing(true).build();
        Response response = call(listing, "GET", "/list/");
        assertEquals(200, response.status());
        assertEquals("text/html; charset=utf-8", response.headers().get("content-type"));
        String html = text(response);
        assertTrue(html.contains("<a href=\"%3Cb%3E%26%22%27.txt\">&lt;b&gt;&amp;&quot;&#39;.txt</a>"), html);
        assertTrue(html.contains(">plain.txt<"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("hidden"), html);
        assertFalse(html.contains("secret-link"), html);
    }

    /** CWE-538: hidden names (.git, .env) are not served unless asked for. */
    @Test
    void hiddenFilesAre404UnlessEnabled() {
        assertEquals(404, get("/.git/config").status());
        assertEquals(200, call(StaticFiles.builder(root).hiddenFiles(true).build(), "GET", "/.git/config").status());
    }

    /** The containment rule is on real paths: a link whose target lies inside the directory is served. */
    @Test
    void symlinkThatStaysInsideIsServed() throws IOException {
        assertEquals(root.resolve("a.txt").toRealPath(), fileBody(get("/inside-link.txt")).path());
    }

    /**
     * Every traversal form: dot segments (plain and %2e), %2f and %5c, a raw backslash, absolute-form,
     * NUL, overlong and invalid UTF-8 (CVE-2000-0884, CVE-2001-0333), links leading out, absolute paths.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt",
        "/..%2fsecret.txt", "/%2f..%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt", "/..%5csecret.txt",
        "/..%5c..%5csecret.txt", "/..\\secret.txt", "http://x/../secret.txt", "http://x/out/secret.txt",
        "/secret.txt%00.html", "/%00", "/%c0%ae%c0%ae/secret.txt", "/%c0%af..%c0%afsecret.txt", "/%ff/secret.txt",
        "/out/secret.txt", "/secret-link.txt", "//secret.txt", "/sub//../../secret.txt", "*"
    })
    void noPathReachesOutsideTheDirectory(String target) {
        Response response = get(target);
        assertTrue(response.status() == 404 || response.status() == 400, target + " -> " + response.status());
        assertFalse(response.body() instanceof Response.FileBody, target);
    }

    /** A file-system path in the URL is looked up under the root, never followed as absolute. */
    @Test
    void absoluteFileSystemPathIsNotFollowed() throws IOException {
        String absolute = temp.resolve("secret.txt").toRealPath().toString();
        assertEquals(404, get("/" + absolute).status());
        assertEquals(404, get("/" + absolute.replace("/", "%2F")).status());
    }

    /** RFC 3986 section 2.2: mounted under a router's {@code *} it serves that part, and a %2F never reaches it. */
    @Test
    void servesTheWildcardOfItsRoute() throws IOException {
        Router router = Router.builder().get("/static/*", files).build();
        assertEquals(root.resolve("a.txt").toRealPath(), fileBody(call(router, "GET", "/static/a.txt")).path());
        assertEquals(root.resolve("sub/index.html").toRealPath(), fileBody(call(router, "GET", "/static/sub/")).path());
        assertEquals(404, call(router, "GET", "/static/..%2Fsecret.txt").status());
        assertEquals(400, call(router, "GET", "/static/../../secret.txt").status());
    }

    /** RFC 9110 section 13.1.2: a matching If-None-Match (weak comparison) is 304 with the ETag. */
    @Test
    void ifNoneMatchThatMatchesIs304() {
        String tag = etag("/a.txt");
        Response response = get("/a.txt", "If-None-Match", "\"other\", W/" + tag);
        assertEquals(304, response.status());
        assertEquals(tag, response.headers().get("etag"));
        assertEquals(304, get("/a.txt", "If-None-Match", "*").status());
        assertEquals(200, get("/a.txt", "If-None-Match", "\"other\"").status());
    }

    /** RFC 9110 section 13.1.3: not modified since the date is 304; modified after it, or a bad date, is 200. */
    @Test
    void ifModifiedSinceIs304WhenNotModified() {
        assertEquals(304, get("/a.txt", "If-Modified-Since", MODIFIED_DATE).status());
        assertEquals(304, get("/a.txt", "If-Modified-Since", "Friday, 01-Mar-24 12:00:01 GMT").status());
        assertEquals(304, get("/a.txt", "If-Modified-Since", "Fri Mar  1 12:00:00 2024").status());
        assertEquals(200, get("/a.txt", "If-Modified-Since", "Fri, 01 Mar 2024 11:59:59 GMT").status());
        assertEquals(200, get("/a.txt", "If-Modified-Since", "yesterday").status());
    }

    /** RFC 9110 section 13.2.2 step 3 before 4: If-None-Match decides and If-Modified-Since is ignored. */
    @Test
    void ifNoneMatchOverridesIfModifiedSince() {
        assertEquals(200, get("/a.txt", "If-None-Match", "\"other\"", "If-Modified-Since", MODIFIED_DATE).status());
    }

    /** RFC 9110 section 13.1.1: If-Match uses strong comparison; no match is 412. */
    @Test
    void ifMatchThatFailsIs412() {
        String tag = etag("/a.txt");
        assertEquals(200, get("/a.txt", "If-Match", tag).status());
        assertEquals(200, get("/a.txt", "If-Match", "*").status());
        assertEquals(412, get("/a.txt", "If-Match", "\"other\"").status());
        assertEquals(412, get("/a.txt", "If-Match", "W/" + tag).status(), "a weak tag never matches strongly");
    }

    /** RFC 9110 section 13.1.4: modified after If-Unmodified-Since is 412. */
    @Test
    void ifUnmodifiedSinceThatFailsIs412() {
        assertEquals(200, get("/a.txt", "If-Unmodified-Since", MODIFIED_DATE).status());
        assertEquals(412, get("/a.txt", "If-Unmodified-Since", "Fri, 01 Mar 2024 11:59:59 GMT").status());
    }

    /** RFC 9110 section 13.2.2 steps 1-2: If-Match is evaluated first, and If-Unmodified-Since only without it. */
    @Test
    void ifMatchComesFirstAndReplacesIfUnmodifiedSince() {
        String tag = etag("/a.txt");
        assertEquals(200, get("/a.txt", "If-Match", tag, "If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")
                .status());
        assertEquals(412, get("/a.txt", "If-Match", "\"other\"", "If-None-Match", tag).status());
    }

    /** RFC 9110 sections 14.1.2 and 14.4: one range is a 206 with Content-Range and that region as body. */
    @Test
    void singleRangeIs206WithContentRange() throws IOException {
        Path a = root.resolve("a.txt").toRealPath();
        Response response = get("/a.txt", "Range", "bytes=2-5");
        assertEquals(206, response.status());
        assertEquals("bytes 2-5/10", response.headers().get("content-range"));
        assertEquals(new Response.FileBody(a, 2, 4), fileBody(response));
        assertEquals("bytes 7-9/10", get("/a.txt", "Range", "bytes=-3").headers().get("content-range"));
        assertEquals("bytes 4-9/10", get("/a.txt", "Range", "bytes=4-").headers().get("content-range"));
        assertEquals("bytes 8-9/10", get("/a.txt", "Range", "bytes=8-100").headers().get("content-range"));
        assertEquals("bytes 0-9/10", get("/a.txt", "Range", "BYTES=-100").headers().get("content-range"));
    }

    /** RFC 9110 section 15.5.17: a range starting past the end is 416 with {@code Content-Range: bytes *}{@code /size}. */
    @Test
    void unsatisfiableRangeIs416() {
        for (String range : new String[] {"bytes=10-", "bytes=10-20", "bytes=-0", "bytes=99999999999999999999-"}) {
            Response response = get("/a.txt", "Range", range);
            assertEquals(416, response.status(), range);
            assertEquals("bytes */10", response.headers().get("content-range"), range);
        }
    }

    /** RFC 9110 section 14.2: several ranges, other units and invalid specs may be ignored: 200 with everything. */
    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,3-4", "bytes=0-1, -2", "items=0-1", "bytes=5-2", "bytes=x-1", "bytes 0-1",
        "bytes=+1-2", "bytes=\u00B2-3", "bytes=--1"})
    void rangesItDoesNotServeGetTheWholeFile(String range) {
        Response response = get("/a.txt", "Range", range);
        assertEquals(200, response.status(), range);
        assertNull(response.headers().get("content-range"));
        assertEquals(10, fileBody(response).length());
    }

    /** RFC 9110 section 14.2: Range is defined for GET only, so HEAD ignores it. */
    @Test
    void headIgnoresRange() {
        assertEquals(200, call(files, "HEAD", "/a.txt", "Range", "bytes=0-1").status());
    }

    /** RFC 9110 section 13.1.5: If-Range with the current strong ETag or exact date serves the range, else 200. */
    @Test
    void ifRangeServesTheRangeOnlyForTheSameVersion() {
        String tag = etag("/a.txt");
        assertEquals(206, get("/a.txt", "Range", "bytes=0-1", "If-Range", tag).status());
        assertEquals(206, get("/a.txt", "Range", "bytes=0-1", "If-Range", MODIFIED_DATE).status());
        assertEquals(200, get("/a.txt", "Range", "bytes=0-1", "If-Range", "\"old\"").status());
        assertEquals(200, get("/a.txt", "Range", "bytes=0-1", "If-Range", "W/" + tag).status());
        assertEquals(200, get("/a.txt", "Range", "bytes=0-1", "If-Range", "Fri, 01 Mar 2024 11:00:00 GMT").status());
    }

    /** RFC 9110 sections 8.4 and 12.5.3: a .gz sibling is sent to a client that accepts gzip, with Vary. */
    @Test
    void precompressedSiblingIsSentToClientsThatAcceptGzip() throws IOException {
        Response gz = get("/style.css", "Accept-Encoding", "br, gzip;q=0.8");
        assertEquals(root.resolve("style.css.gz").toRealPath(), fileBody(gz).path());
        assertEquals("gzip", gz.headers().get("content-encoding"));
        assertEquals("text/css; charset=utf-8", gz.headers().get("content-type"));
        assertEquals("Accept-Encoding", gz.headers().get("vary"));
        Response plain = get("/style.css", "Accept-Encoding", "gzip;q=0, identity");
        assertEquals(root.resolve("style.css").toRealPath(), fileBody(plain).path());
        assertNull(plain.headers().get("content-encoding"));
        assertEquals("Accept-Encoding", plain.headers().get("vary"), "the choice depended on Accept-Encoding");
        assertEquals(root.resolve("style.css").toRealPath(), fileBody(get("/style.css")).path());
        assertNull(get("/a.txt", "Accept-Encoding", "gzip").headers().get("vary"), "no sibling, no choice");
        assertFalse(gz.headers().get("etag").equals(plain.headers().get("etag")),
                "RFC 9110 section 8.8.3: each representation has its own strong validator");
    }

    /** RFC 9110 section 12.5.5: with siblings off nothing depends on Accept-Encoding, so there is no Vary. */
    @Test
    void precompressedSiblingsCanBeTurnedOff() throws IOException {
        StaticFiles plain = StaticFiles.builder(root).precompressed(false).build();
        Response response = call(plain, "GET", "/style.css", "Accept-Encoding", "gzip");
        assertEquals(root.resolve("style.css").toRealPath(), fileBody(response).path());
        assertNull(response.headers().get("vary"));
    }

    /** RFC 9110 section 8.3: Content-Type by extension, matched ASCII case-insensitively (no Kelvin-sign fold), with overrides. */
    @Test
    void contentTypeComesFromTheExtension() throws IOException {
        ContentTypes types = ContentTypes.defaults();
        assertEquals("text/html; charset=utf-8", types.of("INDEX.HTML"));
        assertEquals("image/svg+xml", types.of("logo.svg"));
        assertEquals(ContentTypes.DEFAULT, types.of("noext"));
        assertEquals(ContentTypes.DEFAULT, types.of("trailing."));
        assertEquals(ContentTypes.DEFAULT, types.of("x.\u212Aml"), "Kelvin sign is no k");
        write("data.bin", "x");
        StaticFiles custom = StaticFiles.builder(root).contentType("BIN", "application/x-custom").build();
        assertEquals("application/x-custom", call(custom, "GET", "/data.bin").headers().get("content-type"));
    }

    /** A root that is missing or not a directory is refused when the handler is built, not on the first request. */
    @Test
    void aMissingRootIsRefusedWhenBuilt() {
        assertThrows(UncheckedIOException.class, () -> StaticFiles.serve(temp.resolve("nope")));
        assertThrows(UncheckedIOException.class, () -> StaticFiles.serve(root.resolve("a.txt")));
    }

    /** RFC 9110 section 5.6.7: Last-Modified is an IMF-fixdate. */
    @Test
    void lastModifiedIsAnImfFixdate() {
        assertEquals(HttpDate.format(MODIFIED.toEpochMilli()), get("/a.txt").headers().get("last-modified"));
    }
}
