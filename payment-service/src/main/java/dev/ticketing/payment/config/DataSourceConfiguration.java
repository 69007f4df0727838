package dev.ticketing.payment.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pool Boot builds, its connection waits bounded by each request's deadline ({@link DeadlineBoundDataSource}). */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    @Bean
    static BeanPostProcessor deadlineBoundDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof HikariDataSource hikari ? new DeadlineBoundDataSource(hikari) : bean;
            }
        };
    }
}
