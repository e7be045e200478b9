package dev.barehttp.codec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The codec does no I/O and starts no threads: it never touches sockets, channels, threads or executors. */
class SansIoArchitectureTest {
    private static final JavaClasses CODEC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.barehttp.codec");

    @Test
    void codecDoesNotDependOnSocketsChannelsOrThreads() {
        assertTrue(CODEC.contain(ServerConnection.class), "the rule must see the codec's classes");
        noClasses().that().resideInAPackage("dev.barehttp.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..",
                        "java.util.concurrent..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .because("the codec is sans-I/O: transports own sockets and threads")
                .check(CODEC);
    }
}
