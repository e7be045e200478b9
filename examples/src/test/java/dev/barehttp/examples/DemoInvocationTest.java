package dev.barehttp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barehttp.HttpServer;
import dev.barehttp.InvocationType;
import dev.barehttp.Router;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpVersion;
import dev.barehttp.codec.RequestHead;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which demo routes are declared non-blocking, and so answered on the selector thread on nio. */
class DemoInvocationTest {
    private final Router router = DemoApp.router();

    private static RequestHead get(String target) {
        return new RequestHead("GET", target, HttpVersion.HTTP_1_1, Headers.of("Host", "x"), 0);
    }

    @Test
    void thePureRoutesAreDeclaredNonBlockingBehindTheDemosFilters() {
        for (String target : List.of("/", "/plaintext")) {
            assertEquals(InvocationType.NON_BLOCKING, HttpServer.served(router).invocationType(get(target)), target);
        }
    }

    @Test
    void everyOtherRouteMayBlock() {
        for (String target : List.of("/stream", "/events", "/users/7", "/admin", "/ws", "/visits",
                "/plaintext/may-block")) {
            assertEquals(InvocationType.BLOCKING, router.invocationType(get(target)), target);
        }
    }

    @Test
    void theLoggingFilterBlocksOnlyWhileItsLoggerIsOn() {
        LoggingFilter on = new LoggingFilter(() -> true, line -> { }, System::nanoTime);
        LoggingFilter off = new LoggingFilter(() -> false, line -> { }, System::nanoTime);
        assertEquals(InvocationType.BLOCKING, on.invocationType(get("/")));
        assertEquals(InvocationType.NON_BLOCKING, off.invocationType(get("/")));
    }
}
