package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9110 section 5: decoded fields keep their bounds packed beside their bytes, as 16-bit offsets up
 * to a 65,535-byte section and 32-bit ones beyond; names, values and token lookups must read the same
 * on both sides of that edge, and a value read for a token must match the value read as a string.
 */
class DecodedHeadersLayoutTest {
    private static final HttpConfig LARGE_SECTIONS = HttpConfig.defaults().toBuilder()
            .maxHeaderSectionSize(256 * 1024).maxBufferedInput(512 * 1024).build();

    /** A head whose field section, up to the end of its last value, is {@code sectionLength} bytes. */
    private static Headers headersWithSection(int sectionLength) {
        String fixed = "Host: h\r\nX-Long: \r\nConnection: Keep-Alive, Upgrade\r\nUpgrade: websocket";
        String section = "Host: h\r\nX-Long: " + "v".repeat(sectionLength - fixed.length())
                + "\r\nConnection: Keep-Alive, Upgrade\r\nUpgrade: websocket";
        assertEquals(sectionLength, section.length());
        Exchanges.Outcome outcome = Exchanges.threeWays(LARGE_SECTIONS,
                Exchanges.ascii("GET / HTTP/1.1\r\n" + section + "\r\n\r\n"));
        assertNull(outcome.error(), outcome::summary);
        return ((RequestHead) outcome.events().get(0)).headers();
    }

    @Test
    void rfc9110_5_fieldsReadTheSameOnBothSidesOfThe16BitEdge() {
        for (int length : new int[] {200, 65_535, 65_536, 70_000}) {
            Headers h = headersWithSection(length);
            String what = "section of " + length + " bytes";
            assertEquals(List.of("host", "x-long", "connection", "upgrade"),
                    List.of(h.name(0), h.name(1), h.name(2), h.name(3)), what);
            assertTrue(h.nameIs(3, "Upgrade"), what);
            assertTrue(h.containsToken("connection", "upgrade"), what);
            assertTrue(h.containsToken("connection", "keep-alive"), what);
            assertFalse(h.containsToken("connection", "close"), what);
            assertEquals("websocket", h.get("upgrade"), what);
            assertEquals("h", h.get("host"), what);
            assertEquals(length - 70, h.get("x-long").length(), what);
        }
    }

    @Test
    void rfc9110_5_6_1_tokensFoundInTheBytesAsInTheString() {
        String[] values = {"close", " Close ", "keep-alive, close", "close;x=1", "closed", "clos", "a,,close,",
            "\tclose\t,", "c\u00e9lose", "CLOSE , upgrade", ""};
        for (String value : values) {
            Exchanges.Outcome outcome = Exchanges.threeWays(HttpConfig.defaults(),
                    Exchanges.ascii("GET / HTTP/1.1\r\nHost: h\r\nX: " + value + "\r\n\r\n"));
            Headers h = ((RequestHead) outcome.events().get(0)).headers();
            boolean inBytes = h.containsToken("x", "close");
            assertEquals(ListTokens.contains(h.get("x"), "close"), inBytes, value);
            assertEquals(inBytes, h.containsToken("x", "close"), "again, from the string: " + value);
        }
    }
}
