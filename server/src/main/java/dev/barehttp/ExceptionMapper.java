package dev.barehttp;

import dev.barehttp.codec.HttpProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Filter} that turns exceptions thrown below it into responses, by type: the mapping of the
 * exception's own class wins, else that of its nearest superclass that has one.
 *
 * <pre>{@code
 * ExceptionMapper errors = ExceptionMapper.builder()
 *         .map(NoSuchElementException.class, (e, request) -> Response.text(Status.NOT_FOUND, e.getMessage()))
 *         .map(IllegalArgumentException.class, (e, request) -> Response.text(Status.BAD_REQUEST, e.getMessage()))
 *         .map(Exception.class, (e, request) -> Response.text(Status.INTERNAL_SERVER_ERROR, "sorry\n"))
 *         .build();
 * Router router = Router.builder().filter(errors)...
 * }</pre>
 *
 * <ul>
 *   <li>Only superclasses count, not interfaces: one exception always has one answer.</li>
 *   <li>An exception without a mapping goes on up unchanged (to the server's own answer, a 500).</li>
 *   <li>{@link HttpException} and {@link HttpProtocolException} carry the status the code that threw
 *       them chose, so only a mapping for their own class applies to them, never one for
 *       {@code RuntimeException} or {@code Exception}.</li>
 *   <li>An exception mapped to a 5xx response is a failure: it is logged once, at {@code WARNING},
 *       through {@link System.Logger} {@code dev.barehttp}. One mapped to anything else is an answer
 *       the application chose and is not logged.</li>
 *   <li>Errors ({@link Error}) are not mapped, and neither is what a streamed body's writer throws
 *       after the handler has returned.</li>
 * </ul>
 */
public final class ExceptionMapper implements Filter {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");

    /**
     * The answer to one type of exception.
     *
     * @param <E> the exception type
     */
    @FunctionalInterface
    public interface Mapping<E extends Exception> {
        /** The response for {@code exception}, thrown while answering {@code request}. */
        Response map(E exception, Request request) throws Exception;
    }

    private final Map<Class<?>, Mapping<?>> mappings;

    private ExceptionMapper(Map<Class<?>, Mapping<?>> mappings) {
        this.mappings = Map.copyOf(mappings);
    }

    /** A builder with no mapping yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Calls {@code next}, and answers what it throws with the mapping for the exception's type. */
    @Override
    public Response filter(Request request, Handler next) throws Exception {
        try {
            return next.handle(request);
        } catch (Exception e) {
            Mapping<Exception> mapping = mappingFor(e.getClass());
            if (mapping == null) {
                throw e;
            }
            Response response = mapping.map(e, request);
            if (response == null) {
                throw new IllegalStateException("the mapping for " + e.getClass().getName() + " returned no response", e);
            }
            if (response.status() >= 500) {
                LOG.log(System.Logger.Level.WARNING, "failed: " + request + " (answered " + response.status() + ")", e);
            }
            return response;
        }
    }

    /** The mapping of {@code type} or its nearest superclass, or null. */
    @SuppressWarnings("unchecked")
    private Mapping<Exception> mappingFor(Class<?> type) {
        boolean carriesStatus = HttpException.class.isAssignableFrom(type)
                || HttpProtocolException.class.isAssignableFrom(type);
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Mapping<?> found = mappings.get(c);
            if (found != null) {
                return (Mapping<Exception>) found;
            }
            if (carriesStatus && (c == HttpException.class || c == HttpProtocolException.class)) {
                return null;
            }
        }
        return null;
    }

    /** Collects mappings; {@link #build()} makes the immutable mapper. */
    public static final class Builder {
        private final Map<Class<?>, Mapping<?>> mappings = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Answers exceptions of {@code type} (and its subclasses without a mapping of their own) with
         * {@code mapping}.
         *
         * @throws IllegalArgumentException when {@code type} already has a mapping
         */
        public <E extends Exception> Builder map(Class<E> type, Mapping<? super E> mapping) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(mapping, "mapping");
            if (mappings.containsKey(type)) {
                throw new IllegalArgumentException(type.getName() + " is mapped twice");
            }
            mappings.put(type, mapping);
            return this;
        }

        /** The mapper. */
        public ExceptionMapper build() {
            return new ExceptionMapper(mappings);
        }
    }
}
