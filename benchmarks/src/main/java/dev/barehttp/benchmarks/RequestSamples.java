package dev.barehttp.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The request inputs both decoders are fed, byte for byte the same on each side.
 *
 * <p>Each sample knows how many requests it holds and how many body bytes they carry, so a
 * benchmark can check at setup that a decoder saw exactly that and not, say, an error.
 */
public enum RequestSamples {
    /** Case 1: the smallest valid HTTP/1.1 request, {@code GET /} with only {@code Host}. */
    HOST_ONLY(ascii("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"), 1, 0),

    /** Case 2: a GET as a desktop browser sends it, 12 header fields, about 500 bytes. */
    BROWSER_GET(Browser.GET, 1, 0),

    /** Case 3: a POST with {@code Content-Length} and a 1 KiB body. */
    POST_1K(post1k(), 1, 1024),

    /** Case 4: a chunked POST of 4 chunks of 256 bytes. */
    CHUNKED_POST(chunkedPost(), 1, 1024),

    /** Case 5: 16 copies of case 2 in one buffer, as a pipelining client sends them. */
    PIPELINED_16(repeat(Browser.GET, 16), 16, 0);

    private final byte[] bytes;
    private final int requests;
    private final int bodyBytes;

    RequestSamples(byte[] bytes, int requests, int bodyBytes) {
        this.bytes = bytes;
        this.requests = requests;
        this.bodyBytes = bodyBytes;
    }

    /** The raw bytes of the sample; callers must not change them. */
    public byte[] bytes() {
        return bytes;
    }

    /** How many requests the bytes hold. */
    public int requests() {
        return requests;
    }

    /** The decoded body bytes of all its requests together. */
    public int bodyBytes() {
        return bodyBytes;
    }

    /** Holder so the browser GET can be used by two constants during enum initialisation. */
    private static final class Browser {
        static final byte[] GET = ascii("GET /articles/2024/http-parsing?page=2&sort=recent HTTP/1.1\r\n"
                + "Host: www.example.com\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Accept-Language: en-US,en;q=0.5\r\n"
                + "Accept-Encoding: gzip, deflate, br\r\n"
                + "Referer: https://www.example.com/articles/2024\r\n"
                + "Connection: keep-alive\r\n"
                + "Cookie: session=4f2a9c1e7b3d8a60; theme=dark\r\n"
                + "Upgrade-Insecure-Requests: 1\r\n"
                + "Sec-Fetch-Dest: document\r\n"
                + "Sec-Fetch-Mode: navigate\r\n"
                + "Sec-Fetch-Site: same-origin\r\n"
                + "\r\n");
    }

    private static byte[] post1k() {
        byte[] body = body(1024);
        String head = "POST /api/items HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: 1024\r\n\r\n";
        return concat(ascii(head), body);
    }

    private static byte[] chunkedPost() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("POST /api/items HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"));
        byte[] chunk = body(256);
        for (int i = 0; i < 4; i++) {
            out.writeBytes(ascii("100\r\n"));
            out.writeBytes(chunk);
            out.writeBytes(ascii("\r\n"));
        }
        out.writeBytes(ascii("0\r\n\r\n"));
        return out.toByteArray();
    }

    /** Printable filler, so a body shown in a debugger is readable. */
    static byte[] body(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    private static byte[] repeat(byte[] one, int times) {
        byte[] all = new byte[one.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        return all;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
