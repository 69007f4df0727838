package dev.ticketing.messaging.testapp;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The test application reaches its database through a {@link DatabaseLink}, which a test can cut. */
@Configuration(proxyBeanMethods = false)
class LinkedDataSource {

    @Bean(destroyMethod = "close")
    DatabaseLink databaseLink(DataSourceProperties properties) {
        return DatabaseLink.to(properties.determineUrl());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, DatabaseLink link) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class)
                .url(link.through(properties.determineUrl())).build();
    }
}
