package dev.ticketing.reservation.hold.adapter.web;

import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads the identity the gateway forwards from a verified queue token into {@link Caller} or
 * {@link TokenHolder} parameters. Services trust only these headers; one that is missing means the request
 * bypassed the gateway's check (401), one that is not a UUID is a bad request (400). Declared before the body,
 * the identity is checked before the body is read.
 */
class IdentityHeaders implements HandlerMethodArgumentResolver {

    static final String USER_ID = "X-User-Id";
    static final String CONCERT_ID = "X-Concert-Id";
    static final String TOKEN_ID = "X-Token-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class || parameter.getParameterType() == TokenHolder.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        UUID userId = required(request, USER_ID);
        if (parameter.getParameterType() == Caller.class) {
            return new Caller(userId);
        }
        return new TokenHolder(userId, required(request, CONCERT_ID), required(request, TOKEN_ID));
    }

    private static UUID required(NativeWebRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw new MissingIdentity(header);
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedIdentity(header);
        }
    }
}
