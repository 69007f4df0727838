package dev.ticketing.systemtests;

import dev.ticketing.infra.stack.LocalStack;
import dev.ticketing.infra.stack.StackSettings;

/**
 * The one stack of a system-test run, started through the same launcher a person uses, on free ports with
 * its data under target/, and stopped when the test JVM exits. Settings are shortened where scenarios need it.
 */
final class SystemUnderTest {

    static final String ADMIN_KEY = "system-test-admin-key";
    static final int MAX_ACTIVE = 5;
    static final String HOLD_TTL = "PT3S";

    /** Started before the stack, which exports every service's spans to it (PaymentTraceIT reads them). */
    private static final OtlpTraceReceiver TRACES = OtlpTraceReceiver.start();
    private static final LocalStack STACK = start();

    private SystemUnderTest() {
    }

    static LocalStack stack() {
        return STACK;
    }

    static OtlpTraceReceiver traces() {
        return TRACES;
    }

    static HttpApi api() {
        return new HttpApi(STACK.gatewayUrl());
    }

    private static LocalStack start() {
        StackSettings settings = TestStacks.settings("stack", 1)
                .withSetting(StackSettings.TRACING_OTLP_ENDPOINT, TRACES.endpoint());
        LocalStack stack = LocalStack.start(settings, message -> System.out.println("[stack] " + message));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            TRACES.close();
        }, "system-test-stack-stop"));
        return stack;
    }
}
