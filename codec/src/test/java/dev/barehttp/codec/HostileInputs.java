package dev.barehttp.codec;

import static dev.barehttp.codec.Exchanges.ascii;

/**
 * Request bytes crafted to confuse a parser, each named after the attack it comes from. The
 * request-smuggling vectors are the classic CL.TE / TE.CL / TE.TE families (Watchfire 2005,
 * PortSwigger 2019): a front end and a back end that disagree about where a body ends.
 */
final class HostileInputs {
    private HostileInputs() {
    }

    /** Request smuggling CL.TE / TE.CL: both framings present, so two parsers may pick different ones. */
    static final byte[] SMUGGLING_CL_TE = ascii("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nG");

    /** Request smuggling TE.CL with the fields in the other order. */
    static final byte[] SMUGGLING_TE_CL = ascii("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
            + "Content-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n");

    /** Request smuggling TE.TE: a coding list whose final coding is not chunked ("chunked, identity"). */
    static final byte[] SMUGGLING_TE_NOT_LAST = ascii("POST / HTTP/1.1\r\nHost: a\r\n"
            + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n");

    /** Request smuggling TE.TE: an unknown coding name that some parsers match loosely ("xchunked"). */
    static final byte[] SMUGGLING_TE_XCHUNKED = ascii("POST / HTTP/1.1\r\nHost: a\r\n"
            + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n");

    /** Request smuggling TE.TE: whitespace before the colon hides the field from strict parsers only. */
    static final byte[] SMUGGLING_SPACE_BEFORE_COLON = ascii("POST / HTTP/1.1\r\nHost: a\r\n"
            + "Transfer-Encoding : chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n");

    /** Request smuggling TE.TE: the field continued by obs-fold, read by some as "chunked". */
    static final byte[] SMUGGLING_OBS_FOLD_TE = ascii("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n"
            + " chunked\r\n\r\n0\r\n\r\n");

    /** Request smuggling CL.CL: two Content-Length fields that differ. */
    static final byte[] SMUGGLING_CL_CL = ascii("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
            + "Content-Length: 5\r\n\r\nabcde");

    /** Request smuggling: HTTP/1.0 with Transfer-Encoding, which an HTTP/1.0 hop ignores (RFC 9112 section 6.1). */
    static final byte[] SMUGGLING_TE_IN_HTTP_1_0 = ascii("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\n\r\n");

    /** Request smuggling via a bare CR inside a field value that some parsers treat as a line end. */
    static final byte[] BARE_CR_IN_FIELD = ascii("GET / HTTP/1.1\r\nHost: a\rX-Injected: 1\r\n\r\n");

    /** Request smuggling via a bare LF ending the chunk data (the "TERM.EXT" / "chunk LF" variants, 2023). */
    static final byte[] BARE_LF_AFTER_CHUNK_DATA = ascii("POST / HTTP/1.1\r\nHost: a\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n");

    /** Chunk-size overflow: 17 hex digits wrap a 64-bit size to a small number in careless parsers. */
    static final byte[] CHUNK_SIZE_OVERFLOW = ascii("POST / HTTP/1.1\r\nHost: a\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n10000000000000001\r\na\r\n0\r\n\r\n");

    /** Content-Length overflow: 20 digits wrap a 64-bit length in careless parsers. */
    static final byte[] CONTENT_LENGTH_OVERFLOW = ascii("POST / HTTP/1.1\r\nHost: a\r\n"
            + "Content-Length: 18446744073709551617\r\n\r\n");

    /** Header injection: a NUL byte that C-string based parsers treat as the end of the value. */
    static final byte[] NUL_IN_FIELD_VALUE = ascii("GET / HTTP/1.1\r\nHost: a\u0000.evil\r\n\r\n");

    /** Host confusion: two Host fields, so a proxy and the origin may route differently. */
    static final byte[] TWO_HOSTS = ascii("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
}
