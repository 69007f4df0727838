package dev.ticketing.queue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import dev.ticketing.web.admin.AdminApiConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(AdminApiConfiguration.class)
public class QueueServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueueServiceApplication.class, args);
    }
}
