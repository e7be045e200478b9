package dev.barehttp.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An immutable, ordered list of header (or trailer) fields.
 *
 * <p>Names are exposed in lower case and compared case-insensitively (RFC 9110 section 5.1);
 * values are the field's bytes read as ISO-8859-1, without leading or trailing whitespace.
 * The order of fields is the order received. {@link #get} joins the values of a repeated field
 * with {@code ", "}, which RFC 9110 section 5.3 allows for every field but {@code Set-Cookie}.
 *
 * <p>Decoded headers keep the bytes they came from and make strings only when asked, so a
 * request whose headers are never read costs one array copy, which holds the field bounds too.
 */
public final class Headers {
    /** No fields at all. */
    public static final Headers EMPTY = new Headers(new String[0], new String[0], new String[0], 0);

    private static final VarHandle CHARS = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** The largest section whose bounds are packed as 16-bit offsets. */
    private static final int NARROW_LIMIT = 0xFFFF;

    /**
     * Decoded fields: the section's bytes, then four offsets into them per field (nameStart, nameEnd,
     * valueStart, valueEnd), 16 bits each, or 32 bits when the section is longer than
     * {@link #NARROW_LIMIT}; null for built fields.
     */
    private final byte[] raw;
    private final boolean wideBounds;
    private final int size;
    private final int framingFields;
    private String[] names;
    private String[] values;
    /** The names as a builder was given them, for the wire; null for decoded fields. */
    private final String[] writtenNames;

    private Headers(byte[] raw, int size, int framingFields) {
        this.raw = raw;
        this.wideBounds = raw.length - 8 * size > NARROW_LIMIT;
        this.size = size;
        this.framingFields = framingFields;
        this.writtenNames = null;
    }

    /**
     * Decoded fields over a copy of {@code b[base + from, base + to)}: {@code bounds[4 * i, 4 * i + 4)}
     * holds nameStart, nameEnd, valueStart, valueEnd of field {@code i}, relative to {@code base};
     * {@code framingFields} the {@link FramingFields} bits of the names present.
     */
    static Headers decoded(byte[] b, int base, int from, int to, int[] bounds, int size, int framingFields) {
        int length = to - from;
        boolean wide = length > NARROW_LIMIT;
        byte[] raw = new byte[length + (wide ? 16 : 8) * size];
        System.arraycopy(b, base + from, raw, 0, length);
        if (wide) {
            for (int k = 0; k < 4 * size; k++) {
                INTS.set(raw, length + 4 * k, bounds[k] - from);
            }
        } else {
            for (int k = 0; k < 4 * size; k++) {
                CHARS.set(raw, length + 2 * k, (char) (bounds[k] - from));
            }
        }
        return new Headers(raw, size, framingFields);
    }

    /** Offset {@code k} of the decoded bounds (see {@link #raw}). */
    private int bound(int k) {
        if (wideBounds) {
            return (int) INTS.get(raw, raw.length - 16 * size + 4 * k);
        }
        return (char) CHARS.get(raw, raw.length - 8 * size + 2 * k);
    }

    private Headers(String[] names, String[] writtenNames, String[] values, int size) {
        this.raw = null;
        this.wideBounds = false;
        this.writtenNames = writtenNames;
        this.size = size;
        this.framingFields = FramingFields.UNKNOWN;
        this.names = names;
        this.values = values;
    }

    /**
     * Fields from alternating names and values, validated like {@link Builder#add}.
     *
     * @throws IllegalArgumentException for an odd count, a name that is not a token, or a value with
     *     CR, LF, NUL or other control characters
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** A builder that validates each field as it is added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of fields, repeated names counted once per occurrence. */
    public int size() {
        return size;
    }

    /** True when there is no field. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The lower-case name of field {@code i}. */
    public String name(int i) {
        checkIndex(i);
        if (names == null) {
            names = new String[size];
        }
        String n = names[i];
        if (n == null) {
            n = KnownNames.lookup(raw, bound(4 * i), bound(4 * i + 1));
            names[i] = n;
        }
        return n;
    }

    /**
     * The name of field {@code i} in the case it was given to the {@link Builder} (a response header
     * goes on the wire so); for decoded fields, the lower-case {@link #name(int)}.
     */
    public String nameAsWritten(int i) {
        checkIndex(i);
        return writtenNames == null ? name(i) : writtenNames[i];
    }

    /** The value of field {@code i}, without surrounding whitespace. */
    public String value(int i) {
        checkIndex(i);
        if (values == null) {
            values = new String[size];
        }
        String v = values[i];
        if (v == null) {
            int start = bound(4 * i + 2);
            v = new String(raw, start, bound(4 * i + 3) - start, StandardCharsets.ISO_8859_1);
            values[i] = v;
        }
        return v;
    }

    /** A test of a field value's bytes, {@code b[from, to)}. */
    @FunctionalInterface
    interface ValueCheck {
        boolean test(byte[] b, int from, int to);
    }

    /**
     * {@code check} applied to the value of the first field named {@code name}: on the received bytes
     * for decoded fields (no string is made), on the value's Latin-1 bytes for built ones; true when
     * there is no such field.
     */
    boolean firstValueSatisfies(String name, ValueCheck check) {
        if (surelyAbsent(name)) {
            return true;
        }
        for (int i = 0; i < size; i++) {
            if (nameIs(i, name)) {
                if (raw == null) {
                    byte[] b = value(i).getBytes(StandardCharsets.ISO_8859_1);
                    return check.test(b, 0, b.length);
                }
                return check.test(raw, bound(4 * i + 2), bound(4 * i + 3));
            }
        }
        return true;
    }

    /** The values of every field named {@code name} joined with ", ", or null when there is none. */
    public String get(String name) {
        if (surelyAbsent(name)) {
            return null;
        }
        String first = null;
        StringBuilder joined = null;
        for (int i = 0; i < size; i++) {
            if (nameIs(i, name)) {
                if (first == null) {
                    first = value(i);
                } else {
                    if (joined == null) {
                        joined = new StringBuilder(first);
                    }
                    joined.append(", ").append(value(i));
                }
            }
        }
        return joined != null ? joined.toString() : first;
    }

    /** Every value of the fields named {@code name}, in order (empty when there is none). */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (nameIs(i, name)) {
                out.add(value(i));
            }
        }
        return out;
    }

    /** True when at least one field is named {@code name}. */
    public boolean contains(String name) {
        if (surelyAbsent(name)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (nameIs(i, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a field named {@code name} holds {@code token} as one element of its
     * comma-separated list, compared case-insensitively (e.g. {@code Connection: keep-alive, Upgrade}).
     */
    public boolean containsToken(String name, String token) {
        int bit = framingFields == FramingFields.UNKNOWN ? 0 : FramingFields.of(name);
        if (bit != 0 && (framingFields & bit) == 0) {
            return false;
        }
        if (bit == FramingFields.CONNECTION) {
            int option = FramingFields.connectionOption(token);
            if (option != 0) {
                return (framingFields & option) != 0;
            }
        }
        for (int i = 0; i < size; i++) {
            if (nameIs(i, name) && valueHoldsToken(i, token)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a decoded value where it lies, so that asking about a token makes no string. */
    private boolean valueHoldsToken(int i, String token) {
        if (raw == null || values != null && values[i] != null) {
            return ListTokens.contains(value(i), token);
        }
        return ListTokens.contains(raw, bound(4 * i + 2), bound(4 * i + 3), token);
    }

    /** True when parsing noted that no field named {@code name}, one the codec reads itself, is present. */
    private boolean surelyAbsent(String name) {
        if (framingFields == FramingFields.UNKNOWN) {
            return false;
        }
        int bit = FramingFields.of(name);
        return bit != 0 && (framingFields & bit) == 0;
    }

    /**
     * The {@link FramingFields} bits noted while parsing (the connection options among them), or
     * {@link FramingFields#UNKNOWN}.
     */
    int framingFields() {
        return framingFields;
    }

    /** True when field {@code i} is named {@code name}, compared case-insensitively. */
    public boolean nameIs(int i, String name) {
        if (raw == null || names != null && names[i] != null) {
            return ByteClass.equalsAsciiIgnoringCase(name(i), name);
        }
        int start = bound(4 * i);
        int len = bound(4 * i + 1) - start;
        if (len != name.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            char c = name.charAt(k);
            if (c > 0x7F || raw[start + k] != ByteClass.lower((byte) c)) {
                return false;
            }
        }
        return true;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("field " + i + " of " + size);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Headers other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!name(i).equals(other.name(i)) || !value(i).equals(other.value(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + name(i).hashCode();
            h = 31 * h + value(i).hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(name(i)).append(": ").append(value(i));
        }
        return sb.append(']').toString();
    }

    /** Collects fields for a response or for a test; each is validated as it is added. */
    public static final class Builder {
        private String[] names = new String[8];
        private String[] writtenNames = new String[8];
        private String[] values = new String[8];
        private int size;

        private Builder() {
        }

        /**
         * Appends a field. The name is exposed in lower case by {@link Headers#name(int)} and kept as
         * given for {@link Headers#nameAsWritten(int)}.
         *
         * @throws IllegalArgumentException when the name is not a token or the value holds a character
         *     a field value may not (CR and LF among them, so no response splitting)
         */
        public Builder add(String name, String value) {
            if (!ByteClass.isToken(name)) {
                throw new IllegalArgumentException("header name is not a token: \"" + name + "\"");
            }
            if (value == null || !ByteClass.isFieldValue(value)) {
                throw new IllegalArgumentException("header value for " + name
                        + " holds a forbidden character (CR, LF, NUL or another control)");
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                writtenNames = Arrays.copyOf(writtenNames, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = KnownNames.lower(name);
            writtenNames[size] = name;
            values[size] = value.strip();
            size++;
            return this;
        }

        /** Removes every field named {@code name}, compared case-insensitively. */
        public Builder remove(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            int w = 0;
            for (int r = 0; r < size; r++) {
                if (!names[r].equals(lower)) {
                    names[w] = names[r];
                    writtenNames[w] = writtenNames[r];
                    values[w] = values[r];
                    w++;
                }
            }
            Arrays.fill(names, w, size, null);
            Arrays.fill(writtenNames, w, size, null);
            Arrays.fill(values, w, size, null);
            size = w;
            return this;
        }

        /** Replaces every field named {@code name} with one holding {@code value}. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /** Appends every field of {@code other}. */
        public Builder addAll(Headers other) {
            for (int i = 0; i < other.size(); i++) {
                add(other.nameAsWritten(i), other.value(i));
            }
            return this;
        }

        /** The fields added so far. */
        public Headers build() {
            return new Headers(Arrays.copyOf(names, size), Arrays.copyOf(writtenNames, size),
                    Arrays.copyOf(values, size), size);
        }
    }
}
