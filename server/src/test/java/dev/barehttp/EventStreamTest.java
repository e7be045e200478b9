package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.codec.Headers;
import dev.barehttp.testing.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-sent events: the text/event-stream format of the HTML standard, section 9.2.6. */
class EventStreamTest {

    private static String encoded(ServerSentEvent e) {
        return new String(e.encode(), StandardCharsets.UTF_8);
    }

    @Test
    void html_9_2_6_fieldsInOrderAndABlankLineDispatches() {
        ServerSentEvent e = ServerSentEvent.of("hello").withId("7").withEvent("greeting").withRetry(Duration.ofSeconds(3));
        assertEquals("id: 7\nevent: greeting\nretry: 3000\ndata: hello\n\n", encoded(e));
    }

    /** Each line of the data is a data field of its own; CR LF, CR and LF all end lines. */
    @Test
    void html_9_2_6_multiLineDataIsSplitIntoDataLines() {
        assertEquals("data: a\ndata: b\ndata: c\ndata: d\n\n", encoded(ServerSentEvent.of("a\r\nb\rc\nd")));
        assertEquals("data: x\ndata: \n\n", encoded(ServerSentEvent.of("x\n")), "a trailing line end survives");
        assertEquals("data: \n\n", encoded(ServerSentEvent.of("")));
    }

    @Test
    void html_9_2_6_idOrEventWithALineEndCouldForgeFieldsAndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ServerSentEvent.of("x").withId("1\ndata: forged"));
        assertThrows(IllegalArgumentException.class, () -> ServerSentEvent.of("x").withEvent("a\rb"));
        assertThrows(IllegalArgumentException.class, () -> ServerSentEvent.of("x").withId("a\u0000b"));
        assertThrows(IllegalArgumentException.class, () -> ServerSentEvent.of("x").withRetry(Duration.ofMillis(-1)));
    }

    /** One flush per event and per comment, so each reaches the client at once. */
    @Test
    void html_9_2_responseIsAnEventStreamFlushedOncePerEvent() throws Exception {
        Response response = EventStream.response(events -> events
                .send(ServerSentEvent.of("one").withId("1"))
                .comment("heartbeat")
                .data("two\nlines")
                .retry(Duration.ofMillis(500)));
        assertEquals(200, response.status());
        assertEquals("text/event-stream", response.headers().get("content-type"));
        assertEquals("no-store", response.headers().get("cache-control"));
        List<String> flushed = new ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
            }

            @Override
            public void flush() {
                flushed.add(sink.toString(StandardCharsets.UTF_8));
                sink.reset();
            }
        };
        ((Response.StreamBody) response.body()).writer().writeTo(out);
        assertEquals(List.of("id: 1\ndata: one\n\n", ": heartbeat\n", "data: two\ndata: lines\n\n", "retry: 500\n\n"),
                flushed);
        assertEquals(0, sink.size(), "nothing is left unflushed");
    }

    @Test
    void html_9_2_4_lastEventIdIsReadFromTheRequest() {
        TestClient client = TestClient.of(request -> Response.ok(String.valueOf(EventStream.lastEventId(request))));
        assertEquals("41", client.send("GET", "/events", Headers.of("Last-Event-ID", "41"), new byte[0]).bodyText());
        assertEquals("null", client.get("/events").bodyText());
    }
}
