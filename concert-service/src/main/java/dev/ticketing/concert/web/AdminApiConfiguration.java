package dev.ticketing.concert.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.ticketing.concert.config.AdminApiProperties;

/** Puts the admin key check in front of every admin endpoint. */
@Configuration(proxyBeanMethods = false)
class AdminApiConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AdminApiConfiguration.class);

    private final AdminKeyVerifier verifier;

    AdminApiConfiguration(AdminApiProperties properties) {
        this.verifier = new AdminKeyVerifier(properties.adminKey());
        if (!verifier.enabled()) {
            log.warn("admin_api=disabled reason=\"ticketing.admin-key (ADMIN_KEY) is empty\" effect=\"every admin request gets 403\"");
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminKeyInterceptor(verifier)).addPathPatterns("/api/v1/admin/**");
    }
}
