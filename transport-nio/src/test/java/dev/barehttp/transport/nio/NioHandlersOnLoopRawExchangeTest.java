package dev.barehttp.transport.nio;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.RawExchangeKit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The {@link RawExchangeKit} on the NIO transport with whole requests answered on the selector threads. */
@ExtendWith(NioHandlersOnLoopRawExchangeTest.BlockingHandlersStallTheLoop.class)
class NioHandlersOnLoopRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        return builder.option("nio.handlersOnLoop", "true");
    }

    /**
     * With {@code nio.handlersOnLoop} a handler that blocks stalls every connection of its selector:
     * that is the documented price of the option, so the kit's check of the opposite is skipped here
     * (it runs in {@link NioRawExchangeTest}).
     */
    static final class BlockingHandlersStallTheLoop implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean slowHandlerCheck = context.getTestMethod()
                    .map(m -> m.getName().equals("slowHandlerDoesNotHoldUpOtherConnections")).orElse(false);
            return slowHandlerCheck
                    ? ConditionEvaluationResult.disabled("nio.handlersOnLoop is only for handlers that never block")
                    : ConditionEvaluationResult.enabled("a handler that does not block");
        }
    }
}
