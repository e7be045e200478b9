/**
 * barehttp's codec (sans-I/O HTTP/1.1), its server API, and the Transport SPI.
 */
module dev.barehttp.codec {
    exports dev.barehttp;
    exports dev.barehttp.codec;
    exports dev.barehttp.spi;

    uses dev.barehttp.spi.Transport;
}
