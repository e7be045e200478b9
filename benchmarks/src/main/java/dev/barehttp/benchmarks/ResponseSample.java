package dev.barehttp.benchmarks;

/**
 * The response both encoders write: status 200, three header fields, then either a 13-byte body
 * under {@code Content-Length} or four 256-byte chunks. Each side also adds {@code Date}; the
 * setup of {@link EncodeBenchmark} checks that both sides emit the same bytes apart from the date.
 */
final class ResponseSample {
    /** The fixed-length body. */
    static final byte[] BODY = RequestSamples.ascii("Hello, World!");
    /** One chunk of the chunked body. */
    static final byte[] CHUNK = RequestSamples.body(256);
    /** How many chunks the chunked body has. */
    static final int CHUNKS = 4;

    /** The three header fields, as name, value pairs. */
    static final String[] HEADERS = {
        "Content-Type", "text/plain; charset=utf-8",
        "Server", "bench",
        "Cache-Control", "no-store",
    };

    private ResponseSample() {
    }
}
