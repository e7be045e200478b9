/**
 * For application authors: {@link dev.barehttp.files.StaticFiles}, a handler serving one directory
 * with validators, conditional requests, byte ranges and pre-compressed siblings, and
 * {@link dev.barehttp.files.ContentTypes}, the extension table it uses.
 */
package dev.barehttp.files;
