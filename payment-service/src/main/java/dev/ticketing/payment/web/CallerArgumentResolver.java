package dev.ticketing.payment.web;

import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers a {@link Caller} read from X-User-Id (required), X-Token-Id and X-Concert-Id (optional here). */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String userId = request.getHeader(Caller.USER_ID_HEADER);
        if (userId == null || userId.isBlank()) {
            throw new MissingIdentity(Caller.USER_ID_HEADER);
        }
        return new Caller(uuid(Caller.USER_ID_HEADER, userId), optional(request, Caller.TOKEN_ID_HEADER),
                optional(request, Caller.CONCERT_ID_HEADER));
    }

    private static UUID optional(NativeWebRequest request, String header) {
        String value = request.getHeader(header);
        return value == null || value.isBlank() ? null : uuid(header, value);
    }

    private static UUID uuid(String header, String value) {
        try {
            UUID uuid = UUID.fromString(value.trim());
            // UUID.fromString accepts shortened groups such as "1-2-3-4-5"; only the canonical form is an id.
            if (!uuid.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException(value);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new MalformedHeader(header, "a UUID");
        }
    }
}
