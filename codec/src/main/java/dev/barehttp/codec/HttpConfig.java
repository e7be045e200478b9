package dev.barehttp.codec;

/**
 * Every limit, timeout and tolerance of the codec, in one place.
 *
 * <table>
 *   <caption>Settings, defaults, and what happens past them</caption>
 *   <tr><th>name</th><th>default</th><th>past the limit</th></tr>
 *   <tr><td>{@code maxRequestLineLength}</td><td>8 KiB</td><td>414 URI Too Long</td></tr>
 *   <tr><td>{@code maxHeaderSectionSize}</td><td>16 KiB</td><td>431 Request Header Fields Too Large</td></tr>
 *   <tr><td>{@code maxHeaderCount}</td><td>100</td><td>431 Request Header Fields Too Large</td></tr>
 *   <tr><td>{@code maxBodySize}</td><td>unlimited ({@link Long#MAX_VALUE})</td><td>413 Content Too Large</td></tr>
 *   <tr><td>{@code maxChunkLineLength}</td><td>4 KiB</td><td>400 Bad Request (chunk-size line with extensions)</td></tr>
 *   <tr><td>{@code maxChunkExtensionsSize}</td><td>16 KiB</td><td>400 Bad Request: the chunk extensions of one
 *       request, all chunk lines together, are larger</td></tr>
 *   <tr><td>{@code maxDrainSize}</td><td>64 KiB</td><td>an unread request body with more wire bytes than this left
 *       closes the connection after the response instead of being read and discarded</td></tr>
 *   <tr><td>{@code maxPendingOutput}</td><td>64 KiB</td><td>encoded output waiting for the peer beyond this:
 *       {@code nextEvent()} answers {@code PAUSED} (no further request is started) until it is written</td></tr>
 *   <tr><td>{@code maxBufferedInput}</td><td>64 KiB</td><td>received bytes not yet handed out beyond this:
 *       {@code wantsInput()} is false, so a transport stops reading</td></tr>
 *   <tr><td>{@code headTimeoutMillis}</td><td>10 s</td><td>a request head not complete this long after its
 *       first byte: 408 and close</td></tr>
 *   <tr><td>{@code idleTimeoutMillis}</td><td>60 s</td><td>a keep-alive connection idle this long is closed
 *       quietly</td></tr>
 *   <tr><td>{@code bodyTimeoutMillis}</td><td>30 s</td><td>no request body byte for this long while one is
 *       expected: 408 (or a plain close once the response has begun)</td></tr>
 *   <tr><td>{@code drainTimeoutMillis}</td><td>5 s</td><td>an unread body not discarded this long after its
 *       response ended: the connection closes</td></tr>
 *   <tr><td>{@code minBodyRate}</td><td>256 bytes/s</td><td>a request body (or a drain) arriving slower than this
 *       on average, once {@code bodyRateGraceMillis} have passed: 408 (or a close once the response has begun);
 *       zero disables the check</td></tr>
 *   <tr><td>{@code bodyRateGraceMillis}</td><td>10 s</td><td>how long a body may arrive at any rate before
 *       {@code minBodyRate} applies</td></tr>
 *   <tr><td>{@code writeTimeoutMillis}</td><td>30 s</td><td>a peer that accepts no output byte for this long:
 *       the connection closes (inactivity, not total time)</td></tr>
 *   <tr><td>{@code allowBareLf}</td><td>false</td><td>when true, a bare LF ends a line of the request line and
 *       header section (never inside chunked framing); each use is counted in
 *       {@code ServerConnection.violations()}</td></tr>
 *   <tr><td>{@code requireHost}</td><td>true</td><td>an HTTP/1.1 request without exactly one {@code Host}
 *       field: 400 (RFC 9112 section 3.2)</td></tr>
 * </table>
 *
 * <p>Timeouts are in milliseconds; zero or less disables one. Build one with {@link #builder()} or
 * {@link #toBuilder()}, or change one setting with a {@code with...} method.
 *
 * @param maxRequestLineLength longest request line, in bytes, not counting CRLF
 * @param maxHeaderSectionSize largest header section, in bytes, counting line endings
 * @param maxHeaderCount most header fields in one request (a trailer section has the same limit of its own)
 * @param maxBodySize largest request body, decoded
 * @param maxChunkLineLength longest chunk-size line, extensions included, not counting CRLF
 * @param maxChunkExtensionsSize most chunk-extension bytes in one request, all chunks together
 * @param maxDrainSize largest unread body, in wire bytes, discarded to keep a connection alive
 * @param maxPendingOutput encoded output above which no further request is started
 * @param maxBufferedInput buffered input above which the codec wants no more bytes
 * @param headTimeoutMillis time allowed to receive a request head once it has begun
 * @param idleTimeoutMillis time a keep-alive connection may wait for its next request
 * @param bodyTimeoutMillis time allowed between two reads of request body bytes
 * @param drainTimeoutMillis time allowed to discard an unread body after its response ended
 * @param minBodyRate least average body rate, in bytes per second, once the grace period has passed
 * @param bodyRateGraceMillis time a body may take at any rate
 * @param writeTimeoutMillis time a transport waits for a socket to accept any output
 * @param allowBareLf accept a bare LF as a line ending in the request head
 * @param requireHost reject HTTP/1.1 requests without exactly one Host field
 */
