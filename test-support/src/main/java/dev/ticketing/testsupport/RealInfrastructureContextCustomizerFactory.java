package dev.ticketing.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Turns {@link RealInfrastructure} on a test class into connection properties of highest precedence. */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.search(MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .from(testClass)
                .get(RealInfrastructure.class)
                .synthesize(annotation -> annotation.isPresent())
                .map(annotation -> new Customizer(annotation.database()))
                .orElse(null);
    }

    private record Customizer(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure infrastructure = TestInfrastructure.get();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            properties.put("spring.data.redis.host", infrastructure.redisHost());
            properties.put("spring.data.redis.port", infrastructure.redisPort());
            if (!database.isEmpty()) {
                TestInfrastructure.Database db = infrastructure.database(database);
                properties.put("spring.datasource.url", db.jdbcUrl());
                properties.put("spring.datasource.username", db.username());
                properties.put("spring.datasource.password", db.password());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
        }
    }
}
