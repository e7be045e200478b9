package dev.barehttp.benchmarks;

/** The setup check shared by the decode benchmarks: a decoder that fails or stops short is not measured. */
final class DecodeChecks {
    private DecodeChecks() {
    }

    /**
     * Throws unless one pass over {@code sample} produced all its requests and body bytes.
     *
     * @throws IllegalStateException naming the side and what it produced
     */
    static void expect(String side, RequestSamples sample, long requests, long bodyBytes) {
        if (requests != sample.requests() || bodyBytes != sample.bodyBytes()) {
            throw new IllegalStateException(side + " decoded " + requests + " requests and " + bodyBytes
                    + " body bytes from " + sample + ", expected " + sample.requests() + " and " + sample.bodyBytes());
        }
    }
}
