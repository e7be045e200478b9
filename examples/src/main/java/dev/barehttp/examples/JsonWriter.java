package dev.barehttp.examples;

import java.nio.charset.StandardCharsets;

/**
 * A tiny JSON writer: objects, arrays, strings and numbers appended in order, with ", " and ": "
 * between items. Strings are escaped with {@code \"}, {@code \\} and {@code \}{@code uXXXX} for every
 * character below 0x20 or above 0x7E, so the output is plain ASCII whatever the input.
 */
final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    private boolean needsComma;

    /** Opens an object. */
    JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    /** Closes the innermost object. */
    JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    /** Opens an array. */
    JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    /** Closes the innermost array. */
    JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** Writes a member name; the value written next belongs to it. */
    JsonWriter name(String name) {
        separate();
        appendString(name);
        out.append(": ");
        needsComma = false;
        return this;
    }

    /** Writes a string value. */
    JsonWriter value(String value) {
        separate();
        appendString(value);
        needsComma = true;
        return this;
    }

    /** Writes a number value. */
    JsonWriter value(long value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    /** Writes a boolean value. */
    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    /** The document written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /** The document as bytes (ASCII, which is also UTF-8). */
    byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void separate() {
        if (needsComma) {
            out.append(", ");
            needsComma = false;
        }
    }

    private void appendString(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
