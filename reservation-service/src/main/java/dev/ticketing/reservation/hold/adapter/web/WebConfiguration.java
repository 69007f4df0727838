package dev.ticketing.reservation.hold.adapter.web;

import static dev.ticketing.identity.IdentityHeaders.CONCERT_ID;
import static dev.ticketing.identity.IdentityHeaders.TOKEN_ID;
import static dev.ticketing.identity.IdentityHeaders.USER_ID;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.ticketing.web.identity.IdentityArgumentResolver;

/** Lets controllers take a {@link Caller} or a {@link TokenHolder}, read from the gateway's identity headers. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(IdentityArgumentResolver.of(Caller.class, headers -> new Caller(headers.required(USER_ID))));
        resolvers.add(IdentityArgumentResolver.of(TokenHolder.class, headers -> new TokenHolder(
                headers.required(USER_ID), headers.required(CONCERT_ID), headers.required(TOKEN_ID))));
    }
}
