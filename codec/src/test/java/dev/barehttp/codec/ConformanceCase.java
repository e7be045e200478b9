package dev.barehttp.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request-parsing case of shared/conformance/llhttp-requests.jsonl, run on a
 * {@link ServerConnection}, with the verdict: null when the codec behaves as the case expects,
 * else a reason.
 *
 * @param id the case id
 * @param heading where the case comes from
 * @param input the request bytes
 * @param messages the messages that must complete, in order
 * @param error the llhttp error name, or null
 */
record ConformanceCase(String id, String heading, byte[] input, List<Map<String, Object>> messages, String error) {

    /** llhttp does not check Host, so the cases run without requiring it. */
    static final HttpConfig CONFIG = HttpConfig.defaults().withRequireHost(false);

    @SuppressWarnings("unchecked")
    static ConformanceCase fromJson(String line) {
        Map<String, Object> c = (Map<String, Object>) Json.parse(line);
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        return new ConformanceCase((String) c.get("id"), (String) c.get("heading"),
                Base64.getDecoder().decode((String) c.get("input_base64")),
                (List<Map<String, Object>>) expect.get("messages"), (String) expect.get("error"));
    }

    /** A completed request as the codec saw it; llhttp reports trailer fields after the header fields. */
    private record Message(RequestHead head, Headers fields, byte[] body, boolean keepAlive) {
    }

    private static Headers withTrailers(Headers headers, Headers trailers) {
        return trailers.isEmpty() ? headers : Headers.builder().addAll(headers).addAll(trailers).build();
    }

    /** What the connection did with the whole input. */
    private record Run(List<Message> messages, HttpProtocolException error, boolean closed) {
    }

    private Run run() {
        ServerConnection conn = new ServerConnection(CONFIG, () -> 0L);
        conn.receive(input, 0, input.length);
        List<Message> done = new ArrayList<>();
        RequestHead head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            HttpEvent e;
            try {
                e = conn.nextEvent();
            } catch (HttpProtocolException error) {
                return new Run(done, error, true);
            }
            if (e instanceof RequestHead) {
                head = (RequestHead) e;
                body.reset();
            } else if (e instanceof BodyData) {
                body.writeBytes(((BodyData) e).data());
            } else if (e instanceof EndOfMessage) {
                conn.response().status(200).end();
                done.add(new Message(head, withTrailers(head.headers(), ((EndOfMessage) e).trailers()),
                        body.toByteArray(), conn.response().persistent()));
            } else {
                return new Run(done, null, e == Signal.CLOSED);
            }
        }
    }

    /** Null when the codec does what the case expects, else why not. */
    String verdict() {
        Run run = run();
        boolean paused = "HPE_PAUSED_UPGRADE".equals(error) || "HPE_PAUSED_H2_UPGRADE".equals(error);
        int expected = messages.size();
        if (run.messages().size() < expected) {
            return "completed " + run.messages().size() + " of " + expected + " messages"
                    + (run.error() != null ? ", then " + run.error() : "");
        }
        for (int i = 0; i < expected; i++) {
            String diff = compare(messages.get(i), run.messages().get(i));
            if (diff != null) {
                return "message " + (i + 1) + ": " + diff;
            }
        }
        if (paused) {
            boolean connect = expected > 0 && "CONNECT".equals(messages.get(expected - 1).get("method"));
            return connect && !run.closed() ? "the connection stays open after CONNECT" : null;
        }
        if (run.messages().size() > expected) {
            return "completed " + run.messages().size() + " messages, expected " + expected
                    + (error != null ? " then " + error : "");
        }
        if ("HPE_CLOSED_CONNECTION".equals(error)) {
            return run.error() != null ? "refused with " + run.error() + " instead of closing"
                    : run.closed() ? null : "bytes after a non-persistent exchange were parsed";
        }
        if (error != null) {
            return run.error() != null ? null : "accepted; llhttp refuses it with " + error;
        }
        return run.error() != null ? "refused with " + run.error() : null;
    }

    @SuppressWarnings("unchecked")
    private static String compare(Map<String, Object> want, Message message) {
        RequestHead h = message.head();
        if (!want.get("method").equals(h.method())) {
            return "method " + h.method() + ", expected " + want.get("method");
        }
        if (!want.get("url").equals(h.target())) {
            return "target " + h.target() + ", expected " + want.get("url");
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
        if (!want.get("keep_alive").equals(message.keepAlive())) {
            return "keep-alive " + message.keepAlive() + ", expected " + want.get("keep_alive");
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
