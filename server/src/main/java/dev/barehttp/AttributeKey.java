package dev.barehttp;

import java.util.Objects;

/**
 * The typed name of a {@link Request} attribute, the way filters hand values to the handlers they
 * wrap. Keys compare by identity, so two libraries choosing the same name never collide:
 *
 * <pre>{@code
 * static final AttributeKey<String> USER = AttributeKey.of("user", String.class);
 *
 * Filter auth = (request, next) -> next.handle(request.withAttribute(USER, "alice"));
 * Handler hello = request -> Response.ok("hello " + request.attribute(USER));
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class AttributeKey<T> {
    private final String name;
    private final Class<T> type;

    private AttributeKey(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** A new key; {@code name} only appears in {@link #toString()}. */
    public static <T> AttributeKey<T> of(String name, Class<T> type) {
        return new AttributeKey<>(name, type);
    }

    /** The name given to {@link #of}. */
    public String name() {
        return name;
    }

    /** The type of the values, checked when a value is attached. */
    public Class<T> type() {
        return type;
    }

    /** {@code value} as a {@code T}, or a {@link ClassCastException} for any other type. */
    T cast(Object value) {
        return type.cast(value);
    }

    @Override
    public String toString() {
        return "AttributeKey[" + name + ": " + type.getSimpleName() + "]";
    }
}
