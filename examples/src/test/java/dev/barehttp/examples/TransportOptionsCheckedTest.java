package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import dev.barehttp.Router;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.spi.Transport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Transport options are checked at start, on every transport, and the examples say what is wrong. */
class TransportOptionsCheckedTest {

    static List<String> transports() {
        return RunningServer.transports();
    }

    private static IllegalArgumentException startFails(String transport, String name, String value) {
        return assertThrows(IllegalArgumentException.class, () -> HttpServer.builder().port(0).transport(transport)
                .handler(r -> dev.barehttp.Response.ok("x")).option(name, value).start().close());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void anUnknownNameFailsStartListingTheValidNames(String transport) {
        IllegalArgumentException e = startFails(transport, transport + ".selector", "2");
        assertTrue(e.getMessage().startsWith("unknown option " + transport + ".selector for the " + transport
                + " transport; valid options: lingerMillis (a whole number from 0), maxConnectionsPerAddress (a whole number "
                + "from 0), " + transport + "."), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void anOptionOfTheOtherTransportSaysWhoseItIs(String transport) {
        String other = transport.equals("nio") ? "blocking.backlog" : "nio.backlog";
        assumeBoth();
        IllegalArgumentException e = startFails(transport, other, "100");
        assertTrue(e.getMessage().contains("(it is an option of the " + (transport.equals("nio") ? "blocking" : "nio")
                + " transport)"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aNegativeOrNonNumericValueFailsStart(String transport) {
        String backlog = transport + ".backlog";
        assertTrue(startFails(transport, backlog, "-1").getMessage().startsWith("option " + backlog + " takes a whole number"));
        assertTrue(startFails(transport, backlog, "lots").getMessage().contains("valid options of the " + transport));
        String bool = transport + ".virtualThreads";
        assertTrue(startFails(transport, bool, "yes").getMessage().contains("takes true or false"));
    }

    /** lingerMillis is the connection driver's, so every transport takes it: zero, but not negative. */
    @ParameterizedTest
    @MethodSource("transports")
    void lingerIsADurationThatMayBeZeroButNotNegative(String transport) throws Exception {
        HttpServer.builder().port(0).transport(transport).handler(r -> dev.barehttp.Response.ok("x"))
                .option("lingerMillis", "0").start().close();
        assertTrue(startFails(transport, "lingerMillis", "-5").getMessage().contains("a whole number from 0"));
    }

    private static void assumeBoth() {
        org.junit.jupiter.api.Assumptions.assumeTrue(transports().containsAll(List.of("nio", "blocking")));
    }

    /** What a child JVM running the examples printed on stderr, and its exit status. */
    private record Run(int exitStatus, String stderr) {
    }

    private static Run runMain(String... args) throws Exception {
        List<String> classPath = new ArrayList<>(List.of(locationOf(HttpConfig.class), locationOf(Router.class),
                locationOf(Main.class)));
        for (Transport transport : ServiceLoader.load(Transport.class)) {
            classPath.add(locationOf(transport.getClass()));
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", String.join(File.pathSeparator, classPath), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the examples did not exit");
        return new Run(process.exitValue(), stderr);
    }

    private static String locationOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** A bad transport option is a usage error: one line on stderr, no stack trace, exit status 2. */
    @Test
    void theExamplesPrintTheMessageAndExit2ForABadOption() throws Exception {
        String transport = transports().get(0);
        Run run = runMain("--port", "0", "--transport", transport, "--option", transport + ".bogus=1");
        assertEquals(2, run.exitStatus(), run.stderr());
        assertTrue(run.stderr().startsWith("barehttp: unknown option " + transport + ".bogus for the " + transport
                + " transport; valid options: "), run.stderr());
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "), run.stderr());
    }

    @Test
    void theExamplesExit2ForTheirOwnBadFlags() throws Exception {
        Run run = runMain("--port", "+80");
        assertEquals(2, run.exitStatus(), run.stderr());
        assertTrue(run.stderr().startsWith("barehttp: --port needs a number from 0 to 65535: +80"), run.stderr());
        assertFalse(run.stderr().contains("\tat "), run.stderr());
    }
}
