package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's WebSocket echo (RFC 6455) against the JDK's own WebSocket client, on every transport:
 * the 101 switch hands the connection's raw bytes to the handler.
 */
class WebSocketEchoTest {

    static java.util.List<String> transports() {
        return RunningServer.transports();
    }

    /** What the client heard: text and binary messages, pongs, and the close. */
    private static final class Recorder implements WebSocket.Listener {
        final LinkedBlockingQueue<Object> heard = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                heard.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            binary.writeBytes(b);
            if (last) {
                heard.add(binary.toByteArray());
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            heard.add("pong:" + StandardCharsets.UTF_8.decode(message));
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            heard.add("close:" + statusCode);
            return null;
        }

        Object next() throws InterruptedException {
            Object o = heard.poll(10, TimeUnit.SECONDS);
            if (o == null) {
                throw new AssertionError("nothing heard within 10 s");
            }
            return o;
        }
    }

    /** RFC 6455 sections 4 and 5: handshake, text, fragmented text, binary, ping/pong, closing handshake. */
    @ParameterizedTest
    @MethodSource("transports")
    void theJdkWebSocketClientTalksToTheEcho(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            Recorder recorder = new Recorder();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(server.uri("/ws").toString().replace("http:", "ws:")), recorder).get(10, TimeUnit.SECONDS);
            ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertEquals("hello", recorder.next());
            ws.sendText("frag", false).get(5, TimeUnit.SECONDS);
            ws.sendText("mented ünïcode", true).get(5, TimeUnit.SECONDS);
            assertEquals("fragmented ünïcode", recorder.next());
            byte[] big = new byte[200_000];
            new java.util.Random(7).nextBytes(big);
            ws.sendBinary(ByteBuffer.wrap(big), true).get(5, TimeUnit.SECONDS);
            assertArrayEquals(big, (byte[]) recorder.next());
            ws.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8))).get(5, TimeUnit.SECONDS);
            assertEquals("pong:are you there", recorder.next());
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            assertEquals("close:1000", recorder.next());
        }
    }

    /** RFC 6455 section 5.1: an unmasked client frame is a protocol error, answered with close code 1002. */
    @ParameterizedTest
    @MethodSource("transports")
    void anUnmaskedFrameIsAnsweredWithCloseCode1002(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport);
             Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            String key = "dGhlIHNhbXBsZSBub25jZQ==";
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {(byte) 0x81, 0x02, 'h', 'i'});
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
            assertTrue(head.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head);
            byte[] close = in.readNBytes(4);
            assertArrayEquals(new byte[] {(byte) 0x88, 0x02, 0x03, (byte) 0xEA}, close);
            assertEquals(-1, in.read(), "the server closes after its close frame");
        }
    }

    /** RFC 6455 section 4.2.1: a request that is not a WebSocket handshake gets a 400, not a switch. */
    @ParameterizedTest
    @MethodSource("transports")
    void aPlainGetIsNotSwitched(String transport) throws Exception {
        try (RunningServer server = RunningServer.start(DemoApp.router(), transport)) {
            assertEquals(400, server.get("/ws").statusCode());
        }
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
