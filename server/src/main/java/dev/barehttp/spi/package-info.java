/**
 * For transport authors: the {@link dev.barehttp.spi.Transport} service found with
 * {@link java.util.ServiceLoader}, the settings it starts with, and the connection driver every
 * transport runs, so that a transport only moves bytes, arms timers and runs threads.
 */
package dev.barehttp.spi;
