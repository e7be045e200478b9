package dev.barehttp.codec;

/** The protocol versions the codec speaks (RFC 9112 section 2.3). */
public enum HttpVersion {
    /** HTTP/1.0: connections close after each exchange unless {@code keep-alive} is asked for. */
    HTTP_1_0("HTTP/1.0"),
    /** HTTP/1.1: connections persist unless either side says {@code close}. */
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** The version as it appears on the wire, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
