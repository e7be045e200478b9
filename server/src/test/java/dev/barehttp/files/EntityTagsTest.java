package dev.barehttp.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 9110 sections 8.8.3.2 and 13.1: strong and weak comparison against If-Match / If-None-Match lists. */
class EntityTagsTest {

    /** RFC 9110 section 8.8.3.2's table: W/"1" vs W/"1" weak-only; W/"1" vs "1" weak-only; "1" vs "1" both. */
    @Test
    void strongAndWeakComparisonFollowTheRfcTable() {
        assertFalse(EntityTags.matches("W/\"1\"", "W/\"1\"", true));
        assertTrue(EntityTags.matches("W/\"1\"", "W/\"1\"", false));
        assertFalse(EntityTags.matches("W/\"1\"", "W/\"2\"", false));
        assertFalse(EntityTags.matches("W/\"1\"", "\"1\"", true));
        assertTrue(EntityTags.matches("W/\"1\"", "\"1\"", false));
        assertTrue(EntityTags.matches("\"1\"", "\"1\"", true));
    }

    /** RFC 9110 section 13.1.1: a list matches when any member does, and "*" matches any current tag. */
    @Test
    void listsAndAsterisk() {
        assertTrue(EntityTags.matches("\"a\", \"b\",\t\"c\"", "\"c\"", true));
        assertTrue(EntityTags.matches(" * ", "\"x\"", true));
        assertFalse(EntityTags.matches("\"a\", \"b\"", "\"c\"", false));
        assertTrue(EntityTags.matches("\"a,b\", \"c\"", "\"a,b\"", true), "a comma inside quotes is part of the tag");
    }

    /** A malformed list matches nothing from the malformed element on; the quotes are part of the comparison. */
    @Test
    void malformedElementsMatchNothing() {
        assertFalse(EntityTags.matches("abc", "\"abc\"", false));
        assertFalse(EntityTags.matches("\"abc", "\"abc\"", false));
        assertFalse(EntityTags.matches("w/\"abc\"", "\"abc\"", false), "W/ is case-sensitive");
        assertFalse(EntityTags.matches("junk, \"abc\"", "\"abc\"", false));
        assertFalse(EntityTags.matches("**", "\"abc\"", false));
    }
}
