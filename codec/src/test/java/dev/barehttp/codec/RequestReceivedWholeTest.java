package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** requestReceivedWhole(): whether a request can be answered without waiting for more input. */
class RequestReceivedWholeTest {

    private static ServerConnection afterHead(String bytes) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
        conn.receive(b, 0, b.length);
        assertInstanceOf(RequestHead.class, conn.nextEvent());
        return conn;
    }

    @Test
    void noBodyIsWhole() {
        assertTrue(afterHead("GET / HTTP/1.1\r\nHost: x\r\n\r\n").requestReceivedWhole());
    }

    @Test
    void contentLengthBodyIsWholeOnlyOnceAllBytesArrived() {
        assertTrue(afterHead("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc").requestReceivedWhole());
        assertFalse(afterHead("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nab").requestReceivedWhole());
    }

    @Test
    void rfc9112_7_1_chunkedBodyIsNeverKnownWholeFromTheHead() {
        assertFalse(afterHead("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                .requestReceivedWhole());
    }

    @Test
    void rfc9110_10_1_1_aClientWaitingFor100ContinueIsNotWhole() {
        assertFalse(afterHead("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
                .requestReceivedWhole());
    }
}
