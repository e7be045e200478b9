/**
 * barehttp's runnable examples: the demo routes, the echo app and the static file server. The
 * transport is found at run time, so either transport module on the module path serves them.
 */
module dev.barehttp.examples {
    requires dev.barehttp.server;
}
