package dev.barehttp.codec;

import static dev.barehttp.codec.Exchanges.ascii;
import static dev.barehttp.codec.Exchanges.assertRejected;

import org.junit.jupiter.api.Test;

/**
 * Regressions for what the fuzz targets found, each named after the invariant it broke; the input
 * that found it stays in the target's corpus too.
 */
class FuzzFindingsTest {
    private static final HttpConfig LINE_256 = HttpConfig.defaults().toBuilder().maxRequestLineLength(256).build();

    /**
     * RequestDecoderFuzzTest, "same outcome whatever the split": a request line past the limit that ended in a
     * bare LF was 400 (bare LF) when whole and 414 when it came one byte at a time. The limit is now checked
     * first, as if the bytes had arrived one at a time: 414 either way.
     */
    @Test
    void fuzzFinding_overlongRequestLineEndingInBareLfIs414WhateverTheSplit() {
        assertRejected(LINE_256, ascii("GET /" + "a".repeat(300) + " HTTP/1.1\nHost: x\n\n"), 414);
        assertRejected(LINE_256.withAllowBareLf(true), ascii("GET /" + "a".repeat(300) + " HTTP/1.1\nHost: x\n\n"), 414);
        assertRejected(LINE_256, ascii("GET /" + "a".repeat(241) + " HTTP/1.1\n"), 400);
    }
}
