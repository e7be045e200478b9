package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The three things every desync vector must show: the status, that the connection ends, and that
 * no second request is parsed out of the first one's bytes (whole, split at every index, one byte
 * at a time, and followed by a pipelined request).
 */
final class DesyncChecks {
    private DesyncChecks() {
    }

    /** A chunked POST head followed by {@code body}. */
    static byte[] chunked(String body) {
        return Exchanges.ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
    }

    /** The string as UTF-8 bytes, for vectors that rely on multi-byte characters on the wire. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Refused with {@code status} every way, the connection in its final error state, and no request after it. */
    static void refusedAndClosed(HttpConfig config, byte[] input, int status) {
        Exchanges.Outcome whole = Exchanges.assertRejected(config, input, status);
        assertAtMostOneRequest(whole.events());
        ServerConnection conn = new ServerConnection(config, () -> 0L);
        Exchanges.Outcome pipelined = Exchanges.run(conn, List.of(Exchanges.concat(input, Exchanges.SECOND)), false);
        assertEquals(status, pipelined.status(), pipelined::summary);
        assertTrue(conn.isClosed(), "the connection ends after " + status);
        assertAtMostOneRequest(pipelined.events());
        assertEquals(whole.events(), pipelined.events(), "the pipelined request is never read");
    }

    static void refusedAndClosed(byte[] input, int status) {
        refusedAndClosed(HttpConfig.defaults(), input, status);
    }

    /** Accepted with exactly {@code expected} every way, and a pipelined request after it is read as itself. */
    static void accepted(byte[] input, HttpEvent... expected) {
        Exchanges.assertEvents(input, expected);
    }

    private static void assertAtMostOneRequest(List<HttpEvent> events) {
        long heads = events.stream().filter(e -> e instanceof RequestHead).count();
        assertTrue(heads <= 1, () -> "a second request was parsed out of the first one's bytes: " + events);
    }
}
