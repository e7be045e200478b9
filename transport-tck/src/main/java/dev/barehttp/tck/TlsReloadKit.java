package dev.barehttp.tck;

import static dev.barehttp.tck.RawExchangeKit.GET_HELLO;
import static dev.barehttp.tck.RawExchangeKit.HELLO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HttpServer.Builder#tls(Path, char[])}: the keystore file is read again when it changes, new
 * connections get the new certificate, open ones go on, and a file that does not load changes nothing.
 */
public abstract class TlsReloadKit extends TransportKit {
    /** How long a test waits for the server to notice a changed file, which it looks at once a second. */
    private static final long NOTICE_MILLIS = 15_000;

    @TempDir
    Path dir;

    private final AtomicReference<X509Certificate> seen = new AtomicReference<>();

    private HttpServer startWith(Path keystore) throws IOException {
        return start(b -> {
            try {
                return b.tls(keystore, TestCertificate.password());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Opens a new connection, answers one request on it, and says which certificate the server showed. */
    private String subjectOfNewConnection(HttpServer server) throws IOException, GeneralSecurityException {
        SSLContext recording = TlsClients.recordingContext(seen);
        try (SSLSocket tls = TlsClients.socket(server, recording)) {
            tls.startHandshake();
            RawClient client = RawClient.over(tls);
            client.send(GET_HELLO);
            assertEquals(HELLO, client.read().text());
            return seen.get().getSubjectX500Principal().getName();
        }
    }

    /** Replaces {@code keystore} the way a deployment does: a new file moved over the old one, with a new time. */
    private static void replace(Path keystore, Path with, int secondsLater) throws IOException {
        Files.setLastModifiedTime(with, FileTime.from(Instant.now().plusSeconds(secondsLater)));
        Files.move(with, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String awaitSubject(HttpServer server, String expected) throws Exception {
        long end = System.nanoTime() + NOTICE_MILLIS * 1_000_000;
        String subject = subjectOfNewConnection(server);
        while (!subject.equals(expected) && System.nanoTime() - end < 0) {
            Thread.sleep(100);
            subject = subjectOfNewConnection(server);
        }
        return subject;
    }

    /**
     * A new certificate in the keystore file reaches new connections without a restart; a connection
     * opened before goes on with its own; a broken file in between is ignored.
     */
    @Test
    void changedKeystoreIsServedToNewConnections() throws Exception {
        Path keystore = dir.resolve("server.p12");
        TestCertificate.writeKeystore(keystore, "first");
        HttpServer server = startWith(keystore);
        assertEquals("CN=first", subjectOfNewConnection(server));
        RawClient open = TlsClients.raw(server, recordingContext());

        Path broken = dir.resolve("broken.p12");
        Files.write(broken, new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
        replace(keystore, broken, 10);
        Thread.sleep(1_500); // long enough for the server to have looked at the broken file once
        assertEquals("CN=first", subjectOfNewConnection(server));

        Path second = dir.resolve("second.p12");
        TestCertificate.writeKeystore(second, "second");
        replace(keystore, second, 20);
        assertEquals("CN=second", awaitSubject(server, "CN=second"));

        open.send(GET_HELLO);
        assertEquals(HELLO, open.read().text());
    }

    private SSLContext recordingContext() throws GeneralSecurityException {
        return TlsClients.recordingContext(new AtomicReference<>());
    }
}
