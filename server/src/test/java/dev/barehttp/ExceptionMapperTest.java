package dev.barehttp;

import static dev.barehttp.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ExceptionMapperTest {
    private final ExceptionMapper mapper = ExceptionMapper.builder()
            .map(Exception.class, (e, r) -> Response.text(500, "generic\n"))
            .map(IOException.class, (e, r) -> Response.text(503, "io\n"))
            .map(NoSuchElementException.class, (e, r) -> Response.text(404, "missing " + r.path() + "\n"))
            .build();

    private static Handler throwing(Exception e) {
        return request -> {
            throw e;
        };
    }

    /** The answer to {@code GET /users/7} from a handler that throws {@code e} inside the mapper. */
    private TestResponse answer(Exception e) {
        return TestClient.of(throwing(e).with(mapper)).get("/users/7");
    }

    @Test
    void theMappingOfTheExceptionsOwnClassWins() {
        TestResponse response = answer(new NoSuchElementException());
        assertEquals(404, response.status());
        assertEquals("missing /users/7\n", response.bodyText());
    }

    @Test
    void otherwiseTheNearestSuperclassWinsWhateverTheOrderOfRegistration() {
        assertEquals("io\n", answer(new FileNotFoundException("x")).bodyText());
        assertEquals("generic\n", answer(new IllegalStateException()).bodyText());
    }

    @Test
    void anUnmappedExceptionGoesOnUnchanged() {
        ExceptionMapper narrow = ExceptionMapper.builder().map(IOException.class, (e, r) -> Response.of(503)).build();
        IllegalStateException thrown = new IllegalStateException("boom");
        Exception seen = assertThrows(IllegalStateException.class,
                () -> throwing(thrown).with(narrow).handle(request("GET", "/")));
        assertSame(thrown, seen);
    }

    /** They go on to the server, which answers with their status rather than the catch-all's "generic" 500. */
    @Test
    void exceptionsCarryingAStatusAreNotCaughtByACatchAllMapping() {
        assertEquals(403, answer(HttpException.forbidden("no")).status());
        assertEquals(400, answer(HttpProtocolException.badRequest("no")).status());
    }

    @Test
    void exceptionsCarryingAStatusAreMappedByAMappingForTheirOwnClass() throws Exception {
        ExceptionMapper json = ExceptionMapper.builder()
                .map(HttpException.class, (e, r) -> Response.bytes(e.status(), "application/json",
                        ("{\"error\": " + e.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        TestResponse response = TestClient.of(throwing(HttpException.conflict("taken")).with(json)).get("/");
        assertEquals(409, response.status());
        assertEquals("{\"error\": 409}", response.bodyText());
    }

    @Test
    void mappingATypeTwiceIsRefused() {
        ExceptionMapper.Builder builder = ExceptionMapper.builder().map(IOException.class, (e, r) -> Response.of(503));
        assertThrows(IllegalArgumentException.class, () -> builder.map(IOException.class, (e, r) -> Response.of(500)));
    }
}
