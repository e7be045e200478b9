package dev.barehttp.examples;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code files DIR} app: serves the files under one directory to GET and HEAD, with a
 * Content-Type from the extension and {@code index.html} for a directory.
 *
 * <p>No request reaches outside the directory. The decoded path is resolved one segment at a time
 * and a {@code .} or {@code ..} segment is refused outright (so {@code %2e%2e} is, too, being decoded
 * first); then the file's real path, with every symbolic link followed, must still lie under the
 * directory's real path. Everything refused is a plain {@code 404}, so a client cannot probe what
 * exists outside.
 */
final class FilesApp implements Handler {
    private static final Response NOT_FOUND = Response.text(404, "Not Found\n");
    private static final Response NOT_ALLOWED = Response.text(405, "Method Not Allowed\n")
            .withHeader("Allow", "GET, HEAD");

    private final Path root;

    /**
     * Serves {@code directory}.
     *
     * @throws IOException when the directory does not exist or is not a directory
     */
    FilesApp(Path directory) throws IOException {
        this.root = directory.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + directory);
        }
    }

    /** Answers with the file the path names, or 404. */
    @Override
    public Response handle(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return NOT_ALLOWED;
        }
        Path file = resolve(request.path());
        if (file == null) {
            return NOT_FOUND;
        }
        return Response.file(file).withHeader("Content-Type", ContentTypes.of(file.getFileName().toString()));
    }

    /** The regular file {@code path} names under the root (index.html for a directory), or null. */
    Path resolve(String path) {
        if (!path.startsWith("/") || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        try {
            Path candidate = root;
            for (String segment : path.substring(1).split("/")) {
                if (segment.equals(".") || segment.equals("..")) {
                    return null;
                }
                if (!segment.isEmpty()) {
                    candidate = candidate.resolve(segment);
                }
            }
            Path real = candidate.toRealPath();
            if (Files.isDirectory(real)) {
                real = real.resolve("index.html").toRealPath();
            }
            return real.startsWith(root) && Files.isRegularFile(real) && Files.isReadable(real) ? real : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }
}
