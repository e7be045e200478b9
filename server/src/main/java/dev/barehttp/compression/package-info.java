/**
 * For application authors: {@link dev.barehttp.compression.Compression}, a handler that gzips the
 * responses of another as they are sent, and {@link dev.barehttp.compression.AcceptEncoding}, the
 * reading of a request's preferences it uses.
 */
package dev.barehttp.compression;
