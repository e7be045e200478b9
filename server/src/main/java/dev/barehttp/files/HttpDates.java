package dev.barehttp.files;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reading of HTTP-date values (RFC 9110 section 5.6.7) into seconds since the epoch. A recipient
 * must accept all three forms:
 * <pre>
 *   IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT   ; Sun, 06 Nov 1994 08:49:37 GMT
 *   rfc850-date = day-name-l "," SP date2 SP time-of-day SP GMT ; Sunday, 06-Nov-94 08:49:37 GMT
 *   asctime-date = day-name SP date3 SP time-of-day SP year     ; Sun Nov  6 08:49:37 1994
 * </pre>
 * Digits are ASCII only and counted exactly; the day name is not checked against the date (the
 * RFC makes it redundant). Anything else is not a date, and a field holding it is ignored.
 */
final class HttpDates {
    /** What {@link #parse} answers for a value that is not an HTTP-date. */
    static final long INVALID = Long.MIN_VALUE;

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] LONG_DAY_NAMES = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private HttpDates() {
    }

    /** The seconds since the epoch {@code value} names, or {@link #INVALID}. */
    static long parse(String value) {
        if (value == null) {
            return INVALID;
        }
        int comma = value.indexOf(',');
        if (comma == 3 && value.length() == 29 && isOneOf(value, 0, 3, DAY_NAMES)) {
            return imfFixdate(value);
        }
        if (comma > 3 && isOneOf(value, 0, comma, LONG_DAY_NAMES)) {
            return rfc850(value, comma + 1);
        }
        if (comma < 0 && value.length() == 24 && isOneOf(value, 0, 3, DAY_NAMES)) {
            return asctime(value);
        }
        return INVALID;
    }

    /** {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static long imfFixdate(String v) {
        if (!literal(v, 4, " ") || !literal(v, 7, " ") || !literal(v, 11, " ") || !literal(v, 16, " ")
                || !literal(v, 25, " GMT")) {
            return INVALID;
        }
        return epochSeconds(digits(v, 12, 4), month(v, 8), digits(v, 5, 2), v, 17);
    }

    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}; a two-digit year within 50 years from now (RFC 9110 section 5.6.7). */
    private static long rfc850(String v, int at) {
        if (v.length() != at + 23 || !literal(v, at, " ") || !literal(v, at + 3, "-") || !literal(v, at + 7, "-")
                || !literal(v, at + 10, " ") || !literal(v, at + 19, " GMT")) {
            return INVALID;
        }
        int yy = digits(v, at + 8, 2);
        if (yy < 0) {
            return INVALID;
        }
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        int year = thisYear / 100 * 100 + yy;
        if (year > thisYear + 50) {
            year -= 100;
        }
        return epochSeconds(year, month(v, at + 4), digits(v, at + 1, 2), v, at + 11);
    }

    /** {@code Sun Nov  6 08:49:37 1994}: the day is padded with a space. */
    private static long asctime(String v) {
        if (!literal(v, 3, " ") || !literal(v, 7, " ") || !literal(v, 10, " ") || !literal(v, 19, " ")) {
            return INVALID;
        }
        int day = v.charAt(8) == ' ' ? digits(v, 9, 1) : digits(v, 8, 2);
        return epochSeconds(digits(v, 20, 4), month(v, 4), day, v, 11);
    }

    /** The date with the {@code HH:MM:SS} at {@code time}, or INVALID when a part is out of range. */
    private static long epochSeconds(int year, int month, int day, String v, int time) {
        if (!literal(v, time + 2, ":") || !literal(v, time + 5, ":")) {
            return INVALID;
        }
        int hour = digits(v, time, 2);
        int minute = digits(v, time + 3, 2);
        int second = digits(v, time + 6, 2);
        // A leap second (60) is allowed by the grammar; it is counted as the next second.
        if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return INVALID;
        }
        return LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second;
    }

    private static int month(String v, int at) {
        if (at + 3 > v.length()) {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            if (v.startsWith(MONTHS.substring(m * 3, m * 3 + 3), at)) {
                return m + 1;
            }
        }
        return -1;
    }

    /** The {@code count} ASCII digits at {@code at} as a number, or -1. */
    private static int digits(String v, int at, int count) {
        if (at + count > v.length()) {
            return -1;
        }
        int n = 0;
        for (int i = at; i < at + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean literal(String v, int at, String expected) {
        return v.startsWith(expected, at);
    }

    private static boolean isOneOf(String v, int start, int end, String[] names) {
        for (String name : names) {
            if (end - start == name.length() && v.startsWith(name, start)) {
                return true;
            }
        }
        return false;
    }
}
