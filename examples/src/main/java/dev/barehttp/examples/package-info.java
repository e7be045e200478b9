/**
 * Runnable examples for application authors: the demo routes, the echo app and the file server,
 * started by {@link dev.barehttp.examples.Main}.
 */
package dev.barehttp.examples;
