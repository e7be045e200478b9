package dev.barehttp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One event of an {@link EventStream} (the {@code text/event-stream} format of the HTML standard,
 * section 9.2 "Server-sent events"): optional {@code id}, {@code event} name and {@code retry}
 * delay, and the {@code data}, which may span lines.
 *
 * <pre>{@code
 * ServerSentEvent.of("{\"price\": 42}").withEvent("quote").withId("17")
 * }</pre>
 *
 * @param id the event id the client echoes in {@code Last-Event-ID} on reconnect, or null
 * @param event the event type (the client's default is {@code message}), or null
 * @param data the data, or null for an event without data (which only sets id or retry);
 *     CR LF, CR and LF all end a line, and each line becomes its own {@code data} field
 * @param retry the reconnection delay the client should use, or null
 */
public record ServerSentEvent(String id, String event, String data, Duration retry) {

    /**
     * Checks that no field can break the stream's framing.
     *
     * @throws IllegalArgumentException for an id or event with CR or LF, an id with NUL (which the
     *     client would ignore), or a negative retry
     */
    public ServerSentEvent {
        if (id != null && (hasLineEnd(id) || id.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("an event id holds no CR, LF or NUL: " + id);
        }
        if (event != null && hasLineEnd(event)) {
            throw new IllegalArgumentException("an event name holds no CR or LF: " + event);
        }
        if (retry != null && retry.isNegative()) {
            throw new IllegalArgumentException("retry must not be negative: " + retry);
        }
    }

    /** An event with {@code data} only (a {@code message} event). */
    public static ServerSentEvent of(String data) {
        return new ServerSentEvent(null, null, data, null);
    }

    /** A copy with {@code id}. */
    public ServerSentEvent withId(String newId) {
        return new ServerSentEvent(newId, event, data, retry);
    }

    /** A copy with the event type {@code name}. */
    public ServerSentEvent withEvent(String name) {
        return new ServerSentEvent(id, name, data, retry);
    }

    /** A copy with a reconnection delay. */
    public ServerSentEvent withRetry(Duration delay) {
        return new ServerSentEvent(id, event, data, delay);
    }

    /** The event as the stream carries it, in UTF-8, ending with the blank line that dispatches it. */
    public byte[] encode() {
        StringBuilder sb = new StringBuilder(32 + (data == null ? 0 : data.length()));
        if (id != null) {
            sb.append("id: ").append(id).append('\n');
        }
        if (event != null) {
            sb.append("event: ").append(event).append('\n');
        }
        if (retry != null) {
            sb.append("retry: ").append(retry.toMillis()).append('\n');
        }
        if (data != null) {
            appendLines(sb, "data: ", data);
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line per line of {@code text}: clients ignore them, so they keep idle connections alive. */
    static byte[] encodeComment(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 4);
        appendLines(sb, ": ", text);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code prefix} and each line of {@code text} (split at CR LF, CR or LF), each ended by LF. */
    private static void appendLines(StringBuilder sb, String prefix, String text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                sb.append(prefix).append(text, start, i).append('\n');
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        sb.append(prefix).append(text, start, text.length()).append('\n');
    }

    private static boolean hasLineEnd(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }

    /** The event as the stream carries it. */
    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }
}
