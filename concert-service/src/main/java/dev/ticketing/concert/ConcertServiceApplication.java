package dev.ticketing.concert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import dev.ticketing.web.admin.AdminApiConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(AdminApiConfiguration.class)
public class ConcertServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConcertServiceApplication.class, args);
    }
}
