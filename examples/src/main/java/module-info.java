/**
 * barehttp's runnable examples: the demo routes, the echo app and the static file server.
 */
module dev.barehttp.examples {
    requires dev.barehttp.codec;
}
