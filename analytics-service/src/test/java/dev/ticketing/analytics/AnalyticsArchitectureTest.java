package dev.ticketing.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * analytics-service is a downstream consumer like any analytics team's: it knows the events by their published
 * schemas, not by the producers' code, and its figures are plain values.
 */
@AnalyzeClasses(packages = "dev.ticketing.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class AnalyticsArchitectureTest {

    @ArchTest
    static final ArchRule usesNoServiceCodeNorTheEventClasses = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.ticketing.events..", "dev.ticketing.messaging..",
                    "dev.ticketing.queue..", "dev.ticketing.concert..", "dev.ticketing.reservation..",
                    "dev.ticketing.payment..", "dev.ticketing.gateway..", "dev.ticketing.audit..")
            .because("it reads the topics by the released JSON Schemas only (issue 12)");

    @ArchTest
    static final ArchRule figuresArePlainJava = noClasses()
            .that().resideInAPackage("..analytics.figures..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml.jackson..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.ticketing.analytics.(*)..")
            .should().beFreeOfCycles();

    @Test
    void theEventClassesAreNotEvenOnTheClassPath() {
        assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> Class.forName("dev.ticketing.events.EventSerde"));
    }
}
