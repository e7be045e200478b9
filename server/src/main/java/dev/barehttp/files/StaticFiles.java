package dev.barehttp.files;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.compression.AcceptEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Handler} serving the files under one directory to GET and HEAD:
 *
 * <pre>{@code
 * Handler site = StaticFiles.serve(Path.of("public"));
 * Router router = Router.builder().get("/assets/*", StaticFiles.builder(Path.of("assets"))
 *         .directoryListing(true).build()).build();
 * }</pre>
 *
 * Used as a route's handler it serves the {@code *} part of the path; on its own, the whole path.
 *
 * <h2>What it answers</h2>
 * <ul>
 *   <li>{@code 200} with the file as a {@link Response#file(Path, long, long)} body (sent with
 *       {@code FileChannel.transferTo} by the NIO transport), {@code Content-Type} from the extension
 *       ({@link ContentTypes}), a strong {@code ETag} made of size and modification time,
 *       {@code Last-Modified}, and {@code Accept-Ranges: bytes} (RFC 9110 sections 8.3, 8.8, 14.3).</li>
 *   <li>{@code 304} / {@code 412} for {@code If-None-Match}, {@code If-Modified-Since} /
 *       {@code If-Match}, {@code If-Unmodified-Since}, evaluated in the order of RFC 9110 section
 *       13.2.2.</li>
 *   <li>{@code 206} with {@code Content-Range} for one byte range of a GET (honouring {@code If-Range});
 *       {@code 416} with {@code Content-Range: bytes *}{@code /size} when it starts past the end. A
 *       request for several ranges gets the whole file with {@code 200} (RFC 9110 section 14.2 allows
 *       it), so no multipart body is ever built.</li>
 *   <li>A directory: {@code 301} to the same path with a trailing {@code /} when it lacks one (so
 *       relative links in the page resolve), then its index file ({@code index.html}), else a listing
 *       when {@link Builder#directoryListing(boolean) enabled} (names HTML-escaped), else {@code 404}.</li>
 *   <li>{@code name.gz} sent in place of {@code name}, with {@code Content-Encoding: gzip} and the
 *       type of {@code name}, when it exists and the request's {@code Accept-Encoding} prefers gzip;
 *       whenever such a sibling exists the answer says {@code Vary: Accept-Encoding}.</li>
 *   <li>{@code 404} for anything missing or refused (never a 500); {@code 405} with
 *       {@code Allow: GET, HEAD} for other methods.</li>
 * </ul>
 *
 * <h2>No way out</h2>
 * The server removed dot segments before (a climb above the root is a 400). Then each segment
 * must be one plain name (no {@code /} from {@code %2F}, no {@code \}, no NUL, no hidden name unless
 * {@link Builder#hiddenFiles(boolean) served}), and the file's real path, with every symbolic link
 * followed, must lie inside the directory's real path: a link leading out finds nothing.
 */
public final class StaticFiles implements Handler {
    private static final Response NOT_FOUND = Response.text(404, "Not Found\n");
    private static final Response NOT_ALLOWED = Response.text(405, "Method Not Allowed\n")
            .withHeader("Allow", "GET, HEAD");
    private static final Response PRECONDITION_FAILED = Response.text(412, "Precondition Failed\n");

    private final FileLookup lookup;
    private final String indexFile;
    private final boolean listing;
    private final boolean precompressed;
    private final ContentTypes contentTypes;

    private StaticFiles(Builder b, Path realRoot) {
        this.lookup = new FileLookup(realRoot, b.hiddenFiles);
        this.indexFile = b.indexFile;
        this.listing = b.listing;
        this.precompressed = b.precompressed;
        this.contentTypes = b.contentTypes;
    }

    /**
     * Serves {@code root} with the defaults: {@code index.html}, no listing, {@code .gz} siblings,
     * no hidden files.
     *
     * @throws UncheckedIOException when {@code root} is not an existing directory
     */
    public static StaticFiles serve(Path root) {
        return builder(root).build();
    }

    /** A builder of a handler serving {@code root}. */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** Answers with the file, directory page, or status the request names (see the class comment). */
    @Override
    public Response handle(Request request) throws IOException {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return NOT_ALLOWED;
        }
        List<String> segments = segmentsOf(request);
        Path found = segments.isEmpty() ? null : lookup.find(segments);
        if (found == null) {
            return NOT_FOUND;
        }
        if (!Files.isDirectory(found)) {
            return serveFile(request, found);
        }
        if (!segments.get(segments.size() - 1).isEmpty()) {
            String query = request.query();
            return Response.of(301).withHeader("Location", request.rawPath() + "/" + (query == null ? "" : "?" + query));
        }
        Path index = indexFile == null ? null : lookup.child(found, indexFile);
        if (index != null && Files.isRegularFile(index)) {
            return serveFile(request, index);
        }
        if (listing) {
            return Response.bytes(200, "text/html; charset=utf-8",
                    DirectoryListing.render(lookup, found, request.path()));
        }
        return NOT_FOUND;
    }

    /**
     * The segments to look up: the router's {@code *} when there is one (it never holds a %2F, so its
     * slashes are real boundaries), else the path's; empty for a target that is no path ({@code *}).
     */
    private static List<String> segmentsOf(Request request) {
        String rest = request.pathParameter("*");
        return rest != null ? Arrays.asList(rest.split("/", -1)) : request.pathSegments();
    }

    private Response serveFile(Request request, Path file) {
        FileVersion identity;
        try {
            identity = FileVersion.read(file);
        } catch (IOException e) {
            return NOT_FOUND;
        }
        if (!Files.isRegularFile(file)) {
            return NOT_FOUND;
        }
        String name = file.getFileName().toString();
        Path gzip = precompressed ? lookup.child(file.getParent(), name + ".gz") : null;
        boolean varies = gzip != null && Files.isRegularFile(gzip);
        FileVersion version = identity;
        if (varies && AcceptEncoding.of(request.header("accept-encoding")).prefers("gzip")) {
            try {
                version = FileVersion.read(gzip);
            } catch (IOException e) {
                version = identity;
            }
        }
        Response headers = Response.of(200).withHeader("ETag", version.entityTag());
        if (varies) {
            headers = headers.withHeader("Vary", "Accept-Encoding");
        }
        switch (Preconditions.evaluate(request, version)) {
            case NOT_MODIFIED:
                return headers.withStatus(304);
            case PRECONDITION_FAILED:
                return PRECONDITION_FAILED;
            default:
                break;
        }
        headers = headers.withHeader("Last-Modified", version.lastModified())
                .withHeader("Accept-Ranges", "bytes")
                .withHeader("Content-Type", contentTypes.of(name));
        if (version != identity) {
            headers = headers.withHeader("Content-Encoding", "gzip");
        }
        return withBody(request, headers, version);
    }

    /** The whole file, one range of it, or a 416, as the request's {@code Range} asks (GET only, RFC 9110 section 14.2). */
    private static Response withBody(Request request, Response headers, FileVersion version) {
        String range = request.method().equals("GET") ? request.header("range") : null;
        ByteRange wanted = range == null || !Preconditions.rangeAllowed(request, version)
                ? ByteRange.of(null, version.size()) : ByteRange.of(range, version.size());
        switch (wanted.kind()) {
            case PARTIAL:
                return headers.withStatus(206)
                        .withHeader("Content-Range", "bytes " + wanted.first() + "-" + wanted.last() + "/" + version.size())
                        .withFile(version.path(), wanted.first(), wanted.length());
            case UNSATISFIABLE:
                return Response.text(416, "Range Not Satisfiable\n")
                        .withHeader("Content-Range", "bytes */" + version.size());
            default:
                return headers.withFile(version.path(), 0, version.size());
        }
    }

    /** Options of a {@link StaticFiles} handler. */
    public static final class Builder {
        private final Path root;
        private String indexFile = "index.html";
        private boolean listing;
        private boolean precompressed = true;
        private boolean hiddenFiles;
        private ContentTypes contentTypes = ContentTypes.defaults();

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** The file a directory is answered with (default {@code index.html}); null for none. */
        public Builder indexFile(String name) {
            if (name != null && (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0)) {
                throw new IllegalArgumentException("an index file is one file name: " + name);
            }
            this.indexFile = name;
            return this;
        }

        /** Whether a directory without index file is answered with an HTML listing (default false: 404). */
        public Builder directoryListing(boolean enabled) {
            this.listing = enabled;
            return this;
        }

        /** Whether {@code name.gz} is sent for {@code name} to clients that prefer gzip (default true). */
        public Builder precompressed(boolean enabled) {
            this.precompressed = enabled;
            return this;
        }

        /** Whether names starting with a dot ({@code .git}, {@code .env}) are served and listed (default false: 404). */
        public Builder hiddenFiles(boolean enabled) {
            this.hiddenFiles = enabled;
            return this;
        }

        /** Files ending in {@code .extension} are sent with {@code Content-Type: contentType}. */
        public Builder contentType(String extension, String contentType) {
            this.contentTypes = contentTypes.with(extension, contentType);
            return this;
        }

        /**
         * The handler.
         *
         * @throws UncheckedIOException when the root is not an existing directory
         */
        public StaticFiles build() {
            Path real;
            try {
                real = root.toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve " + root, e);
            }
            if (!Files.isDirectory(real)) {
                throw new UncheckedIOException(new IOException("not a directory: " + root));
            }
            return new StaticFiles(this, real);
        }
    }
}
