package dev.barehttp.codec;

import static dev.barehttp.codec.Wire.feed;
import static dev.barehttp.codec.Wire.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The server role's protocol switches: 101 after Upgrade (RFC 9110 section 7.8), 2xx to CONNECT (section 9.3.6). */
class ServerProtocolSwitchTest {
    private static final String UPGRADE = "GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";

    private static ServerConnection afterHead(String wire) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        feed(conn, wire);
        assertTrue(conn.nextEvent() instanceof RequestHead);
        assertTrue(conn.nextEvent() instanceof EndOfMessage);
        return conn;
    }

    private static String readAll(ServerConnection conn) {
        byte[] b = new byte[64];
        int n = conn.readSwitched(b, 0, b.length);
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Test
    void rfc9110_7_8_switchWrites101AndHandsOverTheBytesAfterTheHead() {
        ServerConnection conn = afterHead(UPGRADE + "\u0081\u0002hi");
        conn.switchProtocols("websocket", Headers.of("Sec-WebSocket-Accept", "abc"));
        assertEquals("HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Accept: abc\r\n\r\n", output(conn));
        assertEquals(ServerConnection.State.SWITCHED, conn.state());
        assertEquals(Signal.SWITCHED, conn.nextEvent());
        assertEquals("\u0081\u0002hi", readAll(conn), "what the client sent after the head is the new protocol's");
        feed(conn, "GET / HTTP/1.1\r\n\r\n");
        assertEquals("GET / HTTP/1.1\r\n\r\n", readAll(conn), "nothing after a switch is parsed as HTTP");
        conn.writeSwitched(new byte[] {'o', 'k'}, 0, 2);
        assertEquals("ok", output(conn));
    }

    @Test
    void rfc9110_7_8_aProtocolTheRequestDidNotOfferIsRefused() {
        ServerConnection conn = afterHead(UPGRADE);
        assertThrows(IllegalStateException.class, () -> conn.switchProtocols("h2c", Headers.EMPTY));
        ServerConnection plain = afterHead("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThrows(IllegalStateException.class, () -> plain.switchProtocols("websocket", Headers.EMPTY));
    }

    @Test
    void aSwitchAfterTheResponseBeganIsRefused() {
        ServerConnection conn = afterHead(UPGRADE);
        conn.response().status(200);
        assertThrows(IllegalStateException.class, () -> conn.switchProtocols("websocket", Headers.EMPTY));
    }

    @Test
    void framingFieldsInASwitchAreRefused() {
        ServerConnection conn = afterHead(UPGRADE);
        assertThrows(IllegalArgumentException.class,
                () -> conn.switchProtocols("websocket", Headers.of("Content-Length", "0")));
    }

    @Test
    void rfc9110_9_3_6_aTwoHundredToConnectOpensATunnel() {
        ServerConnection conn = afterHead("CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\n\u0016\u0003\u0001");
        conn.openTunnel(200, Headers.EMPTY);
        assertEquals("HTTP/1.1 200 OK\r\n\r\n", output(conn), "no framing fields on a 2xx to CONNECT");
        assertEquals("\u0016\u0003\u0001", readAll(conn));
        ServerConnection get = afterHead("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThrows(IllegalStateException.class, () -> get.openTunnel(200, Headers.EMPTY));
    }
}
