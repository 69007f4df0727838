package dev.ticketing.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Puts {@link RequestBodyLimit} in front of every Spring MVC service (a Filter bean covers every path). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.Filter")
public class ServletRequestLimits {

    @Bean
    RequestBodyLimit requestBodyLimit() {
        return new RequestBodyLimit(RequestBodyLimit.DEFAULT_MAX_BYTES);
    }
}
