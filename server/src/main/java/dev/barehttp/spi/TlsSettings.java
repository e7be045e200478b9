package dev.barehttp.spi;

import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The TLS parameters every transport applies to its server side, so that both offer the same thing:
 * TLS 1.3 and 1.2 only (older versions are refused in the handshake), and ALPN with {@code http/1.1}
 * as the one application protocol. A client whose ALPN list lacks {@code http/1.1} (one offering only
 * {@code h2}, say) gets the {@code no_application_protocol} alert (RFC 7301 section 3.2); a client that
 * sends no ALPN extension is served.
 */
public final class TlsSettings {
    /** The protocol versions served, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** The one application protocol offered in ALPN (RFC 7301). */
    public static final String HTTP_1_1 = "http/1.1";

    private TlsSettings() {
    }

    /**
     * The parameters for a server-side socket or engine of {@code context}: its default cipher suites,
     * {@link #PROTOCOLS} (those the context supports), ALPN {@code http/1.1}, no client certificate.
     *
     * @throws IllegalArgumentException when the context supports neither TLS 1.2 nor TLS 1.3
     */
    public static SSLParameters serverParameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        String[] protocols = PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
        if (protocols.length == 0) {
            throw new IllegalArgumentException("the TLS context supports neither TLS 1.3 nor TLS 1.2: " + supported);
        }
        parameters.setProtocols(protocols);
        parameters.setApplicationProtocols(new String[] {HTTP_1_1});
        parameters.setUseCipherSuitesOrder(true);
        parameters.setNeedClientAuth(false);
        return parameters;
    }

    /** A new server-mode engine of {@code context} with {@link #serverParameters}. */
    public static SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(serverParameters(context));
        return engine;
    }
}
