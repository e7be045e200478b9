package dev.barehttp;

import static dev.barehttp.TestRequests.body;
import static dev.barehttp.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.codec.HttpProtocolException;
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

    private Response answer(Exception e) throws Exception {
        return throwing(e).with(mapper).handle(request("GET", "/users/7"));
    }

    @Test
    void theMappingOfTheExceptionsOwnClassWins() throws Exception {
        Response response = answer(new NoSuchElementException());
        assertEquals(404, response.status());
        assertEquals("missing /users/7\n", body(response));
    }

    @Test
    void otherwiseTheNearestSuperclassWinsWhateverTheOrderOfRegistration() throws Exception {
        assertEquals("io\n", body(answer(new FileNotFoundException("x"))));
        assertEquals("generic\n", body(answer(new IllegalStateException())));
    }

    @Test
    void anUnmappedExceptionGoesOnUnchanged() {
        ExceptionMapper narrow = ExceptionMapper.builder().map(IOException.class, (e, r) -> Response.of(503)).build();
        IllegalStateException thrown = new IllegalStateException("boom");
        Exception seen = assertThrows(IllegalStateException.class,
                () -> throwing(thrown).with(narrow).handle(request("GET", "/")));
        assertSame(thrown, seen);
    }

    @Test
    void exceptionsCarryingAStatusAreNotCaughtByACatchAllMapping() throws Exception {
        assertThrows(HttpException.class, () -> answer(HttpException.forbidden("no")));
        assertThrows(HttpProtocolException.class, () -> answer(HttpProtocolException.badRequest("no")));
    }

    @Test
    void exceptionsCarryingAStatusAreMappedByAMappingForTheirOwnClass() throws Exception {
        ExceptionMapper json = ExceptionMapper.builder()
                .map(HttpException.class, (e, r) -> Response.bytes(e.status(), "application/json",
                        ("{\"error\": " + e.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        Response response = throwing(HttpException.conflict("taken")).with(json).handle(request("GET", "/"));
        assertEquals(409, response.status());
        assertEquals("{\"error\": 409}", body(response));
    }

    @Test
    void mappingATypeTwiceIsRefused() {
        ExceptionMapper.Builder builder = ExceptionMapper.builder().map(IOException.class, (e, r) -> Response.of(503));
        assertThrows(IllegalArgumentException.class, () -> builder.map(IOException.class, (e, r) -> Response.of(500)));
    }
}
