package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void membersAndItemsAreSeparatedByCommaSpaceAndColonSpace() {
        String json = new JsonWriter().beginObject().name("a").value("x").name("b").beginArray()
                .beginArray().value("n").value("v").endArray().beginArray().endArray().endArray()
                .name("c").value(3).name("d").value(true).endObject().toString();
        assertEquals("{\"a\": \"x\", \"b\": [[\"n\", \"v\"], []], \"c\": 3, \"d\": true}", json);
    }

    @Test
    void quoteAndBackslashAreEscapedWithABackslash() {
        assertEquals("\"a\\\"b\\\\c\"", new JsonWriter().value("a\"b\\c").toString());
    }

    @Test
    void controlCharactersUseUnicodeEscapesNotShortForms() {
        assertEquals("\"\\u0000\\u0009\\u000a\\u000d\\u001f \"", new JsonWriter().value("\0\t\n\r\u001f ").toString());
    }

    @Test
    void everythingAboveTildeIsEscapedIncludingDelete() {
        assertEquals("\"~\\u007f\\u00e9\\u00ff\\u20ac\"", new JsonWriter().value("~\u007f\u00e9\u00ff\u20ac").toString());
    }

    @Test
    void emptyObjectAndArray() {
        assertEquals("{}", new JsonWriter().beginObject().endObject().toString());
        assertEquals("[]", new JsonWriter().beginArray().endArray().toString());
    }
}
