package dev.ticketing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(RealInfrastructureIT.Empty.class)
@RealInfrastructure(database = "probe_db")
class RealInfrastructureIT {

    @Configuration
    static class Empty {
    }

    @Autowired
    Environment environment;

    @Test
    void pointsSpringAtAReachableDatabaseWithItsOwnUser() throws Exception {
        try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"))) {
            assertThat(connection.getCatalog()).isEqualTo("probe_db");
        }
    }

    @Test
    void pointsSpringAtAReachableKafkaBroker() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", environment.getRequiredProperty("spring.kafka.bootstrap-servers")))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void pointsSpringAtAReachableRedis() throws Exception {
        try (Socket socket = new Socket(environment.getRequiredProperty("spring.data.redis.host"),
                environment.getRequiredProperty("spring.data.redis.port", Integer.class))) {
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void givesTheSameServersToEveryCaller() {
        assertThat(TestInfrastructure.get()).isSameAs(TestInfrastructure.get());
        assertThat(TestInfrastructure.get().database("probe_db")).isEqualTo(TestInfrastructure.get().database("probe_db"));
    }
}
