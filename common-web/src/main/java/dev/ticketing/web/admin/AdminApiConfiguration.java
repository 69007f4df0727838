package dev.ticketing.web.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin API's key check, imported by the services that have one ({@code @Import(AdminApiConfiguration.class)}),
 * not auto-configured: elsewhere {@code /api/v1/admin/**} stays a plain 404. On Spring MVC an interceptor guards
 * every {@code /api/v1/admin/**} request; WebFlux controllers call {@link AdminKeyVerifier#requireAdmin} themselves.
 * Either way a refusal is answered by the shared problem handling.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminApiProperties.class)
public class AdminApiConfiguration {

    public static final String ADMIN_PATHS = "/api/v1/admin/**";

    private static final Logger log = LoggerFactory.getLogger(AdminApiConfiguration.class);

    @Bean
    AdminKeyVerifier adminKeyVerifier(AdminApiProperties properties) {
        AdminKeyVerifier verifier = new AdminKeyVerifier(properties.adminKey());
        if (!verifier.enabled()) {
            log.warn("admin_api=disabled reason=\"ticketing.admin-key (ADMIN_KEY) is empty\" effect=\"every admin request gets 403\"");
        }
        return verifier;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class ServletAdminKeyCheck implements WebMvcConfigurer {

        private final AdminKeyVerifier verifier;

        ServletAdminKeyCheck(AdminKeyVerifier verifier) {
            this.verifier = verifier;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new AdminKeyInterceptor(verifier)).addPathPatterns(ADMIN_PATHS);
        }
    }
}
