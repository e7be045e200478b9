package dev.barehttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StatusTest {

    /** RFC 9110 section 15: each constant is named after its code's reason phrase, in upper snake case. */
    @Test
    void rfc9110_15_everyConstantIsNamedAfterItsReasonPhrase() throws Exception {
        int checked = 0;
        for (Field f : Status.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) {
                continue;
            }
            int code = f.getInt(null);
            if (code == Status.USE_PROXY) {
                continue; // deprecated by RFC 9110 section 15.4.6; the codec sends no phrase for it
            }
            String expected = Status.reasonPhrase(code).toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            assertEquals(expected, f.getName(), "constant for " + code);
            checked++;
        }
        assertTrue(checked >= 45, "checked " + checked);
    }

    @Test
    void rfc9110_15_5_5_constantsHaveTheirCodes() {
        assertEquals(404, Status.NOT_FOUND);
        assertEquals(308, Status.PERMANENT_REDIRECT);
        assertEquals(422, Status.UNPROCESSABLE_CONTENT);
        assertEquals("Content Too Large", Status.reasonPhrase(Status.CONTENT_TOO_LARGE));
    }
}
