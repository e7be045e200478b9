package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.barehttp.spi.TlsSettings;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The TLS parameters both transports apply. */
class TlsSettingsTest {

    /** RFC 8446 / RFC 5246 only, and RFC 7301: http/1.1 is the one ALPN protocol offered. */
    @Test
    void serverEngineOffersTls13And12AndAlpnHttp11Only() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        SSLEngine engine = TlsSettings.serverEngine(context);
        assertFalse(engine.getUseClientMode());
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, engine.getEnabledProtocols());
        assertArrayEquals(new String[] {"http/1.1"}, engine.getSSLParameters().getApplicationProtocols());
        assertEquals(false, engine.getNeedClientAuth());
    }
}