public record HttpConfig(
        int maxRequestLineLength,
        int maxHeaderSectionSize,
        int maxHeaderCount,
        long maxBodySize,
        int maxChunkLineLength,
        int maxChunkExtensionsSize,
        long maxDrainSize,
        int maxPendingOutput,
        int maxBufferedInput,
        long headTimeoutMillis,
        long idleTimeoutMillis,
        long bodyTimeoutMillis,
        long drainTimeoutMillis,
        long minBodyRate,
        long bodyRateGraceMillis,
        long writeTimeoutMillis,
        boolean allowBareLf,
        boolean requireHost) {

    private static final HttpConfig DEFAULTS = new Builder().build();

    /** Checks that every limit is positive. */
    public HttpConfig {
        positive("maxRequestLineLength", maxRequestLineLength);
        positive("maxHeaderSectionSize", maxHeaderSectionSize);
        positive("maxHeaderCount", maxHeaderCount);
        positive("maxBodySize", maxBodySize);
        positive("maxChunkLineLength", maxChunkLineLength);
        positive("maxChunkExtensionsSize", maxChunkExtensionsSize);
        positive("maxPendingOutput", maxPendingOutput);
        positive("maxBufferedInput", maxBufferedInput);
        notNegative("maxDrainSize", maxDrainSize);
        notNegative("minBodyRate", minBodyRate);
        notNegative("bodyRateGraceMillis", bodyRateGraceMillis);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void notNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /** The documented defaults. */
    public static HttpConfig defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with another request line limit. */
    public HttpConfig withMaxRequestLineLength(int v) {
        return toBuilder().maxRequestLineLength(v).build();
    }

    /** A copy with another header section size limit. */
    public HttpConfig withMaxHeaderSectionSize(int v) {
        return toBuilder().maxHeaderSectionSize(v).build();
    }

    /** A copy with another header count limit. */
    public HttpConfig withMaxHeaderCount(int v) {
        return toBuilder().maxHeaderCount(v).build();
    }

    /** A copy with another body size limit. */
    public HttpConfig withMaxBodySize(long v) {
        return toBuilder().maxBodySize(v).build();
    }

    /** A copy with another chunk-size line limit. */
    public HttpConfig withMaxChunkLineLength(int v) {
        return toBuilder().maxChunkLineLength(v).build();
    }

    /** A copy with another drain limit for unread bodies. */
    public HttpConfig withMaxDrainSize(long v) {
        return toBuilder().maxDrainSize(v).build();
    }

    /** A copy with other timeouts, in milliseconds (zero or less disables one). */
    public HttpConfig withTimeouts(long headMillis, long idleMillis, long bodyMillis, long writeMillis) {
        return toBuilder().headTimeoutMillis(headMillis).idleTimeoutMillis(idleMillis).bodyTimeoutMillis(bodyMillis)
                .writeTimeoutMillis(writeMillis).build();
    }

    /** A copy that accepts, or refuses, a bare LF as a line ending in the request head. */
    public HttpConfig withAllowBareLf(boolean v) {
        return toBuilder().allowBareLf(v).build();
    }

    /** A copy that requires, or not, a Host field in HTTP/1.1 requests. */
    public HttpConfig withRequireHost(boolean v) {
        return toBuilder().requireHost(v).build();
    }

    /** Collects settings, starting from the defaults or a given configuration; {@link #build()} checks them. */
    public static final class Builder {
        private int maxRequestLineLength = 8 * 1024;
        private int maxHeaderSectionSize = 16 * 1024;
        private int maxHeaderCount = 100;
        private long maxBodySize = Long.MAX_VALUE;
        private int maxChunkLineLength = 4 * 1024;
        private int maxChunkExtensionsSize = 16 * 1024;
        private long maxDrainSize = 64 * 1024;
        private int maxPendingOutput = 64 * 1024;
        private int maxBufferedInput = 64 * 1024;
        private long headTimeoutMillis = 10_000;
        private long idleTimeoutMillis = 60_000;
        private long bodyTimeoutMillis = 30_000;
        private long drainTimeoutMillis = 5_000;
        private long minBodyRate = 256;
        private long bodyRateGraceMillis = 10_000;
        private long writeTimeoutMillis = 30_000;
        private boolean allowBareLf;
        private boolean requireHost = true;

        private Builder() {
        }

        private Builder(HttpConfig c) {
            maxRequestLineLength = c.maxRequestLineLength;
            maxHeaderSectionSize = c.maxHeaderSectionSize;
            maxHeaderCount = c.maxHeaderCount;
            maxBodySize = c.maxBodySize;
            maxChunkLineLength = c.maxChunkLineLength;
            maxChunkExtensionsSize = c.maxChunkExtensionsSize;
            maxDrainSize = c.maxDrainSize;
            maxPendingOutput = c.maxPendingOutput;
            maxBufferedInput = c.maxBufferedInput;
            headTimeoutMillis = c.headTimeoutMillis;
            idleTimeoutMillis = c.idleTimeoutMillis;
            bodyTimeoutMillis = c.bodyTimeoutMillis;
            drainTimeoutMillis = c.drainTimeoutMillis;
            minBodyRate = c.minBodyRate;
            bodyRateGraceMillis = c.bodyRateGraceMillis;
            writeTimeoutMillis = c.writeTimeoutMillis;
            allowBareLf = c.allowBareLf;
            requireHost = c.requireHost;
        }

        /** See {@link HttpConfig#maxRequestLineLength()}. */
        public Builder maxRequestLineLength(int v) {
            maxRequestLineLength = v;
            return this;
        }

        /** See {@link HttpConfig#maxHeaderSectionSize()}. */
        public Builder maxHeaderSectionSize(int v) {
            maxHeaderSectionSize = v;
            return this;
        }

        /** See {@link HttpConfig#maxHeaderCount()}. */
        public Builder maxHeaderCount(int v) {
            maxHeaderCount = v;
            return this;
        }

        /** See {@link HttpConfig#maxBodySize()}. */
        public Builder maxBodySize(long v) {
            maxBodySize = v;
            return this;
        }

        /** See {@link HttpConfig#maxChunkLineLength()}. */
        public Builder maxChunkLineLength(int v) {
            maxChunkLineLength = v;
            return this;
        }

        /** See {@link HttpConfig#maxChunkExtensionsSize()}. */
        public Builder maxChunkExtensionsSize(int v) {
            maxChunkExtensionsSize = v;
            return this;
        }

        /** See {@link HttpConfig#maxDrainSize()}. */
        public Builder maxDrainSize(long v) {
            maxDrainSize = v;
            return this;
        }

        /** See {@link HttpConfig#maxPendingOutput()}. */
        public Builder maxPendingOutput(int v) {
            maxPendingOutput = v;
            return this;
        }

        /** See {@link HttpConfig#maxBufferedInput()}. */
        public Builder maxBufferedInput(int v) {
            maxBufferedInput = v;
            return this;
        }

        /** See {@link HttpConfig#headTimeoutMillis()}. */
        public Builder headTimeoutMillis(long v) {
            headTimeoutMillis = v;
            return this;
        }

        /** See {@link HttpConfig#idleTimeoutMillis()}. */
        public Builder idleTimeoutMillis(long v) {
            idleTimeoutMillis = v;
            return this;
        }

        /** See {@link HttpConfig#bodyTimeoutMillis()}. */
        public Builder bodyTimeoutMillis(long v) {
            bodyTimeoutMillis = v;
            return this;
        }

        /** See {@link HttpConfig#drainTimeoutMillis()}. */
        public Builder drainTimeoutMillis(long v) {
            drainTimeoutMillis = v;
            return this;
        }

        /** See {@link HttpConfig#minBodyRate()}. */
        public Builder minBodyRate(long v) {
            minBodyRate = v;
            return this;
        }

        /** See {@link HttpConfig#bodyRateGraceMillis()}. */
        public Builder bodyRateGraceMillis(long v) {
            bodyRateGraceMillis = v;
            return this;
        }

        /** See {@link HttpConfig#writeTimeoutMillis()}. */
        public Builder writeTimeoutMillis(long v) {
            writeTimeoutMillis = v;
            return this;
        }

        /** See {@link HttpConfig#allowBareLf()}. */
        public Builder allowBareLf(boolean v) {
            allowBareLf = v;
            return this;
        }

        /** See {@link HttpConfig#requireHost()}. */
        public Builder requireHost(boolean v) {
            requireHost = v;
            return this;
        }

        /** The configuration, checked. */
        public HttpConfig build() {
            return new HttpConfig(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, maxBodySize,
                    maxChunkLineLength, maxChunkExtensionsSize, maxDrainSize, maxPendingOutput, maxBufferedInput,
                    headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis, drainTimeoutMillis, minBodyRate,
                    bodyRateGraceMillis, writeTimeoutMillis, allowBareLf, requireHost);
        }
    }
}
