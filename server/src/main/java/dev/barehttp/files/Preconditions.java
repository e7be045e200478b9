package dev.barehttp.files;

import dev.barehttp.Request;

/**
 * The conditional request fields of a GET or HEAD evaluated against one file version, in the order
 * of RFC 9110 section 13.2.2:
 * <ol>
 *   <li>{@code If-Match} present: false (strong comparison, section 13.1.1) is 412;</li>
 *   <li>else {@code If-Unmodified-Since} present and a valid date: modified after it is 412;</li>
 *   <li>{@code If-None-Match} present: true (weak comparison, section 13.1.2) is 304;</li>
 *   <li>else {@code If-Modified-Since} present and a valid date: not modified since is 304;</li>
 *   <li>{@code Range} with {@code If-Range} (section 13.1.5): the range is served only when the
 *       validator matches (an entity-tag by strong comparison, or a date equal to Last-Modified).</li>
 * </ol>
 * A date that is not an HTTP-date makes its field ignored (sections 13.1.3, 13.1.4).
 */
final class Preconditions {
    /** The outcome of steps 1 to 4. */
    enum Outcome {
        /** Answer the request normally. */
        PROCEED,
        /** 304 Not Modified. */
        NOT_MODIFIED,
        /** 412 Precondition Failed. */
        PRECONDITION_FAILED
    }

    private Preconditions() {
    }

    /** Steps 1 to 4 for {@code request} (a GET or HEAD) and the file version {@code version}. */
    static Outcome evaluate(Request request, FileVersion version) {
        String ifMatch = request.header("if-match");
        if (ifMatch != null) {
            if (!EntityTags.matches(ifMatch, version.entityTag(), true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            long since = HttpDates.parse(request.header("if-unmodified-since"));
            if (since != HttpDates.INVALID && version.lastModifiedSeconds() > since) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        String ifNoneMatch = request.header("if-none-match");
        if (ifNoneMatch != null) {
            return EntityTags.matches(ifNoneMatch, version.entityTag(), false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        long since = HttpDates.parse(request.header("if-modified-since"));
        if (since != HttpDates.INVALID && version.lastModifiedSeconds() <= since) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /** Step 5: true when a {@code Range} may be served (no {@code If-Range}, or one that matches {@code version}). */
    static boolean rangeAllowed(Request request, FileVersion version) {
        String ifRange = request.header("if-range");
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            // A weak tag never matches by strong comparison, so W/"..." turns the range off.
            return !ifRange.startsWith("W/") && ifRange.equals(version.entityTag());
        }
        long date = HttpDates.parse(ifRange);
        return date != HttpDates.INVALID && date == version.lastModifiedSeconds();
    }
}
