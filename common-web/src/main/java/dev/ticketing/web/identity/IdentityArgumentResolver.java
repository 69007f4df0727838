package dev.ticketing.web.identity;

import java.util.function.Function;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.ticketing.identity.IdentityHeaders;

/**
 * Gives Spring MVC controllers a parameter of the service's own caller type, read from the gateway's
 * {@link IdentityHeaders}. Declared before the body, the identity is checked before the body is read; a missing or
 * malformed header leaves as {@code MissingIdentity} or {@code MalformedIdentity} for the service's advice.
 */
public final class IdentityArgumentResolver<T> implements HandlerMethodArgumentResolver {

    private final Class<T> type;
    private final Function<IdentityHeaders, T> reader;

    private IdentityArgumentResolver(Class<T> type, Function<IdentityHeaders, T> reader) {
        this.type = type;
        this.reader = reader;
    }

    /** Resolves parameters of exactly {@code type} with {@code reader}. */
    public static <T> IdentityArgumentResolver<T> of(Class<T> type, Function<IdentityHeaders, T> reader) {
        return new IdentityArgumentResolver<>(type, reader);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == type;
    }

    @Override
    public T resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                             NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return reader.apply(request::getHeader);
    }
}
