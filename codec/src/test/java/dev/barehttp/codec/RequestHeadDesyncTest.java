package dev.barehttp.codec;

import static dev.barehttp.codec.DesyncChecks.accepted;
import static dev.barehttp.codec.DesyncChecks.refusedAndClosed;
import static dev.barehttp.codec.DesyncChecks.utf8;
import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.get;
import static dev.barehttp.codec.Events.head;
import static dev.barehttp.codec.Exchanges.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vectors in the request line and header section: what may come before a request line, whitespace
 * before the first field, and the Java decoding traps in the fields the codec reads itself.
 */
class RequestHeadDesyncTest {
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n";

    /**
     * RFC 9112 section 2.2: a server SHOULD ignore at least one empty line before a request line. Empty lines
     * (CRLF) are skipped, any number of them, since each is consumed at once and the head timeout runs from
     * their first byte; nothing else is.
     */
    @Test
    void rfc9112_2_2_emptyLinesBeforeTheRequestLineAreIgnored() {
        accepted(ascii("\r\n" + REQUEST), get("/"), end());
        accepted(ascii("\r\n\r\n\r\n" + REQUEST), get("/"), end());
    }

    /**
     * Netty CVE-2026-50020: leading control bytes skipped by one parser and not by another. Only CRLF lines are
     * ignored; NUL, SP, HTAB, VT, FF, a bare CR, DEL, a TLS record byte, or a byte-order mark is 400.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u0000", " ", "\t", "\u000b", "\u000c", "\r", "\r\r\n", "\u007f", "\u0016\u0003\u0001",
        "\u0001", "\r\n\u0000", "\r\n "})
    void nettyCve2026_50020_controlBytesBeforeTheRequestLineAre400(String before) {
        refusedAndClosed(ascii(before + REQUEST), 400);
    }

    /** Netty CVE-2026-50020 with RFC 9112 section 2.2: a bare LF before the request line is only skipped with allowBareLf. */
    @Test
    void nettyCve2026_50020_bareLfBeforeTheRequestLineNeedsAllowBareLf() {
        refusedAndClosed(ascii("\n" + REQUEST), 400);
        Exchanges.assertEvents(HttpConfig.defaults().withAllowBareLf(true), ascii("\n" + REQUEST), get("/"), end());
    }

    /** A byte-order mark is not part of any method token. */
    @Test
    void nettyCve2026_50020_byteOrderMarkBeforeTheRequestLineIs400() {
        refusedAndClosed(utf8("\ufeff" + REQUEST), 400);
    }

    /**
     * Undertow CVE-2026-28369 and RFC 9112 section 2.2: whitespace between the request line and the first field
     * line is refused (400), never folded into the request line or taken as a field.
     */
    @ParameterizedTest
    @ValueSource(strings = {" Host: example.com\r\n", "\tHost: example.com\r\n", " \r\nHost: example.com\r\n",
        " Transfer-Encoding: chunked\r\nHost: example.com\r\n"})
    void undertowCve2026_28369_whitespaceLedFirstFieldLineIs400(String firstLines) {
        refusedAndClosed(ascii("POST / HTTP/1.1\r\n" + firstLines + "Content-Length: 5\r\n\r\nGET /"), 400);
    }

