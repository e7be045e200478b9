package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The echo app's wire contract over raw sockets, on every transport on the class path. */
class EchoContractTest {

    static List<String> transports() {
        return RunningServer.transports();
    }

    private static String expectedGet(String target, String headersJson) {
        return "{\"method\": \"GET\", \"target\": \"" + target + "\", \"version\": \"HTTP/1.1\", \"secure\": false, \"headers\": "
                + headersJson + ", \"body\": \"\"}";
    }

    @ParameterizedTest
    @MethodSource("transports")
    void headersKeepTheirOrderLowerCaseNamesAndTrimmedValues(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("GET /p?q=1 HTTP/1.1\r\nHost: x\r\nX-Zeta:  z \t\r\nX-Alpha: a b\r\n"
                    + "X-Zeta: second\r\nConnection: close\r\n\r\n", false);
            RawResponse response = RawResponse.parseAll(wire).get(0);
            assertEquals(200, response.status());
            assertEquals("application/json", response.header("content-type"));
            assertEquals(expectedGet("/p?q=1", "[[\"host\", \"x\"], [\"x-zeta\", \"z\"], [\"x-alpha\", \"a b\"], "
                    + "[\"x-zeta\", \"second\"], [\"connection\", \"close\"]]"), response.body());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void obsTextBytesAreEscapedAsIso88591(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("GET / HTTP/1.1\r\nHost: x\r\nX-Caf: caf\u00e9\"\\\r\n"
                    + "Connection: close\r\n\r\n", false);
            assertEquals(expectedGet("/", "[[\"host\", \"x\"], [\"x-caf\", \"caf\\u00e9\\\"\\\\\"], "
                    + "[\"connection\", \"close\"]]"), RawResponse.parseAll(wire).get(0).body());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void contentLengthBodyIsBase64(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n"
                    + "Connection: close\r\n\r\nhello world", false);
            String body = RawResponse.parseAll(wire).get(0).body();
            assertEquals("{\"method\": \"POST\", \"target\": \"/e\", \"version\": \"HTTP/1.1\", \"secure\": false, \"headers\": "
                    + "[[\"host\", \"x\"], [\"content-length\", \"11\"], [\"connection\", \"close\"]], "
                    + "\"body\": \"aGVsbG8gd29ybGQ=\"}", body);
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void chunkedBodyIsDechunkedAndTrailersGoInTheirOwnMember(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum:  abc \r\n\r\n", false);
            assertEquals("{\"method\": \"POST\", \"target\": \"/c\", \"version\": \"HTTP/1.1\", \"secure\": false, \"headers\": "
                    + "[[\"host\", \"x\"], [\"transfer-encoding\", \"chunked\"], [\"connection\", \"close\"]], "
                    + "\"body\": \"aGVsbG8gd29ybGQ=\", \"trailers\": [[\"x-checksum\", \"abc\"]]}",
                    RawResponse.parseAll(wire).get(0).body());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void headGetsTheSameHeadersAndNoBody(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("HEAD /h HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            RawResponse response = RawResponse.parseAll(wire, true).get(0);
            String json = "{\"method\": \"HEAD\", \"target\": \"/h\", \"version\": \"HTTP/1.1\", \"secure\": false, \"headers\": "
                    + "[[\"host\", \"x\"], [\"connection\", \"close\"]], \"body\": \"\"}";
            assertEquals(200, response.status());
            assertEquals("application/json", response.header("content-type"));
            assertEquals(Integer.toString(json.length()), response.header("content-length"));
            assertTrue(wire.endsWith("\r\n\r\n"), "no body after the head: " + wire);
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void asteriskAndAbsoluteFormTargetsAreEchoedAsReceived(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET http://x/abs?y HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            List<RawResponse> responses = RawResponse.parseAll(wire);
            assertEquals("{\"method\": \"OPTIONS\", \"target\": \"*\", \"version\": \"HTTP/1.1\", \"secure\": false, \"headers\": "
                    + "[[\"host\", \"x\"]], \"body\": \"\"}", responses.get(0).body());
            assertEquals(expectedGet("http://x/abs?y", "[[\"host\", \"x\"], [\"connection\", \"close\"]]"),
                    responses.get(1).body());
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void extensionMethodIsEchoed(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("PROPFIND /d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
            assertTrue(RawResponse.parseAll(wire).get(0).body().startsWith("{\"method\": \"PROPFIND\", "));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void connectIsEchoedAndThenTheConnectionCloses(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"
                    + "GET /after HTTP/1.1\r\nHost: x\r\n\r\n", false);
            List<RawResponse> responses = RawResponse.parseAll(wire);
            assertEquals(1, responses.size(), wire);
            assertTrue(responses.get(0).body().startsWith("{\"method\": \"CONNECT\", \"target\": \"example.com:443\""));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void pipelinedRequestsAreAnsweredInOrderAndNothingAfterConnectionClose(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
                    + "GET /3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    + "GET /4 HTTP/1.1\r\nHost: x\r\n\r\n", false);
            List<RawResponse> responses = RawResponse.parseAll(wire);
            assertEquals(3, responses.size(), wire);
            assertTrue(responses.get(0).body().contains("\"target\": \"/1\""));
            assertTrue(responses.get(1).body().contains("\"target\": \"/2\""));
            assertTrue(responses.get(1).body().contains("\"body\": \"aGk=\""));
            assertTrue(responses.get(2).body().contains("\"target\": \"/3\""));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void rejectedRequestGetsItsErrorAfterTheEarlierAnswersAndCloses(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /bad HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"
                    + "GET /never HTTP/1.1\r\nHost: x\r\n\r\n", false);
            List<RawResponse> responses = RawResponse.parseAll(wire);
            assertEquals(2, responses.size(), wire);
            assertTrue(responses.get(0).body().contains("\"target\": \"/ok\""));
            assertEquals(400, responses.get(1).status());
            assertTrue(!wire.contains("/never"));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void halfClosedClientIsStillAnswered(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(new EchoApp(), transport)) {
            String wire = server.exchangeRaw("GET /half HTTP/1.1\r\nHost: x\r\n\r\n", true);
            RawResponse response = RawResponse.parseAll(wire).get(0);
            assertEquals(200, response.status());
            assertEquals(expectedGet("/half", "[[\"host\", \"x\"]]"), response.body());
        }
    }
}
