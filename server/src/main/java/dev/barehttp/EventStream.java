package dev.barehttp;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * A stream of server-sent events ({@code text/event-stream}, HTML standard section 9.2), built on
 * {@link Response#stream}: each {@link #send} writes one event and flushes it to the client.
 *
 * <pre>{@code
 * router.get("/quotes", request -> EventStream.response(events -> {
 *     String resumeAfter = EventStream.lastEventId(request);   // null on a first connection
 *     for (Quote quote : quotes.after(resumeAfter)) {
 *         events.send(ServerSentEvent.of(quote.json()).withEvent("quote").withId(quote.id()));
 *     }
 *     events.comment("heartbeat");
 * }));
 * }</pre>
 *
 * The stream ends when the source returns; a client that goes away makes the next {@code send}
 * throw an {@link IOException}, which ends the source. A {@code HEAD} request (answered by the GET
 * route) runs the source too, with its output discarded: a source that never ends should return at
 * once when {@code request.method()} is {@code HEAD}.
 */
public final class EventStream {

    /** Writes the events of one response. */
    @FunctionalInterface
    public interface Source {
        /** Sends events to {@code events} until the stream should end. */
        void writeEvents(EventStream events) throws IOException, InterruptedException;
    }

    private final OutputStream out;

    private EventStream(OutputStream out) {
        this.out = out;
    }

    /**
     * 200 with {@code Content-Type: text/event-stream} and {@code Cache-Control: no-store}, whose body
     * {@code source} writes as events.
     */
    public static Response response(Source source) {
        Objects.requireNonNull(source, "source");
        return Response.stream(200, out -> writeAll(source, new EventStream(out)))
                .withHeader("Content-Type", "text/event-stream")
                .withHeader("Cache-Control", "no-store");
    }

    private static void writeAll(Source source, EventStream events) throws IOException {
        try {
            source.writeEvents(events);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending events", e);
        }
    }

    /**
     * The {@code Last-Event-ID} a reconnecting client sends (the id of the last event it received), or
     * null on a first connection.
     */
    public static String lastEventId(Request request) {
        return request.header("last-event-id");
    }

    /** Writes {@code event} and flushes it. */
    public EventStream send(ServerSentEvent event) throws IOException {
        out.write(event.encode());
        out.flush();
        return this;
    }

    /** Sends a {@code message} event with {@code data}. */
    public EventStream data(String data) throws IOException {
        return send(ServerSentEvent.of(data));
    }

    /** Tells the client to wait {@code delay} before reconnecting, and flushes. */
    public EventStream retry(Duration delay) throws IOException {
        return send(new ServerSentEvent(null, null, null, delay));
    }

    /** Writes {@code text} as comment lines, which clients ignore (a heartbeat), and flushes. */
    public EventStream comment(String text) throws IOException {
        out.write(ServerSentEvent.encodeComment(text));
        out.flush();
        return this;
    }
}
