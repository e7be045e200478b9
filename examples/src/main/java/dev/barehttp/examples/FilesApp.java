package dev.barehttp.examples;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.compression.Compression;
import dev.barehttp.files.StaticFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The {@code files DIR} app: the library's {@link StaticFiles} over one directory, with directory
 * listings on, inside {@link Compression#gzip}, so text files without a {@code .gz} sibling are
 * compressed as they are sent to clients that ask for gzip.
 *
 * <p>Everything else is {@link StaticFiles}'s: Content-Type by extension, ETag and Last-Modified,
 * conditional requests, one byte range, {@code index.html}, and no path that leads outside the
 * directory (dot segments, {@code %2e%2e}, {@code %2F}, backslashes, NUL, links leading out).
 */
final class FilesApp implements Handler {
    private final Handler files;

    /**
     * Serves {@code directory}.
     *
     * @throws IOException when the directory does not exist or is not a directory
     */
    FilesApp(Path directory) throws IOException {
        StaticFiles site;
        try {
            site = StaticFiles.builder(directory).directoryListing(true).build();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        this.files = Compression.gzip(site);
    }

    /** Answers with the file, listing or status the path names. */
    @Override
    public Response handle(Request request) throws Exception {
        return files.handle(request);
    }
}
