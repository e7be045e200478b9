/**
 * For application authors: {@link dev.barehttp.HttpServer}, {@link dev.barehttp.Handler},
 * {@link dev.barehttp.Request}, {@link dev.barehttp.Response} and {@link dev.barehttp.Router}. Add one
 * transport artifact to the class path and start a server; nothing here depends on which.
 */
package dev.barehttp;
