/**
 * For application authors: {@link dev.barehttp.HttpServer}, {@link dev.barehttp.Handler},
 * {@link dev.barehttp.Request}, {@link dev.barehttp.Response} and {@link dev.barehttp.Router}; composed
 * with {@link dev.barehttp.Filter}s that pass values in {@link dev.barehttp.AttributeKey typed request
 * attributes}; errors answered by {@link dev.barehttp.HttpException} and an
 * {@link dev.barehttp.ExceptionMapper}; {@link dev.barehttp.Status} names, cookies ({@link dev.barehttp.Cookie},
 * {@link dev.barehttp.SetCookie}), server-sent events ({@link dev.barehttp.EventStream}) and an
 * {@link dev.barehttp.AccessLog}. Add one transport artifact to the class path and start a server;
 * nothing here depends on which.
 */
package dev.barehttp;
