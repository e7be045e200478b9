package dev.barehttp.codec;

import static dev.barehttp.codec.Events.end;
import static dev.barehttp.codec.Events.head;
import static dev.barehttp.codec.Exchanges.ascii;
import static dev.barehttp.codec.Exchanges.assertEvents;
import static dev.barehttp.codec.Exchanges.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9112 section 5 and RFC 9110 section 5: field lines, names, values, Host, Expect. */
class HeaderFieldsTest {

    private static Headers headersOf(String fieldLines) {
        RequestHead head = (RequestHead) Exchanges.threeWays(HttpConfig.defaults(),
                ascii("GET / HTTP/1.1\r\n" + fieldLines + "\r\n")).events().get(0);
        return head.headers();
    }

    @Test
    void rfc9110_5_1_namesAreLowerCasedAndOrderIsKept() {
        Headers h = headersOf("HOST: x\r\nX-B: 2\r\nx-a: 1\r\nX-B: 3\r\n");
        assertEquals(List.of("host", "x-b", "x-a", "x-b"), List.of(h.name(0), h.name(1), h.name(2), h.name(3)));
        assertEquals(List.of("x", "2", "1", "3"), List.of(h.value(0), h.value(1), h.value(2), h.value(3)));
    }

    @Test
    void rfc9110_5_3_getJoinsRepeatedFieldsWithCommaSpace() {
        Headers h = headersOf("Host: x\r\nAccept: a/b\r\nX: 1\r\naccept: c/d\r\n");
        assertEquals("a/b, c/d", h.get("Accept"));
        assertEquals(List.of("a/b", "c/d"), h.all("accept"));
    }

    @Test
    void rfc9112_5_owsAroundTheValueIsTrimmed() {
        assertEvents(ascii("GET / HTTP/1.1\r\nHost:x\r\nA: \t v a l \t \r\nB:\r\nC: \r\n\r\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", "x", "a", "v a l", "b", "", "c", ""), end());
    }

    @Test
    void rfc9110_5_5_obsTextAndVcharAreAllowedInValues() {
        String value = "!~\u0080\u00ff\"(),/:;<=>?@[\\]{} x";
        assertEquals(value, headersOf("Host: x\r\nX: " + value + "\r\n").get("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001f", "\u007f"})
    void rfc9110_5_5_controlCharactersInValuesAre400(String control) {
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\nX: a" + control + "b\r\n\r\n"), 400);
    }

    @Test
    void rfc9110_5_5_nulInValueIs400() {
        assertRejected(HostileInputs.NUL_IN_FIELD_VALUE, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X(Y", "X\"Y", "X/Y", "X@Y", "X[Y", "X{Y", "X=Y", "X\u00e9", "X\u007fY"})
    void rfc9110_5_1_fieldNameNotATokenIs400(String name) {
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\n" + name + ": v\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_5_emptyFieldNameIs400() {
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_5_lineWithoutColonIs400() {
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_5_1_whitespaceBeforeColonIs400() {
        assertRejected(ascii("GET / HTTP/1.1\r\nHost : x\r\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.1\r\nHost\t: x\r\n\r\n"), 400);
        assertRejected(HostileInputs.SMUGGLING_SPACE_BEFORE_COLON, 400);
    }

    @Test
    void rfc9112_5_2_obsFoldIs400() {
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n\tb\r\n\r\n"), 400);
        assertRejected(HostileInputs.SMUGGLING_OBS_FOLD_TE, 400);
    }

    @Test
    void rfc9112_2_2_whitespaceBeforeTheFirstFieldIs400() {
        assertRejected(ascii("GET / HTTP/1.1\r\n Host: x\r\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.1\r\n\tHost: x\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_3_2_http11WithoutHostIs400() {
        assertRejected(ascii("GET / HTTP/1.1\r\nX: y\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_3_2_twoHostFieldsAre400() {
        assertRejected(HostileInputs.TWO_HOSTS, 400);
        assertRejected(ascii("GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com:8080", "example.com:", "127.0.0.1:80", "[::1]:8080",
        "[v1.fe80::a+en1]", "a%20b", "xn--bcher-kva.example", "0.0.0.0=5000", "a_b.example", "%41b", "[::1]:", "~!$&'()*+,;="})
    void rfc9112_3_2_validHostValuesAreAccepted(String host) {
        assertEvents(ascii("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", host), end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "a@b", "a:b:c", "[::1", "::1", "a%zz", "a%2", "example.com:80x", "[::1]x",
        "[]", "a\"b", "example.com:8080/path", "a\u00e9", "a%", "%4", "[::1]:x", "[", "]", "[::1]]", ":80x", "a\u00ff"})
    void rfc9112_3_2_hostWithAnInvalidValueIs400(String host) {
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"), 400);
        assertRejected(ascii("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n"), 400);
    }

    @Test
    void rfc9112_3_2_requireHostFalseAcceptsAMissingHost() {
        assertEvents(HttpConfig.defaults().withRequireHost(false), ascii("GET / HTTP/1.1\r\n\r\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0), end());
    }

    @Test
    void rfc9112_3_2_http10NeedsNoHost() {
        assertEvents(ascii("GET / HTTP/1.0\r\nX: y\r\n\r\n"), head("GET", "/", HttpVersion.HTTP_1_0, 0, "x", "y"), end());
    }

    @Test
    void rfc9110_7_2_emptyHostValueIsAccepted() {
        assertEvents(ascii("GET / HTTP/1.1\r\nHost:\r\n\r\n"), head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", ""), end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"100-continue", "100-Continue", "100-CONTINUE"})
    void rfc9110_10_1_1_expect100ContinueIsAccepted(String value) {
        assertEvents(ascii("GET / HTTP/1.1\r\nHost: x\r\nExpect: " + value + "\r\n\r\n"),
                head("GET", "/", HttpVersion.HTTP_1_1, 0, "host", "x", "expect", value), end());
    }

    @ParameterizedTest
    @ValueSource(strings = {"200-ok", "100-continue, x", "something", "100-continueX"})
    void rfc9110_10_1_1_otherExpectationsAre417(String value) {
        assertRejected(ascii("GET / HTTP/1.1\r\nHost: x\r\nExpect: " + value + "\r\n\r\n"), 417);
    }
}
