package dev.barehttp.examples;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A WebSocket echo (RFC 6455): the opening handshake answered with {@code 101}, then every text or
 * binary message sent back whole (fragmented ones reassembled), pings answered with pongs, and the
 * closing handshake echoed. Runs on the raw streams the server hands over after the switch.
 */
final class WebSocketEcho implements Handler {
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_MESSAGE = 1024 * 1024;

    @Override
    public Response handle(Request request) {
        String key = request.header("sec-websocket-key");
        if (!request.method().equals("GET") || key == null || !isKey(key)
                || !request.head().headers().containsToken("upgrade", "websocket")
                || !request.head().headers().containsToken("connection", "upgrade")) {
            return Response.text(400, "a WebSocket opening handshake is expected here (RFC 6455 section 4.1)\n");
        }
        if (!"13".equals(request.header("sec-websocket-version"))) {
            return Response.text(426, "WebSocket version 13 only\n").withHeader("Sec-WebSocket-Version", "13");
        }
        return Response.upgrade("websocket", WebSocketEcho::echo).withHeader("Sec-WebSocket-Accept", accept(key));
    }

    /** The key is 16 random bytes in base64 (section 4.1). */
    private static boolean isKey(String key) {
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Section 4.2.2: base64 of the SHA-1 of the key and the protocol's GUID. */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static void echo(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageType = -1;
        try {
            for (WebSocketFrames.Frame f; (f = WebSocketFrames.read(in, MAX_MESSAGE)) != null; ) {
                if (f.control()) {
                    if (!control(f, out)) {
                        return;
                    }
                    continue;
                }
                if ((f.opcode() == WebSocketFrames.CONTINUATION) != (messageType >= 0)) {
                    throw new WebSocketFrames.Violation(1002, "a continuation without a message, or a new message "
                            + "inside one (section 5.4)");
                }
                if (messageType < 0) {
                    messageType = f.opcode();
                }
                if (message.size() + f.payload().length > MAX_MESSAGE) {
                    throw new WebSocketFrames.Violation(1009, "a message over " + MAX_MESSAGE + " bytes");
                }
                message.write(f.payload());
                if (f.fin()) {
                    byte[] whole = message.toByteArray();
                    if (messageType == WebSocketFrames.TEXT && !isUtf8(whole)) {
                        throw new WebSocketFrames.Violation(1007, "a text message that is not UTF-8 (section 8.1)");
                    }
                    WebSocketFrames.write(out, messageType, whole);
                    out.flush();
                    message.reset();
                    messageType = -1;
                }
            }
        } catch (WebSocketFrames.Violation v) {
            close(out, v.closeCode);
        }
    }

    /** Answers a control frame; false once the closing handshake is done. */
    private static boolean control(WebSocketFrames.Frame f, OutputStream out) throws IOException {
        switch (f.opcode()) {
            case WebSocketFrames.PING -> {
                WebSocketFrames.write(out, WebSocketFrames.PONG, f.payload());
                out.flush();
                return true;
            }
            case WebSocketFrames.PONG -> {
                return true;
            }
            default -> {
                if (f.payload().length == 1) {
                    throw new WebSocketFrames.Violation(1002, "a close frame with a one-byte body (section 5.5.1)");
                }
                WebSocketFrames.write(out, WebSocketFrames.CLOSE, f.payload().length >= 2
                        ? new byte[] {f.payload()[0], f.payload()[1]} : new byte[0]);
                out.flush();
                return false;
            }
        }
    }

    private static void close(OutputStream out, int code) throws IOException {
        WebSocketFrames.write(out, WebSocketFrames.CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
        out.flush();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
