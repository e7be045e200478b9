package dev.barehttp.codec;

import java.util.Objects;

/**
 * The status line and header section of a response (RFC 9112 sections 4 and 5), as the client
 * role decodes it. An interim (1xx) head comes alone; a final one is followed by the body events.
 *
 * @param status the status code, 100 to 599 (RFC 9110 section 15)
 * @param reason the reason phrase exactly as received, possibly empty; a client should not give it
 *     a meaning (RFC 9112 section 4)
 * @param version the protocol version of the status line
 * @param headers the header fields, names in lower case, in the order received
 */
public record ResponseHead(int status, String reason, HttpVersion version, Headers headers) implements HttpEvent {

    /** Checks the fields: a status from 100 to 599, a reason of field characters only, a version and headers. */
    public ResponseHead {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(reason, "reason");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599: " + status);
        }
        if (!ByteClass.isFieldValue(reason)) {
            throw new IllegalArgumentException("the reason phrase holds CR, LF or another control character");
        }
    }

    /**
     * True for a 1xx other than 101: an interim response (RFC 9110 section 15.2), after which the
     * final one still follows. A 101 ends the exchange: the connection switches protocols.
     */
    public boolean isInterim() {
        return status < 200 && status != 101;
    }
}
