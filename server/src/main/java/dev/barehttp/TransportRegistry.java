package dev.barehttp;

import dev.barehttp.spi.DriverSettings;
import dev.barehttp.spi.Transport;
import dev.barehttp.spi.TransportOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds transports with {@link ServiceLoader} and picks one by name or by priority. */
final class TransportRegistry {
    static final String ARTIFACTS = "dev.barehttp:barehttp-transport-blocking or dev.barehttp:barehttp-transport-nio";

    private TransportRegistry() {
    }

    /** Every transport on the class path or module path, highest priority first. */
    static List<Transport> available() {
        List<Transport> found = new ArrayList<>();
        ServiceLoader.load(Transport.class, TransportRegistry.class.getClassLoader()).forEach(found::add);
        if (found.isEmpty() && Thread.currentThread().getContextClassLoader() != null) {
            ServiceLoader.load(Transport.class).forEach(found::add);
        }
        found.sort(Comparator.comparingInt(Transport::priority).reversed().thenComparing(Transport::name));
        return found;
    }

    /**
     * The transport named {@code name}, or the highest-priority one when {@code name} is null.
     *
     * @throws IllegalStateException when there is none, when the name is unknown, or when two
     *     transports claim the same name
     */
    static Transport choose(String name) {
        List<Transport> all = available();
        if (all.isEmpty()) {
            throw new IllegalStateException("no barehttp transport found: add " + ARTIFACTS + " to the class path");
        }
        String names = all.stream().map(Transport::name).collect(Collectors.joining(", "));
        long distinct = all.stream().map(Transport::name).distinct().count();
        if (distinct != all.size()) {
            throw new IllegalStateException("two transports share a name; available: " + names);
        }
        if (name == null) {
            return all.get(0);
        }
        return all.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown transport \"" + name + "\"; available: " + names));
    }

    /**
     * Checks {@code options} against what {@code transport} declares.
     *
     * @throws IllegalArgumentException for an unknown name (saying which other transport has it, if
     *     one does) or a bad value; the message lists the transport's valid options
     */
    static void checkOptions(Transport transport, Map<String, String> options) {
        List<TransportOption> declared = new java.util.ArrayList<>(DriverSettings.OPTIONS);
        declared.addAll(transport.options());
        String valid = declared.isEmpty() ? "none"
                : declared.stream().map(o -> o.name() + " (" + o.kind().expected() + ")").collect(Collectors.joining(", "));
        for (Map.Entry<String, String> option : options.entrySet()) {
            TransportOption known = declared.stream().filter(o -> o.name().equals(option.getKey())).findFirst()
                    .orElse(null);
            if (known == null) {
                throw new IllegalArgumentException("unknown option " + option.getKey() + " for the " + transport.name()
                        + " transport" + owner(option.getKey(), transport) + "; valid options: " + valid);
            }
            try {
                known.check(option.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "; valid options of the " + transport.name()
                        + " transport: " + valid, e);
            }
        }
    }

    /** " (an option of the X transport)" when another available transport declares {@code name}. */
    private static String owner(String name, Transport chosen) {
        for (Transport t : available()) {
            if (!t.name().equals(chosen.name()) && t.options().stream().anyMatch(o -> o.name().equals(name))) {
                return " (it is an option of the " + t.name() + " transport)";
            }
        }
        return "";
    }
}
