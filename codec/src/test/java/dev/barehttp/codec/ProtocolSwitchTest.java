package dev.barehttp.codec;

import static dev.barehttp.codec.ClientExchanges.feed;
import static dev.barehttp.codec.ClientExchanges.head;
import static dev.barehttp.codec.ClientExchanges.sent;
import static dev.barehttp.codec.Exchanges.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The switch to another protocol: 101 after Upgrade (RFC 9110 section 7.8) and a 2xx to CONNECT (section 9.3.6). */
class ProtocolSwitchTest {

    @Test
    void rfc9110_7_8_a101ToAnUpgradeRequestSwitchesAndHandsOverTheBytesAfterIt() {
        ClientExchanges.Outcome out = ClientExchanges.assertEvents(
                ascii("HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n"
                        + "Content-Length: 4\r\n\r\n\u0081\u0002hi"), false, new String[] {"UPGRADE"},
                head(101, "Switching Protocols", "connection", "upgrade", "upgrade", "websocket", "content-length", "4"),
                Events.end());
        assertEquals(Signal.SWITCHED, out.last());
        assertEquals("\u0081\u0002hi", out.switchedInput(), "no byte after the head is read as HTTP");
    }

    @Test
    void rfc9110_7_8_interimResponsesMayComeBeforeThe101() {
        ClientConnection conn = sent("UPGRADE");
        feed(conn, "HTTP/1.1 103 Early Hints\r\n\r\nHTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
        assertEquals(103, ((ResponseHead) conn.nextEvent()).status());
        assertEquals(101, ((ResponseHead) conn.nextEvent()).status());
        assertEquals(Events.end(), conn.nextEvent());
        assertEquals(Signal.SWITCHED, conn.nextEvent());
        assertEquals(Signal.SWITCHED, conn.nextEvent(), "no further HTTP event");
        assertTrue(conn.isSwitched());
        assertEquals(0, conn.switchedInput().length);
        assertFalse(conn.canSendRequest());
    }

    @Test
    void rfc9110_15_2_2_a101NobodyAskedForIsRefused() {
        ClientExchanges.assertGetRejected("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n");
    }

    @Test
    void rfc9110_7_8_a101MustNameTheProtocolInUpgrade() {
        ClientExchanges.assertRejected(ascii("HTTP/1.1 101 Switching Protocols\r\n\r\n"), false, "UPGRADE");
    }

    @Test
    void rfc9110_7_8_anotherAnswerToAnUpgradeRequestIsAnOrdinaryResponse() {
        ClientExchanges.assertEvents(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), false,
                new String[] {"UPGRADE"}, head(200, "OK", "content-length", "2"), Events.data("ok"), Events.end());
    }

    @Test
    void rfc9110_9_3_6_a2xxToConnectOpensATunnel() {
        ClientExchanges.Outcome out = ClientExchanges.assertEvents(
                ascii("HTTP/1.1 200 Connection established\r\nContent-Length: 10\r\n\r\n\u0016\u0003\u0001"), false,
                new String[] {"CONNECT"}, head(200, "Connection established", "content-length", "10"), Events.end());
        assertEquals(Signal.SWITCHED, out.last());
        assertEquals("\u0016\u0003\u0001", out.switchedInput());
    }

    @Test
    void rfc9110_9_3_6_aRefusedConnectIsAnOrdinaryResponse() {
        ClientExchanges.assertEvents(ascii("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 2\r\n\r\nno"),
                false, new String[] {"CONNECT"},
                head(407, "Proxy Authentication Required", "content-length", "2"), Events.data("no"), Events.end());
    }

    @Test
    void rfc9112_9_3_2_nothingIsPipelinedAfterARequestThatMaySwitchProtocols() {
        for (String request : new String[] {"UPGRADE", "CONNECT"}) {
            ClientConnection conn = sent(request);
            assertFalse(conn.canSendRequest(), request);
            assertThrows(IllegalStateException.class, () -> conn.request().start("GET", "/"), request);
        }
    }

    @Test
    void switchedInputIsRefusedBeforeTheSwitch() {
        assertThrows(IllegalStateException.class, () -> sent("UPGRADE").switchedInput());
    }
}
