package dev.ticketing.gateway.upstream;

import dev.ticketing.instances.AvoidFailedInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.retry.Retry;
import reactor.retry.RetryExhaustedException;

/**
 * Sends a request that an instance of the service failed on to another instance, once ({@code InstanceFailover},
 * placed before {@code ServiceCircuitBreaker} on a route to {@code lb://<service>}): the load balancer picks again,
 * avoiding the instance that failed, so a fan does not see the moment between an instance dying and its health check
 * dropping it. The failed instance is named to the load balancer ({@link AvoidFailedInstance}): left to round robin,
 * the second attempt went to the same dead instance whenever the instance list changed order between the attempts.
 * Only where repeating cannot apply anything twice ({@link UpstreamFailures#anotherInstanceMayAnswer}): a POST only
 * when no connection was made. A service's own answers, sheds and 5xx included, are never repeated.
 * Built on Spring Cloud Gateway's retry filter, which resets the exchange between attempts.
 */
@Component
public class InstanceFailoverGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /** One more instance: with two or more, the second attempt goes elsewhere. */
    static final int ATTEMPTS_ELSEWHERE = 1;

    private final RetryGatewayFilterFactory retries = new RetryGatewayFilterFactory();

    public InstanceFailoverGatewayFilterFactory() {
        super(Object.class);
    }

    @Override
    public GatewayFilter apply(Object config) {
        Retry<ServerWebExchange> failover = Retry.<ServerWebExchange>onlyIf(context -> UpstreamFailures
                        .anotherInstanceMayAnswer(context.applicationContext().getRequest().getMethod(), context.exception()))
                .retryMax(ATTEMPTS_ELSEWHERE)
                .doOnRetry(context -> {
                    avoidFailedInstance(context.applicationContext());
                    retries.reset(context.applicationContext());
                });
        GatewayFilter retrying = retries.apply(null, null, failover);
        // After the last attempt the client gets that attempt's failure (503 or 504), not the retry's wrapper.
        return (exchange, chain) -> retrying.filter(exchange, chain)
                .onErrorMap(RetryExhaustedException.class, e -> e.getCause() != null ? e.getCause() : e);
    }

    private static void avoidFailedInstance(ServerWebExchange exchange) {
        Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
        if (chosen != null && chosen.hasServer()) {
            exchange.getAttributes().put(AvoidFailedInstance.ATTRIBUTE, chosen.getServer());
        }
    }
}
