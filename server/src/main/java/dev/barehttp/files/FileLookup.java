package dev.barehttp.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds what a request's path segments name under one directory, and nothing outside it.
 *
 * <ol>
 *   <li>Each segment must be one plain file name: not empty (except a last one, which means "the
 *       directory"), not {@code .} or {@code ..}, without {@code /}, {@code \} or NUL, and one name
 *       with no root for the file system ({@code C:} is refused on Windows). A hidden name (leading
 *       dot) is refused unless hidden files are served.</li>
 *   <li>The joined path's real path, every symbolic link followed, must still start with the
 *       directory's real path: a link that leads out finds nothing.</li>
 * </ol>
 * Whatever is refused is simply not found, so a client learns nothing about what lies outside.
 */
final class FileLookup {
    private final Path root;
    private final boolean hiddenFiles;

    /** Looks up under {@code root}, which must be a real path (see {@link Path#toRealPath}). */
    FileLookup(Path root, boolean hiddenFiles) {
        this.root = root;
        this.hiddenFiles = hiddenFiles;
    }

    /** The directory served, as a real path. */
    Path root() {
        return root;
    }

    /** The real path of the file or directory {@code segments} name, or null when it is refused or missing. */
    Path find(List<String> segments) {
        Path candidate = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.isEmpty() && last) {
                break;
            }
            if (!isServableName(segment)) {
                return null;
            }
            candidate = candidate.resolve(segment);
        }
        Path real = realPathInside(candidate);
        boolean wantsDirectory = !segments.isEmpty() && segments.get(segments.size() - 1).isEmpty();
        if (real == null || (wantsDirectory && !Files.isDirectory(real))) {
            return null;
        }
        return real;
    }

    /** The real path of {@code child} of the directory {@code directory} (already inside), or null. */
    Path child(Path directory, String name) {
        return isServableName(name) ? realPathInside(directory.resolve(name)) : null;
    }

    /** True when {@code name} is one file name this lookup would serve. */
    boolean isServableName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            return false;
        }
        if (!hiddenFiles && name.charAt(0) == '.') {
            return false;
        }
        try {
            Path single = root.getFileSystem().getPath(name);
            return single.getRoot() == null && single.getNameCount() == 1 && single.toString().equals(name);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private Path realPathInside(Path path) {
        try {
            Path real = path.toRealPath();
            return real.startsWith(root) && Files.exists(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException | InvalidPathException | SecurityException e) {
            return null;
        }
    }
}
