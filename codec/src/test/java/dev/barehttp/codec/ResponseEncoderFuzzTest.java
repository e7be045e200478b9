package dev.barehttp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the response encoder (Jazzer): the input plays an application calling
 * {@link ResponseWriter} with any status, reason phrase, names, values, lengths, bodies and trailers,
 * in any order. The invariants: every refusal is an {@link IllegalArgumentException} or
 * {@link IllegalStateException} with a message, a refused status or field leaves nothing written,
 * and what is written parses back as one well-formed response: one status line, field lines without
 * CR or LF inside, at most one Content-Length, no Transfer-Encoding to HTTP/1.0, and no body bytes
 * for HEAD, 204 or 304.
 *
 * <p>A plain build runs it in regression mode over the inputs under
 * {@code src/test/resources/dev/barehttp/codec/ResponseEncoderFuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes (see SECURITY.md).
 */
class ResponseEncoderFuzzTest {
    private static final int MAX_CALLS = 16;
    private static final String[] REQUESTS = {"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "GET / HTTP/1.0\r\n\r\n",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"};
    private static final String[] NAMES = {"Content-Length", "Transfer-Encoding", "Connection", "Date", "Host",
        "content-length", "CONTENT-LENGTH", "Set-Cookie", "X-A", "Expect", "Trailer"};

    @FuzzTest(maxDuration = "5m")
    void encoderRefusesOrWritesOneWellFormedResponse(FuzzedDataProvider data) {
        String request = data.pickValue(REQUESTS);
        boolean head = request.startsWith("HEAD");
        boolean http10 = request.contains("HTTP/1.0");
        ServerConnection conn = new ServerConnection(HttpConfig.defaults());
        Wire.feed(conn, request);
        conn.nextEvent();
        conn.nextEvent();
        ResponseWriter w = conn.response();

        int status = data.consumeBoolean() ? data.pickValue(new Integer[] {200, 204, 304, 404, 100, 599})
                : data.consumeInt(-1, 1000);
        String reason = data.consumeBoolean() ? null : data.consumeString(40);
        if (!attempt(() -> w.status(status, reason))) {
            assertEquals(0, conn.pendingOutput(), "a refused status writes nothing");
            return;
        }
        boolean ended = false;
        for (int call = 0; call < MAX_CALLS && !ended && !conn.isClosed(); call++) {
            ended = call(data, w, conn);
        }
        if (!ended && !conn.isClosed()) {
            ended = attempt(w::end);
        }
        String out = Wire.output(conn);
        if (ended) {
            checkResponse(out, status, head, http10);
        } else if (w.committed() && out.contains("\r\n\r\n")) {
            checkResponse(Wire.headOf(out), status, true, http10);
        }
    }

    /** One application call picked by the input; true when it ended the response. */
    private static boolean call(FuzzedDataProvider data, ResponseWriter w, ServerConnection conn) {
        switch (data.consumeInt(0, 5)) {
            case 0 -> {
                String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20);
                attempt(() -> w.header(name, data.consumeString(60)));
                if (!w.committed()) {
                    assertEquals(0, conn.pendingOutput(), "nothing is visible before the head is committed");
                }
            }
            case 1 -> attempt(() -> w.contentLength(data.consumeLong(-2, 300)));
            case 2 -> attempt(() -> w.write(data.consumeBytes(120)));
            case 3 -> attempt(w::commit);
            case 4 -> {
                Headers trailers;
                try {
                    trailers = Headers.of(data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20),
                            data.consumeString(40));
                } catch (IllegalArgumentException refused) {
                    assertMessage(refused);
                    trailers = Headers.EMPTY;
                }
                Headers chosen = trailers;
                return attempt(() -> w.end(chosen));
            }
            default -> {
                return attempt(w::end);
            }
        }
        return false;
    }

    /** Runs an application call: true when it returned, false when it was refused as the contract says. */
    private static boolean attempt(Runnable call) {
        try {
            call.run();
            return true;
        } catch (IllegalArgumentException | IllegalStateException refused) {
            assertMessage(refused);
            return false;
        }
    }

    private static void assertMessage(RuntimeException refused) {
        assertNotNull(refused.getMessage(), "a refusal says why");
        assertFalse(refused.getMessage().isBlank(), "a refusal says why");
    }

    private static void checkResponse(String out, int status, boolean noBody, boolean http10) {
        ParsedResponse r = ParsedResponse.parse(out, noBody);
        assertEquals(status, r.status());
        assertTrue(r.count("content-length") <= 1, () -> "two Content-Length fields: " + out);
        if (http10) {
            assertEquals(0, r.count("transfer-encoding"), () -> "Transfer-Encoding to HTTP/1.0: " + out);
        }
        if (status == 204 || status == 304) {
            assertEquals(0, r.count("transfer-encoding"), () -> "Transfer-Encoding on " + status + ": " + out);
        }
        if (status == 204) {
            assertEquals(0, r.count("content-length"), () -> "Content-Length on 204: " + out);
        }
        if (noBody || status == 204 || status == 304) {
            assertEquals(Wire.headOf(out), out, "no byte after the head");
        } else {
            assertEquals("", r.rest(), () -> "bytes after the response: " + out);
        }
    }
}
