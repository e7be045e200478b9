package dev.barehttp.examples;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * WebSocket framing (RFC 6455 section 5), as a server reads and writes it: frames from the client
 * are masked, frames to it are not; lengths take 7, 16 or 64 bits.
 */
final class WebSocketFrames {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** A protocol violation by the client, with the close code to answer it (RFC 6455 section 7.4.1). */
    static final class Violation extends IOException {
        private static final long serialVersionUID = 1L;
        final int closeCode;

        Violation(int closeCode, String message) {
            super(message);
            this.closeCode = closeCode;
        }
    }

    /**
     * One frame as received.
     *
     * @param fin the last frame of its message
     * @param opcode what the frame carries
     * @param payload the unmasked payload
     */
    record Frame(boolean fin, int opcode, byte[] payload) {
        boolean control() {
            return (opcode & 0x8) != 0;
        }
    }

    private WebSocketFrames() {
    }

    /** Reads one frame, or null when the connection ended between frames. */
    static Frame read(InputStream in, int maxPayload) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = readByte(in);
        if ((b0 & 0x70) != 0) {
            throw new Violation(1002, "reserved bits set without an extension (section 5.2)");
        }
        int opcode = b0 & 0x0F;
        boolean fin = (b0 & 0x80) != 0;
        if ((b1 & 0x80) == 0) {
            throw new Violation(1002, "a client frame must be masked (section 5.3)");
        }
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (readByte(in) << 8) | readByte(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte(in);
            }
            if (length < 0) {
                throw new Violation(1002, "a 64-bit length with its most significant bit set (section 5.2)");
            }
        }
        boolean control = (opcode & 0x8) != 0;
        if (control && (length > 125 || !fin)) {
            throw new Violation(1002, "a control frame is at most 125 bytes and never fragmented (section 5.5)");
        }
        if (opcode > PONG || (opcode > BINARY && opcode < CLOSE)) {
            throw new Violation(1002, "an unknown opcode " + opcode);
        }
        if (length > maxPayload) {
            throw new Violation(1009, "a frame of " + length + " bytes is over the limit of " + maxPayload);
        }
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes((int) length);
        if (mask.length < 4 || payload.length < length) {
            throw new EOFException("the connection ended inside a frame");
        }
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new Frame(fin, opcode, payload);
    }

    /** Writes one unfragmented, unmasked frame. */
    static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(n);
        } else if (n <= 0xFFFF) {
            out.write(126);
            out.write(n >>> 8);
            out.write(n & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (((long) n >>> shift) & 0xFF));
            }
        }
        out.write(payload);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the connection ended inside a frame");
        }
        return b;
    }
}
