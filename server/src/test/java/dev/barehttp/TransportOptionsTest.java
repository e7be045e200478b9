package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.Transport;
import dev.barehttp.spi.TransportOption;
import dev.barehttp.spi.TransportOption.Kind;
import dev.barehttp.spi.TransportServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Options are checked against what the chosen transport declares, before it starts. */
class TransportOptionsTest {
    private static final Transport FAKE = new Transport() {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public List<TransportOption> options() {
            return List.of(new TransportOption("fake.threads", Kind.POSITIVE_INT, "threads"),
                    new TransportOption("fake.lingerMillis", Kind.NON_NEGATIVE_INT, "linger"),
                    new TransportOption("fake.fast", Kind.BOOLEAN, "fast"));
        }

        @Override
        public TransportServer start(ServerSettings settings) {
            throw new UnsupportedOperationException();
        }
    };

    private static IllegalArgumentException refused(String name, String value) {
        return assertThrows(IllegalArgumentException.class, () -> TransportRegistry.checkOptions(FAKE, Map.of(name, value)));
    }

    @Test
    void validOptionsPass() {
        assertDoesNotThrow(() -> TransportRegistry.checkOptions(FAKE,
                Map.of("fake.threads", "8", "fake.lingerMillis", "0", "fake.fast", "true")));
    }

    @Test
    void anUnknownNameFailsWithTheValidNames() {
        IllegalArgumentException e = refused("fake.thread", "8");
        assertEquals("unknown option fake.thread for the fake transport; valid options: lingerMillis (a whole number "
                + "from 0), maxConnectionsPerAddress (a whole number from 0), fake.threads (a whole number from 1), "
                + "fake.lingerMillis (a whole number from 0), fake.fast (true or false)", e.getMessage());
    }

    /** Numbers are ASCII digits only: no sign, no Unicode digits, no spaces, no overflow. */
    @ParameterizedTest
    @ValueSource(strings = {"-1", "+5", "0", "", " 5", "5 ", "1e3", "\u0665", "99999999999", "ten"})
    void aBadPositiveNumberFailsWithTheValidNames(String value) {
        IllegalArgumentException e = refused("fake.threads", value);
        assertTrue(e.getMessage().startsWith("option fake.threads takes a whole number from 1, not \""), e.getMessage());
        assertTrue(e.getMessage().contains("valid options of the fake transport: lingerMillis (a whole number from 0), "
                + "maxConnectionsPerAddress (a whole number from 0), fake.threads"), e.getMessage());
    }

    /** The connection driver's own options are valid on every transport. */
    @Test
    void theDriversLingerOptionIsValidOnEveryTransport() {
        assertDoesNotThrow(() -> TransportRegistry.checkOptions(FAKE, Map.of("lingerMillis", "250")));
        assertTrue(refused("lingerMillis", "-1").getMessage().contains("a whole number from 0"));
    }

    @Test
    void aNegativeDurationFails() {
        assertTrue(refused("fake.lingerMillis", "-100").getMessage().contains("a whole number from 0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "TRUE", "1", ""})
    void aBooleanIsTrueOrFalseInLowerCase(String value) {
        assertTrue(refused("fake.fast", value).getMessage().contains("takes true or false"));
    }

    @Test
    void aTransportThatDeclaresNothingTakesOnlyTheDriversOptions() {
        Transport bare = new Transport() {
            @Override
            public String name() {
                return "bare";
            }

            @Override
            public int priority() {
                return 0;
            }

            @Override
            public TransportServer start(ServerSettings settings) {
                throw new UnsupportedOperationException();
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransportRegistry.checkOptions(bare, Map.of("x", "1")));
        assertTrue(e.getMessage().endsWith("valid options: lingerMillis (a whole number from 0), "
                + "maxConnectionsPerAddress (a whole number from 0)"), e.getMessage());
    }
}
