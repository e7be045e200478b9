package dev.barehttp.files;

import dev.barehttp.codec.HttpDate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * One file as it is now: its size and modification time, and the validators made of them
 * (RFC 9110 section 8.8): a strong {@code ETag} of size and modification time in hex, and
 * {@code Last-Modified} at the one-second resolution of an HTTP-date.
 *
 * @param path the file's real path
 * @param size its length in bytes
 * @param lastModifiedSeconds its modification time in seconds since the epoch
 * @param entityTag the strong entity-tag, quotes included
 */
record FileVersion(Path path, long size, long lastModifiedSeconds, String entityTag) {

    /** The version of the regular file at {@code path} now. */
    static FileVersion of(Path path, BasicFileAttributes attributes) {
        long micros = attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS);
        String tag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(micros) + "\"";
        return new FileVersion(path, attributes.size(), Math.floorDiv(micros, 1_000_000L), tag);
    }

    /** Reads the attributes of {@code path} (following links). */
    static FileVersion read(Path path) throws IOException {
        return of(path, Files.readAttributes(path, BasicFileAttributes.class));
    }

    /** The {@code Last-Modified} value, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    String lastModified() {
        return HttpDate.format(lastModifiedSeconds * 1000);
    }
}
