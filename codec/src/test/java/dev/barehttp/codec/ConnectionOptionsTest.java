package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9110 section 7.6.1 (Connection = #connection-option, compared case-insensitively) where the
 * options the codec acts on are noted in one pass while the head is parsed: for decoded fields,
 * {@link Headers#containsToken} answers from those notes, and must agree with the search over the
 * same field built by hand, whatever the case, OWS, parameters, empty elements and repetition.
 */
class ConnectionOptionsTest {
    private static final List<String> VALUES = List.of(
            "close", "CLOSE", "Keep-Alive", "keep-alive, close", " close ,keep-alive ", "close;x=1",
            "keep-alive ; q", ",,close,,", "upgrade", "closed", "clos", "keep-alive-x", "x-close",
            "content-length", "Transfer-Encoding", "HOST", "hostname", "te, host", "close\t,\tupgrade",
            "", " ", ",", "keep alive", "\"close\"");
    private static final List<String> TOKENS = List.of(
            "close", "keep-alive", "content-length", "transfer-encoding", "host", "upgrade", "Close", "KEEP-ALIVE",
            "closed", " close", "te");

    /** The fields as the field section reader decodes them (options noted), for the given Connection lines. */
    private static Headers decoded(String... connectionValues) {
        StringBuilder section = new StringBuilder("Host: h\r\n");
        for (String v : connectionValues) {
            section.append("Connection: ").append(v).append("\r\n");
        }
        byte[] bytes = Exchanges.ascii(section.append("\r\n").toString());
        FieldSectionReader reader = new FieldSectionReader(8192, 100, false);
        reader.reset(0);
        assertEquals(bytes.length, reader.read(bytes, 0, bytes.length));
        return reader.fields(bytes, 0);
    }

    private static Headers built(String... connectionValues) {
        Headers.Builder b = Headers.builder().add("Host", "h");
        for (String v : connectionValues) {
            b.add("Connection", v);
        }
        return b.build();
    }

    @Test
    void rfc9110_7_6_1_notedOptionsAgreeWithTheSearchForOneField() {
        for (String value : VALUES) {
            Headers decoded = decoded(value);
            assertNotEquals(FramingFields.UNKNOWN, decoded.framingFields());
            Headers built = built(value);
            for (String token : TOKENS) {
                assertEquals(built.containsToken("connection", token), decoded.containsToken("connection", token),
                        () -> "Connection: " + value + ", token " + token);
                assertEquals(built.containsToken("connection", token), decoded.containsToken("Connection", token),
                        () -> "Connection: " + value + ", token " + token + " (name in another case)");
            }
        }
    }

    @Test
    void rfc9110_7_6_1_optionsOfRepeatedFieldsAddUp() {
        for (String first : VALUES) {
            for (String second : List.of("close", "keep-alive", "upgrade", "host")) {
                Headers decoded = decoded(first, second);
                Headers built = built(first, second);
                for (String token : TOKENS) {
                    assertEquals(built.containsToken("connection", token), decoded.containsToken("connection", token),
                            () -> "Connection: " + first + " / " + second + ", token " + token);
                }
            }
        }
    }

    @Test
    void rfc9110_7_6_1_aHeadWithoutConnectionListsNoOption() {
        Headers decoded = decoded();
        for (String token : TOKENS) {
            assertFalse(decoded.containsToken("connection", token), token);
        }
    }

    @Test
    void rfc9110_7_6_1_aConnectionOptionNamingHostOrFramingIsRefused() {
        for (String fields : List.of("Connection: keep-alive, Host\r\n", "Connection: x\r\nConnection: content-length\r\n",
                "Connection: TRANSFER-ENCODING;a=b\r\n")) {
            Exchanges.Outcome outcome = Exchanges.assertRejected(
                    Exchanges.ascii("GET / HTTP/1.1\r\nHost: h\r\n" + fields + "\r\n"), 400);
            assertEquals("Connection names a framing or routing field (RFC 9110 section 7.6.1)",
                    outcome.error().getMessage(), fields);
        }
    }
}
