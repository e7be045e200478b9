package dev.barehttp.files;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code Content-Type} of a file from its extension (RFC 9110 section 8.3), text types with
 * {@code charset=utf-8}; {@code application/octet-stream} when the extension is unknown. The
 * extension is matched ASCII case-insensitively ({@code INDEX.HTML} is HTML), and only ASCII
 * letters change case, so no Unicode case rule turns one extension into another.
 */
public final class ContentTypes {
    /** The type of a file whose extension is unknown. */
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"));

    private final Map<String, String> byExtension;

    private ContentTypes(Map<String, String> byExtension) {
        this.byExtension = byExtension;
    }

    /** The built-in table. */
    public static ContentTypes defaults() {
        return new ContentTypes(BY_EXTENSION);
    }

    /**
     * The built-in table with {@code extension} (without its dot) mapped to {@code contentType}.
     *
     * @throws IllegalArgumentException when the extension is empty or holds a dot or a slash
     */
    public ContentTypes with(String extension, String contentType) {
        if (extension.isEmpty() || extension.indexOf('.') >= 0 || extension.indexOf('/') >= 0) {
            throw new IllegalArgumentException("an extension is the text after the last dot: " + extension);
        }
        Map<String, String> copy = new HashMap<>(byExtension);
        copy.put(lowerAscii(extension), contentType);
        return new ContentTypes(Map.copyOf(copy));
    }

    /** The type of a file named {@code fileName}, e.g. {@code text/css; charset=utf-8} for {@code site.css}. */
    public String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return DEFAULT;
        }
        return byExtension.getOrDefault(lowerAscii(fileName.substring(dot + 1)), DEFAULT);
    }

    private static String lowerAscii(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 32;
            }
        }
        return new String(chars);
    }
}
