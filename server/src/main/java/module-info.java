/**
 * barehttp's server: the application API ({@code dev.barehttp}, with static files in
 * {@code dev.barehttp.files} and gzip in {@code dev.barehttp.compression}), the transport SPI and the one
 * connection driver every transport shares ({@code dev.barehttp.spi}), and an in-memory client for testing
 * handlers ({@code dev.barehttp.testing}). An application depends on a
 * transport module, which requires this one transitively.
 */
module dev.barehttp.server {
    requires transitive dev.barehttp.codec;

    exports dev.barehttp;
    exports dev.barehttp.compression;
    exports dev.barehttp.files;
    exports dev.barehttp.spi;
    exports dev.barehttp.testing;

    uses dev.barehttp.spi.Transport;
}
