package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore file behind {@link HttpServer.Builder#tls(Path, char[])}: when it is read again, and what a bad file does. */
class ReloadingKeyManagerTest {
    private static final char[] PASSWORD = "reload-test".toCharArray();
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    private Path keystore(String name, String commonName) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + commonName, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(PASSWORD))).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return file;
    }

    /** Moves {@code from} over {@code to} with a modification time {@code seconds} later than now. */
    private static void replace(Path to, Path from, int seconds) throws IOException {
        Files.setLastModifiedTime(from, FileTime.from(Instant.now().plusSeconds(seconds)));
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String subject(ReloadingKeyManager keys, String alias) {
        return keys.getCertificateChain(alias)[0].getSubjectX500Principal().getName();
    }

    /** A changed file is read at the next key choice once a second has passed, and not before. */
    @Test
    void changedFileIsReadAtMostOnceASecond() throws Exception {
        Path file = keystore("server.p12", "first");
        ReloadingKeyManager keys = new ReloadingKeyManager(file, PASSWORD, clock::get);
        String first = keys.chooseServerAlias("EC", null, null);
        assertEquals("CN=first", subject(keys, first));

        replace(file, keystore("next.p12", "second"), 10);
        clock.addAndGet(SECOND / 2);
        assertEquals("CN=first", subject(keys, keys.chooseServerAlias("EC", null, null)));

        clock.addAndGet(SECOND / 2);
        String second = keys.chooseServerAlias("EC", null, null);
        assertEquals("CN=second", subject(keys, second));
        assertNotEquals(first, second);
        assertEquals("CN=first", subject(keys, first), "a handshake that chose before the reload keeps its keys");
        assertEquals(keys.getPrivateKey(second).getAlgorithm(), "EC");
    }

    /** A file that does not load (half written) keeps the previous keys, and a good one later is taken. */
    @Test
    void brokenFileKeepsThePreviousKeys() throws Exception {
        Path file = keystore("server.p12", "first");
        ReloadingKeyManager keys = new ReloadingKeyManager(file, PASSWORD, clock::get);

        Path broken = dir.resolve("broken.p12");
        Files.write(broken, Arrays.copyOf(Files.readAllBytes(keystore("whole.p12", "whole")), 100));
        replace(file, broken, 10);
        clock.addAndGet(SECOND);
        assertEquals("CN=first", subject(keys, keys.chooseServerAlias("EC", null, null)));
        clock.addAndGet(SECOND);
        assertEquals("CN=first", subject(keys, keys.chooseServerAlias("EC", null, null)));

        replace(file, keystore("good.p12", "second"), 20);
        clock.addAndGet(SECOND);
        assertEquals("CN=second", subject(keys, keys.chooseServerAlias("EC", null, null)));
    }

    /** A keystore that does not open fails the start, with the cause. */
    @Test
    void wrongPasswordFailsAtOnce() throws Exception {
        Path file = keystore("server.p12", "first");
        assertThrows(IOException.class, () -> ReloadingKeyManager.open(file, "wrong".toCharArray()));
        Files.writeString(dir.resolve("empty.p12"), "");
        assertThrows(IOException.class, () -> ReloadingKeyManager.open(dir.resolve("empty.p12"), PASSWORD));
        assertThrows(IOException.class, () -> ReloadingKeyManager.open(dir.resolve("missing.p12"), PASSWORD));
    }

    /** The alias of a generation no longer kept names no key, rather than the wrong one. */
    @Test
    void unknownAliasHasNoKey() throws IOException, GeneralSecurityException, InterruptedException {
        ReloadingKeyManager keys = new ReloadingKeyManager(keystore("server.p12", "first"), PASSWORD, clock::get);
        assertEquals(null, keys.getPrivateKey("7:server"));
        assertEquals(null, keys.getCertificateChain("server"));
    }
}
