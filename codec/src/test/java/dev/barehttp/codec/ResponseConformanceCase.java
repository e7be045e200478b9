package dev.barehttp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One response-parsing case of shared/conformance/llhttp-responses.jsonl, run on a
 * {@link ClientConnection}, with the verdict: null when the codec behaves as the case expects,
 * else a reason.
 *
 * <p>The client first sends the requests the responses answer: one more than the final responses
 * expected (so a response cut short after them is read as one), all {@code request_method}; or,
 * when a 101 is expected, one GET with {@code Upgrade}, since only such a request may be answered
 * by a 101 and nothing may be pipelined after it.
 *
 * @param id the case id
 * @param heading where the case comes from
 * @param input the response bytes
 * @param requestMethod the method every response answers
 * @param messages the messages that must complete, in order
 * @param error the llhttp error name, or null
 * @param incomplete whether the input ends inside a message that is not delimited by the close
 * @param endsAtEof whether the last message is a body delimited by the close
 */
record ResponseConformanceCase(String id, String heading, byte[] input, String requestMethod,
        List<Map<String, Object>> messages, String error, boolean incomplete, boolean endsAtEof) {

    @SuppressWarnings("unchecked")
    static ResponseConformanceCase fromJson(String line) {
        Map<String, Object> c = (Map<String, Object>) Json.parse(line);
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        String method = (String) c.get("request_method");
        return new ResponseConformanceCase((String) c.get("id"), (String) c.get("heading"),
                Base64.getDecoder().decode((String) c.get("input_base64")), method == null ? "GET" : method,
                (List<Map<String, Object>>) expect.get("messages"), (String) expect.get("error"),
                Boolean.TRUE.equals(expect.get("incomplete")), Boolean.TRUE.equals(expect.get("ends_at_eof")));
    }

    /** A completed response (or interim head) as the codec handed it out. */
    private record Message(ResponseHead head, Headers fields, byte[] body, boolean keepAlive, boolean upgrade) {
    }

    /** What the connection did with the input. */
    private record Run(List<Message> messages, HttpProtocolException error, HttpEvent last) {
    }

    private boolean expects101() {
        return messages.stream().anyMatch(m -> ((Number) m.get("status")).intValue() == 101);
    }

    private ClientConnection sentRequests() {
        ClientConnection conn = new ClientConnection(HttpConfig.defaults());
        if (expects101()) {
            conn.request().start("GET", "/").header("Host", "example.com").header("Connection", "upgrade")
                    .header("Upgrade", "h2c").end();
            return conn;
        }
        long finals = messages.stream().filter(m -> ((Number) m.get("status")).intValue() >= 200).count();
        for (long i = 0; i <= finals; i++) {
            conn.request().start(requestMethod, "/").header("Host", "example.com").end();
        }
        return conn;
    }

    private Run run(boolean endOfInput) {
        ClientConnection conn = sentRequests();
        conn.receive(input, 0, input.length);
        if (endOfInput) {
            conn.receiveEndOfInput();
        }
        List<Message> done = new ArrayList<>();
        ResponseHead head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            HttpEvent e;
            try {
                e = conn.nextEvent();
            } catch (HttpProtocolException error) {
                return new Run(done, error, null);
            }
            if (e instanceof ResponseHead h) {
                if (h.isInterim()) {
                    done.add(new Message(h, h.headers(), new byte[0], true, false));
                } else {
                    head = h;
                    body.reset();
                }
            } else if (e instanceof BodyData d) {
                body.writeBytes(d.data());
            } else if (e instanceof EndOfMessage end) {
                Headers fields = end.trailers().isEmpty() ? head.headers()
                        : Headers.builder().addAll(head.headers()).addAll(end.trailers()).build();
                done.add(new Message(head, fields, body.toByteArray(), conn.persistent(), conn.isSwitched()));
            } else {
                return new Run(done, null, e);
            }
        }
    }

    /** Null when the codec does what the case expects, else why not. */
    String verdict() {
        Run run = run(endsAtEof);
        String messagesDiff = compareMessages(run);
        if (messagesDiff != null) {
            return messagesDiff;
        }
        if ("HPE_PAUSED_UPGRADE".equals(error)) {
            return run.last() == Signal.SWITCHED ? null : "did not switch protocols: " + describe(run);
        }
        if ("HPE_CLOSED_CONNECTION".equals(error)) {
            return run.error() != null ? "refused with " + run.error() + " instead of closing"
                    : run.last() == Signal.CLOSED ? null : "bytes after a non-persistent response were parsed";
        }
        if (error != null) {
            return run.error() != null ? null : "accepted; llhttp refuses it with " + error;
        }
        if (run.error() != null) {
            return "refused with " + run.error();
        }
        if (incomplete) {
            if (run.last() != Signal.NEED_DATA) {
                return "ended with " + run.last() + " where more bytes are awaited";
            }
            Run closed = run(true);
            return closed.error() != null ? null : "a response cut short by the close was accepted: " + describe(closed);
        }
        return null;
    }

    private String compareMessages(Run run) {
        int expected = messages.size();
        if (run.messages().size() < expected) {
            return "completed " + run.messages().size() + " of " + expected + " messages"
                    + (run.error() != null ? ", then " + run.error() : "");
        }
        if (run.messages().size() > expected) {
            return "completed " + run.messages().size() + " messages, expected " + expected;
        }
        for (int i = 0; i < expected; i++) {
            String diff = compare(messages.get(i), run.messages().get(i));
            if (diff != null) {
                return "message " + (i + 1) + ": " + diff;
            }
        }
        return null;
    }

    private static String describe(Run run) {
        return run.messages().size() + " messages, then " + (run.error() != null ? run.error() : run.last());
    }

    @SuppressWarnings("unchecked")
    private static String compare(Map<String, Object> want, Message message) {
        ResponseHead h = message.head();
        if (((Number) want.get("status")).intValue() != h.status()) {
            return "status " + h.status() + ", expected " + want.get("status");
        }
        if (!want.get("reason").equals(h.reason())) {
            return "reason \"" + h.reason() + "\", expected \"" + want.get("reason") + "\"";
        }
        if (!want.get("version").equals(h.version().text())) {
            return "version " + h.version() + ", expected " + want.get("version");
        }
        List<List<String>> fields = (List<List<String>>) (List<?>) want.get("headers");
        Headers got = message.fields();
        if (fields.size() != got.size()) {
            return "headers " + got + ", expected " + fields;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).get(0).toLowerCase(Locale.ROOT).equals(got.name(i))
                    || !fields.get(i).get(1).equals(got.value(i))) {
                return "headers " + got + ", expected " + fields;
            }
        }
        String body = new String(Base64.getDecoder().decode((String) want.get("body_base64")), StandardCharsets.ISO_8859_1);
        String gotBody = new String(message.body(), StandardCharsets.ISO_8859_1);
        if (!body.equals(gotBody)) {
            return "body \"" + gotBody + "\", expected \"" + body + "\"";
        }
        boolean upgrade = Boolean.TRUE.equals(want.get("upgrade"));
        if (upgrade != message.upgrade()) {
            return "upgrade " + message.upgrade() + ", expected " + upgrade;
        }
        if (!upgrade && !want.get("keep_alive").equals(message.keepAlive())) {
            return "keep-alive " + message.keepAlive() + ", expected " + want.get("keep_alive");
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
