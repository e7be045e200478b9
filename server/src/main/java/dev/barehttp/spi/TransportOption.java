package dev.barehttp.spi;

import java.util.Objects;

/**
 * One option a {@link Transport} reads from {@link ServerSettings#options()}: its name, the kind of
 * value it takes, and what it does. {@link dev.barehttp.HttpServer} checks every option against the
 * chosen transport's list before it starts, so a misspelt name or a bad value fails at start with a
 * message that lists the valid names, instead of being ignored.
 *
 * @param name the option's name, e.g. {@code nio.selectors}
 * @param kind the values it takes
 * @param description what it does, with its default, for messages and documentation
 */
public record TransportOption(String name, Kind kind, String description) {

    /** The values an option takes. Numbers are ASCII digits only: no sign, no other digits. */
    public enum Kind {
        /** A whole number from 1 to 999,999,999. */
        POSITIVE_INT("a whole number from 1"),
        /** A whole number from 0 to 999,999,999, e.g. a duration in milliseconds. */
        NON_NEGATIVE_INT("a whole number from 0"),
        /** {@code true} or {@code false}, in lower case. */
        BOOLEAN("true or false");

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }

        /** True when {@code value} is one of this kind's values. */
        public boolean accepts(String value) {
            if (this == BOOLEAN) {
                return value.equals("true") || value.equals("false");
            }
            if (value.isEmpty() || value.length() > 9) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return this == NON_NEGATIVE_INT || !value.chars().allMatch(c -> c == '0');
        }

        /** What the values are, in words, e.g. "true or false". */
        public String expected() {
            return expected;
        }
    }

    /** Checks the parts are present. */
    public TransportOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Checks {@code value}.
     *
     * @throws IllegalArgumentException naming the option and what it takes, when {@code kind} does not accept it
     */
    public void check(String value) {
        if (!kind.accepts(value)) {
            throw new IllegalArgumentException("option " + name + " takes " + kind.expected() + ", not \"" + value + "\"");
        }
    }
}
