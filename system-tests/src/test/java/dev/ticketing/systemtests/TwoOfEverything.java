package dev.ticketing.systemtests;

import java.util.List;

import dev.ticketing.infra.stack.LocalStack;
import dev.ticketing.infra.stack.StackSettings;

/**
 * A stack with two instances of every service and of the gateway ({@code ./stack up --replicas 2}), on free ports,
 * for the tests that cross instances. Its own test JVM (the {@code two-of-everything} failsafe execution): it never
 * runs beside the single-instance stack of {@link SystemUnderTest}.
 */
final class TwoOfEverything {

    static final int REPLICAS = 2;
    private static final String HOLD_TTL = "PT10S";

    private static final LocalStack STACK = start();

    private TwoOfEverything() {
    }

    static LocalStack stack() {
        return STACK;
    }

    /** The client of one gateway instance (0 or 1). */
    static HttpApi gateway(int replica) {
        return new HttpApi(STACK.gatewayUrls().get(replica));
    }

    static List<HttpApi> gateways() {
        return STACK.gatewayUrls().stream().map(HttpApi::new).toList();
    }

    private static LocalStack start() {
        // Holds last 10 s here, not the 3 s of the one-instance stack: twelve JVMs share the machine, and a fan's
        // first payment through a gateway and a payment-service that had served nothing yet reached a hold
        // already expired (409 HOLD_EXPIRED) 3 s after it was taken. The expiry scenario waits for it either way.
        StackSettings settings = TestStacks.settings("stack-two-of-everything", REPLICAS)
                .withSetting("HOLD_TTL", HOLD_TTL);
        LocalStack stack = LocalStack.start(settings, message -> System.out.println("[stack x2] " + message));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "two-of-everything-stack-stop"));
        return stack;
    }
}
