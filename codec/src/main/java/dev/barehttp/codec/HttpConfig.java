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
 *   <tr><td>{@code maxDrainSize}</td><td>64 KiB</td><td>an unread request body larger than this closes the
 *       connection after the response instead of being read and discarded</td></tr>
 *   <tr><td>{@code headTimeoutMillis}</td><td>10 s</td><td>a request head not complete this long after its
 *       first byte: 408 and close</td></tr>
 *   <tr><td>{@code idleTimeoutMillis}</td><td>60 s</td><td>a keep-alive connection idle this long is closed
 *       quietly</td></tr>
 *   <tr><td>{@code bodyTimeoutMillis}</td><td>30 s</td><td>no request body byte for this long while one is
 *       expected: 408 (or a plain close once the response has begun)</td></tr>
 *   <tr><td>{@code writeTimeoutMillis}</td><td>30 s</td><td>a transport that cannot write for this long closes
 *       the connection</td></tr>
 *   <tr><td>{@code allowBareLf}</td><td>false</td><td>when true, a bare LF ends a line of the request line and
 *       header section (never inside chunked framing); each use is counted in
 *       {@code ServerConnection.violations()}</td></tr>
 *   <tr><td>{@code requireHost}</td><td>true</td><td>an HTTP/1.1 request without exactly one {@code Host}
 *       field: 400 (RFC 9112 section 3.2)</td></tr>
 * </table>
 *
 * <p>Timeouts are in milliseconds; zero or less disables one.
 *
 * @param maxRequestLineLength longest request line, in bytes, not counting CRLF
 * @param maxHeaderSectionSize largest header section, in bytes, counting line endings
 * @param maxHeaderCount most header fields in one request (a trailer section has the same limit of its own)
 * @param maxBodySize largest request body, decoded
 * @param maxChunkLineLength longest chunk-size line, extensions included, not counting CRLF
 * @param maxDrainSize largest unread body discarded to keep a connection alive
 * @param headTimeoutMillis time allowed to receive a request head once it has begun
 * @param idleTimeoutMillis time a keep-alive connection may wait for its next request
 * @param bodyTimeoutMillis time allowed between two reads of request body bytes
 * @param writeTimeoutMillis time a transport waits for a socket to accept output
 * @param allowBareLf accept a bare LF as a line ending in the request head
 * @param requireHost reject HTTP/1.1 requests without exactly one Host field
 */
public record HttpConfig(
        int maxRequestLineLength,
        int maxHeaderSectionSize,
        int maxHeaderCount,
        long maxBodySize,
        int maxChunkLineLength,
        long maxDrainSize,
        long headTimeoutMillis,
        long idleTimeoutMillis,
        long bodyTimeoutMillis,
        long writeTimeoutMillis,
        boolean allowBareLf,
        boolean requireHost) {

    private static final HttpConfig DEFAULTS = new HttpConfig(
            8 * 1024, 16 * 1024, 100, Long.MAX_VALUE, 4 * 1024, 64 * 1024,
            10_000, 60_000, 30_000, 30_000, false, true);

    /** Checks that every limit is positive. */
    public HttpConfig {
        positive("maxRequestLineLength", maxRequestLineLength);
        positive("maxHeaderSectionSize", maxHeaderSectionSize);
        positive("maxHeaderCount", maxHeaderCount);
        positive("maxBodySize", maxBodySize);
        positive("maxChunkLineLength", maxChunkLineLength);
        if (maxDrainSize < 0) {
            throw new IllegalArgumentException("maxDrainSize must not be negative: " + maxDrainSize);
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** The documented defaults. */
    public static HttpConfig defaults() {
        return DEFAULTS;
    }

    /** A copy with another request line limit. */
    public HttpConfig withMaxRequestLineLength(int v) {
        return new HttpConfig(v, maxHeaderSectionSize, maxHeaderCount, maxBodySize, maxChunkLineLength,
                maxDrainSize, headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis, writeTimeoutMillis,
                allowBareLf, requireHost);
    }

    /** A copy with another header section size limit. */
    public HttpConfig withMaxHeaderSectionSize(int v) {
        return new HttpConfig(maxRequestLineLength, v, maxHeaderCount, maxBodySize, maxChunkLineLength,
                maxDrainSize, headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis, writeTimeoutMillis,
                allowBareLf, requireHost);
    }

    /** A copy with another header count limit. */
    public HttpConfig withMaxHeaderCount(int v) {
        return new HttpConfig(maxRequestLineLength, maxHeaderSectionSize, v, maxBodySize, maxChunkLineLength,
                maxDrainSize, headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis, writeTimeoutMillis,
                allowBareLf, requireHost);
    }

    /** A copy with another body size limit. */
    public HttpConfig withMaxBodySize(long v) {
        return new HttpConfig(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, v, maxChunkLineLength,
                maxDrainSize, headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis, writeTimeoutMillis,
                allowBareLf, requireHost);
    }

    /** A copy with another chunk-size line limit. */
    public HttpConfig withMaxChunkLineLength(int v) {
        return new HttpConfig(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, maxBodySize, v,
                maxDrainSize, headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis, writeTimeoutMillis,
                allowBareLf, requireHost);
    }

    /** A copy with another drain limit for unread bodies. */
    public HttpConfig withMaxDrainSize(long v) {
        return new HttpConfig(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, maxBodySize,
                maxChunkLineLength, v, headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis,
                writeTimeoutMillis, allowBareLf, requireHost);
    }

    /** A copy with other timeouts, in milliseconds (zero or less disables one). */
    public HttpConfig withTimeouts(long headMillis, long idleMillis, long bodyMillis, long writeMillis) {
        return new HttpConfig(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, maxBodySize,
                maxChunkLineLength, maxDrainSize, headMillis, idleMillis, bodyMillis, writeMillis,
                allowBareLf, requireHost);
    }

    /** A copy that accepts, or refuses, a bare LF as a line ending in the request head. */
    public HttpConfig withAllowBareLf(boolean v) {
        return new HttpConfig(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, maxBodySize,
                maxChunkLineLength, maxDrainSize, headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis,
                writeTimeoutMillis, v, requireHost);
    }

    /** A copy that requires, or not, a Host field in HTTP/1.1 requests. */
    public HttpConfig withRequireHost(boolean v) {
        return new HttpConfig(maxRequestLineLength, maxHeaderSectionSize, maxHeaderCount, maxBodySize,
                maxChunkLineLength, maxDrainSize, headTimeoutMillis, idleTimeoutMillis, bodyTimeoutMillis,
                writeTimeoutMillis, allowBareLf, v);
    }
}
