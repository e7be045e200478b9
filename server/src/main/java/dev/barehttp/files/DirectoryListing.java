package dev.barehttp.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTML page listing one directory: each name HTML-escaped in the text and percent-encoded in
 * its link, directories with a trailing {@code /}, sorted by name. Only what the lookup would serve
 * is listed: no hidden names unless they are served, no link leading out of the directory served.
 */
final class DirectoryListing {
    /** The most entries one page lists; a larger directory's listing is cut, and says so. */
    static final int MAX_ENTRIES = 10_000;
    private static final String HEX = "0123456789ABCDEF";

    private DirectoryListing() {
    }

    /** The page for {@code directory} (a real path inside the lookup's root), titled with {@code displayPath}. */
    static byte[] render(FileLookup lookup, Path directory, String displayPath) throws IOException {
        List<String> names = new ArrayList<>();
        boolean cut = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (names.size() == MAX_ENTRIES) {
                    cut = true;
                    break;
                }
                String name = entry.getFileName().toString();
                Path real = lookup.child(directory, name);
                if (real != null) {
                    names.add(Files.isDirectory(real) ? name + "/" : name);
                }
            }
        }
        names.sort(null);
        StringBuilder html = new StringBuilder(256 + names.size() * 64);
        String title = "Index of " + escapeHtml(displayPath);
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body><h1>").append(title).append("</h1>\n<ul>\n");
        for (String name : names) {
            html.append("<li><a href=\"").append(escapeHtml(percentEncode(name))).append("\">")
                    .append(escapeHtml(name)).append("</a></li>\n");
        }
        html.append("</ul>\n");
        if (cut) {
            html.append("<p>Only the first ").append(MAX_ENTRIES).append(" entries are listed.</p>\n");
        }
        return html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text made safe inside an element and inside a double- or single-quoted attribute. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A name as a relative reference (RFC 3986 section 2): its UTF-8 bytes percent-encoded but for
     * unreserved characters and a final {@code /}, so {@code a:b}, {@code ?} or {@code #} in a name
     * cannot turn the link into a scheme, a query or a fragment.
     */
    static String percentEncode(String name) {
        boolean directory = name.endsWith("/");
        byte[] bytes = (directory ? name.substring(0, name.length() - 1) : name).getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return directory ? out.append('/').toString() : out.toString();
    }
}
