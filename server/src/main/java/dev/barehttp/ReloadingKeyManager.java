package dev.barehttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.LongSupplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's keys from a PKCS#12 file, read again when the file changes: each handshake that picks
 * a key first looks at the file's modification time (at most once a second), and a changed file is
 * loaded for that and later handshakes. Connections already open keep the keys they agreed on. A file
 * that does not load (half written, wrong password) leaves the previous keys in use and is logged once.
 *
 * <p>The alias handed to the TLS stack names the generation of the keys it came from, so a handshake
 * that picked an alias just before a reload still gets the matching key and certificate chain.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    /** The keys of one version of the file. */
    private record Generation(int number, FileTime modified, X509ExtendedKeyManager keys) {
        String alias(String alias) {
            return alias == null ? null : number + ":" + alias;
        }
    }

    private final Path file;
    private final char[] password;
    private final LongSupplier nanoTime;
    private volatile Generation current;
    private volatile Generation previous;
    private volatile long nextCheck;
    private FileTime lastFailure;

    /** With {@code nanoTime} as the clock that spaces the looks at the file (tests step it). */
    ReloadingKeyManager(Path file, char[] password, LongSupplier nanoTime) throws IOException,
            GeneralSecurityException {
        this.file = file;
        this.password = password.clone();
        this.nanoTime = nanoTime;
        FileTime modified = Files.getLastModifiedTime(file);
        this.current = new Generation(0, modified, load(file, this.password));
        this.nextCheck = nanoTime.getAsLong() + CHECK_INTERVAL_NANOS;
    }

    /**
     * Loads {@code file} now; it is read again when it changes.
     *
     * @throws IOException when the file cannot be read
     * @throws GeneralSecurityException when it is not a PKCS#12 keystore with that password and a key
     */
    static ReloadingKeyManager open(Path file, char[] password) throws IOException, GeneralSecurityException {
        return new ReloadingKeyManager(file, password, System::nanoTime);
    }

    private static X509ExtendedKeyManager load(Path file, char[] password) throws IOException,
            GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        for (KeyManager manager : factory.getKeyManagers()) {
            if (manager instanceof X509ExtendedKeyManager keys) {
                if (!store.aliases().hasMoreElements()) {
                    throw new GeneralSecurityException("the keystore " + file + " holds no key");
                }
                return keys;
            }
        }
        throw new GeneralSecurityException("no X.509 key manager for " + file);
    }

    /** The keys to choose from now, after reading the file again if it changed. */
    private Generation fresh() {
        long now = nanoTime.getAsLong();
        if (now - nextCheck >= 0) {
            reloadIfChanged(now);
        }
        return current;
    }

    private synchronized void reloadIfChanged(long now) {
        if (now - nextCheck < 0) {
            return;
        }
        nextCheck = now + CHECK_INTERVAL_NANOS;
        Generation in = current;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            logFailure(null, e);
            return;
        }
        if (modified.equals(in.modified()) || modified.equals(lastFailure)) {
            return;
        }
        try {
            X509ExtendedKeyManager keys = load(file, password);
            previous = in;
            current = new Generation(in.number() + 1, modified, keys);
            lastFailure = null;
            LOG.log(System.Logger.Level.INFO, "reloaded the TLS keystore " + file);
        } catch (IOException | GeneralSecurityException e) {
            logFailure(modified, e);
        }
    }

    private void logFailure(FileTime modified, Exception e) {
        if (modified == null || !modified.equals(lastFailure)) {
            LOG.log(System.Logger.Level.WARNING, "the TLS keystore " + file
                    + " did not load; serving the previous keys: " + e);
        }
        lastFailure = modified;
    }

    /** The generation an alias came from, and the alias it had there. */
    private Generation generationOf(String alias) {
        int colon = alias == null ? -1 : alias.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String number = alias.substring(0, colon);
        for (Generation g : new Generation[] {current, previous}) {
            if (g != null && number.equals(Integer.toString(g.number()))) {
                return g;
            }
        }
        return null;
    }

    private static String bare(String alias) {
        return alias.substring(alias.indexOf(':') + 1);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        Generation g = fresh();
        return g.alias(g.keys().chooseEngineServerAlias(keyType, issuers, engine));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        Generation g = fresh();
        return g.alias(g.keys().chooseServerAlias(keyType, issuers, socket));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        Generation g = fresh();
        String[] aliases = g.keys().getServerAliases(keyType, issuers);
        if (aliases == null) {
            return null;
        }
        String[] named = new String[aliases.length];
        for (int i = 0; i < aliases.length; i++) {
            named[i] = g.alias(aliases[i]);
        }
        return named;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Generation g = generationOf(alias);
        return g == null ? null : g.keys().getCertificateChain(bare(alias));
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Generation g = generationOf(alias);
        return g == null ? null : g.keys().getPrivateKey(bare(alias));
    }

    /** A server has no client keys. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    /** A server has no client keys. */
    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    /** A server has no client keys. */
    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
