package dev.barehttp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Step-by-step driving of one connection, for tests that check state between events. */
final class Wire {
    private Wire() {
    }

    static void feed(ServerConnection conn, String latin1) {
        byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
        conn.receive(b, 0, b.length);
    }

    /** Every byte the connection has queued for the peer, consumed. */
    static String output(ServerConnection conn) {
        return Exchanges.drain(conn, new ByteArrayOutputStream());
    }

    /** The head of a serialised response, up to and including its empty line. */
    static String headOf(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? response : response.substring(0, end + 4);
    }
}
