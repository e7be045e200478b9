package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Responses written by {@link ResponseWriter} and read back by {@link ParsedResponse} keep their
 * status, fields and body under every framing: Content-Length, chunked with trailers,
 * close-delimited for HTTP/1.0, and none for HEAD, 204 and 304.
 */
class ResponseEncodingPropertiesTest {

    /** The request answered. */
    enum Asked {
        GET_1_1("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
        GET_1_0("GET / HTTP/1.0\r\n\r\n"),
        GET_1_0_KEEP_ALIVE("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
        HEAD_1_1("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");

        final String wire;

        Asked(String wire) {
            this.wire = wire;
        }
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.oneOf(Arbitraries.integers().between(200, 599), Arbitraries.of(200, 204, 304, 404, 500));
    }

    @Provide
    Arbitrary<List<String[]>> fieldLists() {
        return Generators.fields().filter(f -> !f[0].equalsIgnoreCase("date")).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    @Property(tries = 500)
    void encodedResponseParsesBackToTheSameStatusFieldsAndBody(@ForAll Asked asked, @ForAll("statuses") int status,
            @ForAll("fieldLists") List<String[]> fields, @ForAll("bodies") byte[] body,
            @ForAll boolean declareLength, @ForAll("fieldLists") List<String[]> trailers,
            @ForAll @IntRange(min = 1, max = 64) int pieceSize) {
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        Wire.feed(conn, asked.wire);
        conn.nextEvent();
        conn.nextEvent();
        ResponseWriter w = conn.response().status(status);
        fields.forEach(f -> w.header(f[0], f[1]));
        boolean noBody = asked == Asked.HEAD_1_1 || status == 204 || status == 304;
        byte[] sent = status == 204 || status == 304 ? new byte[0] : body;
        if (declareLength) {
            w.contentLength(sent.length);
        }
        w.commit();
        for (int at = 0; at < sent.length; at += pieceSize) {
            w.write(sent, at, Math.min(pieceSize, sent.length - at));
        }
        w.end(Headers.of(flatten(trailers)));

        ParsedResponse r = ParsedResponse.parse(Wire.output(conn), asked == Asked.HEAD_1_1);
        assertEquals(status, r.status());
        assertEquals(StatusReasons.of(status), r.reason());
        assertEquals(names(fields), names(appFields(r)));
        assertEquals(values(fields), values(appFields(r)));
        assertArrayEquals(noBody ? new byte[0] : sent, r.body());
        assertEquals("", r.rest());
        assertFraming(asked, status, declareLength, noBody, r, trailers);
    }

    private static void assertFraming(Asked asked, int status, boolean declareLength, boolean noBody,
            ParsedResponse r, List<String[]> trailers) {
        boolean http10 = asked == Asked.GET_1_0 || asked == Asked.GET_1_0_KEEP_ALIVE;
        if (status == 204 || status == 304) {
            assertNull(r.field("content-length"));
            assertNull(r.field("transfer-encoding"));
        } else if (declareLength) {
            assertEquals(1, r.count("content-length"));
            assertNull(r.field("transfer-encoding"));
        } else if (asked == Asked.HEAD_1_1) {
            assertNull(r.field("transfer-encoding"));
        } else if (http10) {
            assertNull(r.field("content-length"));
            assertNull(r.field("transfer-encoding"));
            assertEquals("close", r.field("connection"), "a close-delimited body ends the connection");
        } else {
            assertEquals("chunked", r.field("transfer-encoding"));
            assertEquals(names(trailers), names(r.trailers()));
            assertEquals(values(trailers), values(r.trailers()));
        }
        if (asked == Asked.GET_1_0 && !"close".equals(r.field("connection"))) {
            throw new AssertionError("HTTP/1.0 without keep-alive must be told Connection: close");
        }
    }

    private static List<String[]> appFields(ParsedResponse r) {
        List<String[]> out = new ArrayList<>();
        for (String[] f : r.fields()) {
            String n = f[0].toLowerCase(java.util.Locale.ROOT);
            if (!n.equals("content-length") && !n.equals("transfer-encoding") && !n.equals("date")
                    && !n.equals("connection")) {
                out.add(f);
            }
        }
        return out;
    }

    private static String[] flatten(List<String[]> pairs) {
        List<String> out = new ArrayList<>();
        pairs.forEach(p -> {
            out.add(p[0]);
            out.add(p[1]);
        });
        return out.toArray(new String[0]);
    }

    private static List<String> names(List<String[]> pairs) {
        List<String> out = new ArrayList<>();
        pairs.forEach(p -> out.add(p[0].toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    private static List<String> values(List<String[]> pairs) {
        List<String> out = new ArrayList<>();
        pairs.forEach(p -> out.add(p[1]));
        return out;
    }
}
