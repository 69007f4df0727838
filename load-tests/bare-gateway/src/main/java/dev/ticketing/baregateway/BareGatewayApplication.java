package dev.ticketing.baregateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway with the real gateway's routes and HTTP client settings and nothing of its own: what a
 * request costs through Spring Cloud Gateway itself, so that load-tests/bench.sh can state the real gateway's
 * figures as a ratio to it. Client-sent X-User-Id / X-Concert-Id / X-Token-Id pass through unchanged, so a wrk
 * script that sets them (as the real gateway would) reaches the services the same way.
 */
@SpringBootApplication
public class BareGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareGatewayApplication.class, args);
    }
}
