package dev.barehttp;

import dev.barehttp.codec.HttpProtocolException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The path of a request-target as segments, each percent-decoded on its own, with dot segments
 * removed: the form routes match against and files are looked up by.
 *
 * <ul>
 *   <li>The raw path is split at {@code /} first and each segment decoded after, so {@code %2F} stays
 *       inside its segment and is never a separator (RFC 3986 section 2.2: an encoded reserved
 *       character is data).</li>
 *   <li>A segment that decodes to {@code .} or {@code ..} is a dot segment, whether written plainly or
 *       as {@code %2e} (RFC 3986 section 6.2.2.2: encoded unreserved characters are equivalent to
 *       themselves). Dot segments are removed as RFC 3986 section 5.2.4 does; a {@code ..} that would
 *       climb above the root is a 400 rather than being clamped there.</li>
 *   <li>A segment that is not UTF-8 (overlong forms such as {@code %c0%ae} included) or that decodes
 *       to NUL is a 400: no file system and no application means either.</li>
 * </ul>
 *
 * A target that is not a path ({@code *}, an authority) is kept whole, without segments.
 */
final class RequestPath {
    private static final RequestPath ASTERISK = new RequestPath("*", List.of(), false);

    private final String decoded;
    private List<String> segments;
    private final boolean encodedSlash;

    private RequestPath(String decoded, List<String> segments, boolean encodedSlash) {
        this.decoded = decoded;
        this.segments = segments;
        this.encodedSlash = encodedSlash;
    }

    /**
     * The path of {@code rawPath} (what {@link TargetParts#rawPath} returned).
     *
     * @throws HttpProtocolException 400 for malformed escapes, invalid UTF-8, NUL, or a path that climbs above the root
     */
    static RequestPath parse(String rawPath) {
        if (rawPath.equals("*")) {
            return ASTERISK;
        }
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return new RequestPath(decodeSegment(rawPath), List.of(), false);
        }
        if (rawPath.indexOf('%') < 0 && rawPath.indexOf("/.") < 0) {
            // Nothing to decode and no dot segment: the path is itself, split only when a route asks.
            return new RequestPath(rawPath, null, false);
        }
        List<String> out = new ArrayList<>();
        boolean encodedSlash = false;
        int start = 1;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            boolean last = slash < 0;
            String segment = decodeSegment(rawPath.substring(start, last ? rawPath.length() : slash));
            if (segment.equals("..")) {
                if (out.isEmpty()) {
                    throw HttpProtocolException.badRequest("the path climbs above the root with '..'");
                }
                out.remove(out.size() - 1);
            } else if (!segment.equals(".")) {
                out.add(segment);
                encodedSlash |= segment.indexOf('/') >= 0;
            }
            if (last) {
                // "/a/.." and "/a/." name the directory "/a/" (RFC 3986 section 5.2.4, steps 2B and 2C).
                if (segment.equals("..") || segment.equals(".")) {
                    out.add("");
                }
                break;
            }
            start = slash + 1;
        }
        return new RequestPath("/" + String.join("/", out), Collections.unmodifiableList(out), encodedSlash);
    }

    private static String decodeSegment(String raw) {
        String segment = TargetParts.decode(raw, false);
        if (segment.indexOf('\0') >= 0) {
            throw HttpProtocolException.badRequest("the path holds a NUL");
        }
        return segment;
    }

    /** The decoded path without dot segments, e.g. {@code /a/b%2Fc} as {@code /a/b/c}: for display, not for lookups. */
    String decoded() {
        return decoded;
    }

    /** The decoded segments, e.g. {@code [a, b/c]} for {@code /a/b%2Fc}; {@code [""]} for {@code /}. */
    List<String> segments() {
        if (segments == null) {
            segments = split(decoded);
        }
        return segments;
    }

    /** False for a target that is not a path (an authority): {@code segments().isEmpty()}, without splitting. */
    boolean hasSegments() {
        return segments == null || !segments.isEmpty();
    }

    /** The segments of a path that needs no decoding and has no dot segment. */
    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        int start = 1;
        while (true) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                out.add(path.substring(start));
                return Collections.unmodifiableList(out);
            }
            out.add(path.substring(start, slash));
            start = slash + 1;
        }
    }

    /** True when some segment holds a {@code /} that was sent as {@code %2F}. */
    boolean hasEncodedSlash() {
        return encodedSlash;
    }
}
