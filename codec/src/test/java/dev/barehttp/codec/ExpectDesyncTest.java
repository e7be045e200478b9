package dev.barehttp.codec;

import static dev.barehttp.codec.DesyncChecks.refusedAndClosed;
import static dev.barehttp.codec.DesyncChecks.utf8;
import static dev.barehttp.codec.Exchanges.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Expect} variants and obfuscations (RFC 9110 section 10.1.1; "Expect-based desync", James Kettle,
 * "HTTP/1.1 must die", 2025): only {@code 100-continue}, in any ASCII case, is an expectation the codec
 * knows; anything else is 417, and obfuscated field lines are 400. Either way the connection closes
 * and the body bytes are never read as a request.
 */
class ExpectDesyncTest {
    private static final String BODY = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

    private static byte[] post(String expectLine) {
        return ascii("POST / HTTP/1.1\r\nHost: x\r\n" + expectLine + "\r\nContent-Length: " + BODY.length() + "\r\n\r\n"
                + BODY);
    }

    /** RFC 9110 section 10.1.1: the expectation is case-insensitive and OWS around it is not part of it. */
    @ParameterizedTest
    @ValueSource(strings = {"Expect: 100-continue", "Expect: 100-Continue", "EXPECT: 100-CONTINUE", "expect:100-continue",
        "Expect:   100-continue  ", "Expect:\t100-continue\t"})
    void rfc9110_10_1_1_100ContinueInAnyCaseIsKnown(String line) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        byte[] wire = post(line);
        conn.receive(wire, 0, wire.length);
        RequestHead head = (RequestHead) conn.nextEvent();
        assertTrue(head.expectsContinue(), line);
        assertTrue(conn.bodyRequested());
    }

    /** Expect obfuscations: other values, lists, parameters and look-alikes are not 100-continue: 417 and close. */
    @ParameterizedTest
    @ValueSource(strings = {"Expect: 100-continuex", "Expect: 100 continue", "Expect: 100-continue, 100-continue",
        "Expect: 100-continue;x=1", "Expect: 100-continue,", "Expect: \"100-continue\"", "Expect: 200-ok",
        "Expect: 100-continue\r\nExpect: 100-continue", "Expect: 100-continue\r\nExpect: x", "Expect: 101-continue",
        "Expect: "})
    void expectDesync_unknownExpectationIs417AndCloses(String line) {
        refusedAndClosed(post(line), 417);
    }

    /** Expect obfuscations in the field line itself: space before the colon, obs-fold, controls: 400 and close. */
    @ParameterizedTest
    @ValueSource(strings = {"Expect : 100-continue", "Expect:\r\n 100-continue", "Expect: 100-continue\u000b",
        "Expect: \u0000100-continue", "Expect: 100-continue\r"})
    void expectDesync_obfuscatedExpectLineIs400AndCloses(String line) {
        refusedAndClosed(post(line), 400);
    }

    /** Java decoding trap: the Kelvin sign and other non-ASCII letters never fold into "100-continue". */
    @ParameterizedTest
    @ValueSource(strings = {"Expect: 100-cont\u0131nue", "Expect: 100-\u212Aontinue", "Expect: \uff11\uff10\uff10-continue"})
    void javaTrap_nonAsciiLookAlikesAre417(String line) {
        refusedAndClosed(utf8("POST / HTTP/1.1\r\nHost: x\r\n" + line + "\r\nContent-Length: " + BODY.length()
                + "\r\n\r\n" + BODY), 417);
    }

    /** RFC 9110 section 10.1.1: a 100-continue expectation in an HTTP/1.0 request is ignored: no 100 Continue. */
    @Test
    void rfc9110_10_1_1_http10ExpectationIsIgnored() {
        String line = "Expect: 100-continue";
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        byte[] wire = ascii("POST / HTTP/1.0\r\n" + line + "\r\nContent-Length: 2\r\n\r\nok");
        conn.receive(wire, 0, wire.length);
        RequestHead head = (RequestHead) conn.nextEvent();
        assertFalse(head.expectsContinue());
        assertFalse(conn.bodyRequested());
        assertEquals(Events.data("ok"), conn.nextEvent());
    }
}
