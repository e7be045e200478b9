package dev.barehttp.tck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made once per JVM with the JDK's own
 * {@code keytool}, and an {@link SSLContext} that both serves it and trusts it.
 */
public final class TestCertificate {
    private static final char[] PASSWORD = "barehttp-kit".toCharArray();
    private static SSLContext context;

    private TestCertificate() {
    }

    /** The context for server and client alike (its own certificate is the only one it trusts). */
    public static synchronized SSLContext context() throws IOException, GeneralSecurityException {
        if (context == null) {
            context = load(generate());
        }
        return context;
    }

    /** The password of every keystore this class writes. */
    public static char[] password() {
        return PASSWORD.clone();
    }

    private static Path generate() throws IOException {
        Path dir = Files.createTempDirectory("barehttp-kit-tls");
        dir.toFile().deleteOnExit(); // registered first, so deleted after the keystore inside it
        Path keystore = dir.resolve("kit.p12");
        writeKeystore(keystore, "127.0.0.1");
        keystore.toFile().deleteOnExit();
        return keystore;
    }

    /**
     * Writes a PKCS#12 keystore with a new EC key and a self-signed certificate for {@code 127.0.0.1}
     * whose subject is {@code CN=commonName}, protected by {@link #password()}; {@code file} must not exist.
     */
    public static void writeKeystore(Path file, String commonName) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "kit",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + commonName, "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                .redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        } finally {
            p.destroy();
        }
    }

    private static SSLContext load(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return tls;
    }
}