    /** RFC 9112 section 5.2: obs-fold anywhere in the section, including in a framing field, is 400. */
    @Test
    void rfc9112_5_2_obsFoldInFramingFieldsIs400() {
        refusedAndClosed(HostileInputs.SMUGGLING_OBS_FOLD_TE, 400);
        refusedAndClosed(ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n 0\r\n\r\nGET /"), 400);
    }

    /** Java decoding trap: Integer.parseInt would accept Unicode, fullwidth and signed digits in Content-Length. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0665", "\uff15", "\u0e55", "\u09eb", "1\u0660", "+5", "-5", "5.0", "0x5", "5e0", "\u00b2",
        "\u2075", "\uff10\uff15"})
    void javaTrap_nonAsciiOrSignedDigitsInContentLengthAre400(String value) {
        refusedAndClosed(utf8("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + value + "\r\n\r\nhelloGET /"), 400);
    }

    /** Java decoding trap: String.trim() strips VT, FF, NUL and other controls; none of them vanishes from Content-Length. */
    @ParameterizedTest
    @ValueSource(strings = {"5\u000b", "\u000b5", "5\u000c", "5\u0000", "\u00005", "5\u001f", "5\u0085", "5\u00a0",
        "\u00a05", "5 5", "5\u3000"})
    void javaTrap_trimmableCharactersInContentLengthAre400(String value) {
        byte[] wire = value.indexOf('\u3000') >= 0
                ? utf8("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + value + "\r\n\r\nhelloGET /")
                : ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + value + "\r\n\r\nhelloGET /");
        refusedAndClosed(wire, 400);
    }

    /** RFC 9110 section 8.6: only identical Content-Length values may repeat, in a list or in several fields. */
    @Test
    void rfc9110_8_6_differingContentLengthsAre400AndIdenticalOnesAccepted() {
        refusedAndClosed(HostileInputs.SMUGGLING_CL_CL, 400);
        refusedAndClosed(ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 5\r\n\r\nabcde"), 400);
        accepted(ascii("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc"),
                head("POST", "/", HttpVersion.HTTP_1_1, 3, "host", "x", "content-length", "3, 3", "content-length", "3"),
                Events.data("abc"), end());
    }

    /** Java decoding trap: a dotless i (U+0131) or a Kelvin sign in a field name is not a token character. */
    @ParameterizedTest
    @ValueSource(strings = {"Transfer-Encod\u0131ng: chunked", "Connect\u0131on: close", "Content-Length\u0131: 5",
        "\u212Aeep-Alive: 1", "Host\u00a0: x"})
    void javaTrap_nonAsciiLettersInFieldNamesAre400(String line) {
        refusedAndClosed(utf8("POST / HTTP/1.1\r\nHost: x\r\n" + line + "\r\nContent-Length: 5\r\n\r\nhelloGET /"), 400);
    }

    /** Java decoding trap: U+0085 (NEL), U+2028 and U+2029 are not line ends; in a field value they are obs-text, not a break. */
    @Test
    void javaTrap_unicodeLineSeparatorsDoNotEndAFieldLine() {
        byte[] nel = utf8("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\u0085Transfer-Encoding: chunked\r\n\r\n");
        Exchanges.Outcome out = Exchanges.threeWays(HttpConfig.defaults(), nel);
        assertEquals(null, out.error(), out::summary);
        RequestHead head = (RequestHead) out.events().get(0);
        assertEquals(0, head.bodyLength(), "no Transfer-Encoding field was read");
        assertEquals(null, head.headers().get("transfer-encoding"));
    }

    /** Java decoding trap: a Turkish-locale toLowerCase() turns "I" into a dotless i; framing names in capitals still match. */
    @Test
    void javaTrap_upperCaseFramingNamesMatchInAnyLocale() {
        accepted(ascii("POST / HTTP/1.1\r\nHOST: x\r\nTRANSFER-ENCODING: CHUNKED\r\nCONNECTION: CLOSE\r\n\r\n"
                        + "1\r\na\r\n0\r\n\r\n"),
                head("POST", "/", HttpVersion.HTTP_1_1, RequestHead.CHUNKED, "host", "x", "transfer-encoding", "CHUNKED",
                        "connection", "CLOSE"), Events.data("a"), end());
    }

    /** Java decoding trap: the same request decodes the same way with a Turkish default locale, whatever the JVM's flags. */
    @Test
    void javaTrap_turkishDefaultLocaleChangesNothing() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            javaTrap_upperCaseFramingNamesMatchInAnyLocale();
            refusedAndClosed(ascii("POST / HTTP/1.1\r\nHOST: x\r\nTRANSFER-ENCODING: CHUNKED;Q=1\r\n\r\n0\r\n\r\n"), 400);
            refusedAndClosed(ascii("POST / HTTP/1.1\r\nHOST: x\r\nCONNECTION: CONTENT-LENGTH\r\nCONTENT-LENGTH: 1\r\n\r\nG"),
                    400);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
