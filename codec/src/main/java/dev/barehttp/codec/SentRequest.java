package dev.barehttp.codec;

/**
 * What the client role remembers of a request it sent, to read the response to it: the method
 * decides the framing (HEAD, CONNECT), the rest the persistence and a protocol switch.
 *
 * @param method the request method
 * @param upgrade whether the request carried {@code Upgrade}, so a 101 may answer it
 * @param saysClose whether the request carried {@code Connection: close}
 */
record SentRequest(String method, boolean upgrade, boolean saysClose) {

    /** True when nothing may be pipelined after this request before its response has been read. */
    boolean mayChangeProtocol() {
        return upgrade || method.equals(Methods.CONNECT);
    }
}
