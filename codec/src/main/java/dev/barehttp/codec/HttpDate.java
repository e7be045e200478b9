package dev.barehttp.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} field value in IMF-fixdate (RFC 9110 section 5.6.7), formatted at most once per
 * second and shared by every connection.
 */
public final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Stamp(long second, String text, byte[] bytes) {
    }

    private static volatile Stamp current = stamp(System.currentTimeMillis() / 1000);

    private HttpDate() {
    }

    /** The given time, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String format(long epochMillis) {
        return IMF_FIXDATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The current time, from a value refreshed at most once a second. */
    public static String now() {
        return fresh().text;
    }

    static byte[] nowBytes() {
        return fresh().bytes;
    }

    private static Stamp fresh() {
        long second = System.currentTimeMillis() / 1000;
        Stamp s = current;
        if (s.second != second) {
            s = stamp(second);
            current = s;
        }
        return s;
    }

    private static Stamp stamp(long second) {
        String text = format(second * 1000);
        return new Stamp(second, text, text.getBytes(StandardCharsets.US_ASCII));
    }
}
