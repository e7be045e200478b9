package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every response case of shared/conformance/llhttp-responses.jsonl (llhttp's strict mode) on a
 * {@link ClientConnection}. A case that does not pass must be listed, with its reason, in
 * response-conformance-deviations.txt next to this class; a listed case that passes fails the test too,
 * so the list stays true.
 */
class LlhttpResponseConformanceTest {
    private static final String DATA = "shared/conformance/llhttp-responses.jsonl";
    private static final Map<String, String> DEVIATIONS = deviations();
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger RUN = new AtomicInteger();

    /** The data file, found by walking up from the working directory; null when absent. */
    static Path dataFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DATA);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Every case; when the data file is missing, one placeholder that the test skips with a message. */
    static Stream<Arguments> cases() throws IOException {
        Path file = dataFile();
        if (file == null) {
            return Stream.of(Arguments.of(Named.of("data file missing", null)));
        }
        List<Arguments> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                ResponseConformanceCase c = ResponseConformanceCase.fromJson(line);
                cases.add(Arguments.of(Named.of(c.id(), c)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void llhttpResponseCase(ResponseConformanceCase c) {
        assumeTrue(c != null, () -> "skipped: " + DATA + " not found in any parent of "
                + Path.of("").toAbsolutePath() + "; the llhttp conformance cases did not run");
        String verdict = c.verdict();
        RUN.incrementAndGet();
        if (verdict == null) {
            PASSED.incrementAndGet();
        }
        String listed = DEVIATIONS.get(c.id());
        if (listed == null) {
            assertNull(verdict, () -> c.id() + " (" + c.heading() + ") fails and is not a listed deviation");
        } else {
            assertNotNull(verdict, () -> c.id() + " passes but is listed as a deviation (" + listed
                    + "): remove it from response-conformance-deviations.txt");
        }
    }

    @Test
    void everyListedDeviationNamesACase() throws IOException {
        Path file = dataFile();
        assumeTrue(file != null, () -> "skipped: " + DATA + " not found");
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                ids.add(ResponseConformanceCase.fromJson(line).id());
            }
        }
        Set<String> unknown = new TreeSet<>(DEVIATIONS.keySet());
        unknown.removeAll(ids);
        assertTrue(unknown.isEmpty(), () -> "response-conformance-deviations.txt lists ids that are no case: " + unknown);
    }

    @AfterAll
    static void report() {
        if (RUN.get() > 0) {
            System.out.println("response conformance: " + PASSED.get() + " of " + RUN.get() + " cases pass ("
                    + DEVIATIONS.size() + " listed deviations)");
        }
    }

    /** id -> reason, from response-conformance-deviations.txt ({@code <id> <reason>} per line, '#' comments). */
    private static Map<String, String> deviations() {
        Map<String, String> map = new TreeMap<>();
        try (InputStream in = LlhttpResponseConformanceTest.class.getResourceAsStream("response-conformance-deviations.txt")) {
            if (in == null) {
                return map;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int space = t.indexOf(' ');
                if (space < 0) {
                    throw new IllegalStateException("a deviation without a reason: " + t);
                }
                map.put(t.substring(0, space), t.substring(space + 1).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return map;
    }
}
