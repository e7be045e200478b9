package dev.barehttp.examples;

import dev.barehttp.Filter;
import dev.barehttp.Handler;
import dev.barehttp.InvocationType;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.RequestHead;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A {@link Filter} that writes a line when a request comes in and one when the handler has answered
 * it, e.g. {@code -> GET /users/7} and {@code <- 200 GET /users/7 in 3 ms}; a handler that throws
 * gets {@code <- failed GET /users/7: IllegalStateException}. The demo sends the lines to
 * {@link System.Logger} at {@code DEBUG}, so they show only when that logger is switched on.
 *
 * <p>While the logger is off the filter is one branch and never blocks, so it declares itself
 * {@link InvocationType#NON_BLOCKING}; while it is on, its lines go to a console or a file, which may
 * block, so the handlers behind it run on threads that may block.
 */
final class LoggingFilter implements Filter {
    private final BooleanSupplier enabled;
    private final Consumer<String> lines;
    private final LongSupplier nanoTime;

    /** Writes its lines to {@code lines} while {@code enabled} says so, timing with {@code nanoTime}. */
    LoggingFilter(BooleanSupplier enabled, Consumer<String> lines, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.lines = lines;
        this.nanoTime = nanoTime;
    }

    /** Writes its lines to the {@code dev.barehttp.examples} logger at {@code DEBUG}. */
    static LoggingFilter toSystemLogger() {
        System.Logger log = System.getLogger("dev.barehttp.examples");
        return new LoggingFilter(() -> log.isLoggable(System.Logger.Level.DEBUG),
                line -> log.log(System.Logger.Level.DEBUG, line), System::nanoTime);
    }

    /** Non-blocking while the logger is off; blocking while it writes lines. */
    @Override
    public InvocationType invocationType(RequestHead head) {
        return enabled.getAsBoolean() ? InvocationType.BLOCKING : InvocationType.NON_BLOCKING;
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        if (!enabled.getAsBoolean()) {
            return next.handle(request); // no line is built for a logger that is off
        }
        String what = request.method() + " " + request.target();
        lines.accept("-> " + what);
        long start = nanoTime.getAsLong();
        try {
            Response response = next.handle(request);
            lines.accept("<- " + response.status() + " " + what + " in " + (nanoTime.getAsLong() - start) / 1_000_000
                    + " ms");
            return response;
        } catch (Exception e) {
            lines.accept("<- failed " + what + ": " + e.getClass().getSimpleName());
            throw e;
        }
    }
}
