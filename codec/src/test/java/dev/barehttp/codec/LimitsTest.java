package dev.barehttp.codec;

import static dev.barehttp.codec.Events.data;
import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.head;
import static dev.barehttp.codec.Exchanges.ascii;
import static dev.barehttp.codec.Exchanges.assertEvents;
import static dev.barehttp.codec.Exchanges.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The limits of {@link HttpConfig}: each answers its status, an endless line is refused as soon as
 * its limit is passed (before any LF arrives), and the outcome does not depend on the split.
 */
class LimitsTest {
    private static final HttpConfig DEFAULTS = HttpConfig.defaults();

    /** Feeds {@code prefix} then filler bytes without LF one at a time; returns how many were fed before the error. */
    private static int bytesUntilRefused(HttpConfig config, String prefix, int status, int maxBytes) {
        ServerConnection conn = new ServerConnection(config);
        byte[] start = ascii(prefix);
        conn.receive(start, 0, start.length);
        for (int fed = 0; fed < maxBytes; fed++) {
            try {
                conn.nextEvent();
            } catch (HttpProtocolException e) {
                assertEquals(status, e.status(), e.getMessage());
                return fed;
            }
            conn.receive(new byte[] {'a'}, 0, 1);
        }
        throw new AssertionError("not refused after " + maxBytes + " bytes without LF");
    }

    @Test
    void maxRequestLineLength_8KiB_defaultIs414() {
        assertEquals(8 * 1024, DEFAULTS.maxRequestLineLength());
        String target = "/" + "a".repeat(8 * 1024 - "GET / HTTP/1.1".length());
        assertEvents(ascii("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"),
                head("GET", target, HttpVersion.HTTP_1_1, 0, "host", "x"), end());
        assertRejected(ascii("GET " + target + "a HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
    }

    @Test
    void maxRequestLineLength_endlessLineIs414BeforeAnyLf() {
        int fed = bytesUntilRefused(DEFAULTS, "GET /", 414, 20_000);
        assertEquals(true, fed <= 8 * 1024 + 2 - 5, "refused after " + fed + " filler bytes");
    }

    @Test
    void maxRequestLineLength_smallLimitAnySplit() {
        HttpConfig small = DEFAULTS.withMaxRequestLineLength(20);
        assertEvents(small, ascii("GET /234567 HTTP/1.1\r\nHost: x\r\n\r\n"),
                head("GET", "/234567", HttpVersion.HTTP_1_1, 0, "host", "x"), end());
        assertRejected(small, ascii("GET /2345678 HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
        assertRejected(small, ascii("GET /234567890123456789012345"), 414);
    }

    @Test
    void maxHeaderSectionSize_16KiB_defaultIs431() {
        assertEquals(16 * 1024, DEFAULTS.maxHeaderSectionSize());
        // the section counts every field line with its CRLF and the final CRLF
        String value = "v".repeat(16 * 1024 - "Host: x\r\nX: \r\n\r\n".length());
        assertEvents(ascii("GET / HTTP/1.1\r\nHost: x\r\nX: " + value + "\r\n\r\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", "x", "x", value), end());
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\nX: " + value + "v\r\n\r\n"), 431);
    }

    @Test
    void maxHeaderSectionSize_endlessFieldLineIs431BeforeAnyLf() {
        int fed = bytesUntilRefused(DEFAULTS, "GET / HTTP/1.1\r\nX: ", 431, 40_000);
        assertEquals(true, fed <= 16 * 1024, "refused after " + fed + " filler bytes");
    }

    @Test
    void maxHeaderSectionSize_smallLimitAnySplit() {
        HttpConfig small = DEFAULTS.withMaxHeaderSectionSize(32);
        assertRejected(small, ascii("GET / HTTP/1.1\r\nHost: x\r\nX: 123456789012345678\r\n\r\n"), 431);
        assertRejected(small, ascii("GET / HTTP/1.1\r\nHost: x\r\nX: 1234567890123456789012345678901234567890"), 431);
        assertEvents(small, ascii("GET / HTTP/1.1\r\nHost: x\r\nX: 1234567890123456\r\n\r\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", "x", "x", "1234567890123456"), end());
    }

    @Test
    void maxHeaderCount_100_defaultIs431() {
        assertEquals(100, DEFAULTS.maxHeaderCount());
        StringBuilder fields = new StringBuilder("Host: x\r\n");
        for (int i = 1; i < 100; i++) {
            fields.append("X").append(i).append(": v\r\n");
        }
        Exchanges.Outcome ok = Exchanges.threeWays(DEFAULTS, ascii("GET / HTTP/1.1\r\n" + fields + "\r\n"));
        assertEquals(100, ((RequestHead) ok.events().get(0)).headers().size());
        assertRejected(ascii("GET / HTTP/1.1\r\n" + fields + "X100: v\r\n\r\n"), 431);
    }

    @Test
    void maxHeaderCount_countsTrailersToo() {
        HttpConfig two = DEFAULTS.withMaxHeaderCount(2);
        assertRejected(two, ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), 431);
    }

    @Test
    void maxBodySize_unlimitedByDefault() {
        assertEquals(Long.MAX_VALUE, DEFAULTS.maxBodySize());
        Exchanges.Outcome out = Exchanges.whole(DEFAULTS,
                ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 9223372036854775807\r\n\r\nab"));
        assertEquals(2, out.events().size());
    }

    @Test
    void maxBodySize_contentLengthOverIs413() {
        HttpConfig limited = DEFAULTS.withMaxBodySize(5);
        assertRejected(limited, ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nabcdef"), 413);
        assertEvents(limited, ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde"),
                head("POST", "/", HttpVersion.HTTP_1_1, 5, "host", "x", "content-length", "5"), data("abcde"), end());
    }

    @Test
    void maxBodySize_chunkedOverIs413() {
        HttpConfig limited = DEFAULTS.withMaxBodySize(5);
        String te = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        Exchanges.Outcome out = assertRejected(limited, ascii(te + "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n"), 413);
        assertEquals(Arrays.asList(out.events().get(0), data("abc")), out.events());
        assertRejected(limited, ascii(te + "6\r\n"), 413);
        assertEvents(limited, ascii(te + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"),
                head("POST", "/", HttpVersion.HTTP_1_1, RequestHead.CHUNKED, "host", "x", "transfer-encoding", "chunked"),
                data("abcde"), end());
    }

    @Test
    void maxChunkLineLength_4KiB_endlessExtensionIs400BeforeAnyLf() {
        assertEquals(4 * 1024, DEFAULTS.maxChunkLineLength());
        int fed = bytesUntilRefused(DEFAULTS,
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;x=", 400, 10_000);
        assertEquals(true, fed <= 4 * 1024, "refused after " + fed + " filler bytes");
    }

    @Test
    void maxChunkLineLength_endlessZeroPaddedSizeIs400() {
        HttpConfig small = DEFAULTS.withMaxChunkLineLength(16);
        assertRejected(small, ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0".repeat(40)), 400);
    }

    @Test
    void limits_mustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withMaxRequestLineLength(0));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withMaxHeaderCount(-1));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withMaxBodySize(0));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withMaxDrainSize(-1));
    }
}
