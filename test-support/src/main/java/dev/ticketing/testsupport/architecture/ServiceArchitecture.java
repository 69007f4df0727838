package dev.ticketing.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps, included in each service's {@code ArchitectureTest} with
 * {@code @ArchTest static final ArchTests layers = ArchTests.in(ServiceArchitecture.class);} under an
 * {@code @AnalyzeClasses} of the service's own package. The domain is plain Java: frameworks and infrastructure plug
 * in from the outside, never the reverse. Every rule fails on an empty selection too, so a renamed package cannot
 * make it pass by matching nothing.
 */
public final class ServiceArchitecture {

    /** A service's own outer packages, {@code dev.ticketing.<service>.web} and {@code .config}. */
    private static final String SERVICE_WEB = "dev.ticketing.*.web..";
    private static final String SERVICE_CONFIG = "dev.ticketing.*.config..";

    private ServiceArchitecture() {
    }

    @ArchTest
    static final ArchRule domainDependsOnNoFrameworkOrInfrastructure = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "jakarta.transaction..", "jakarta.validation..",
                    "org.hibernate..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "io.lettuce..", "io.swagger..");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..", SERVICE_WEB, SERVICE_CONFIG);

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapter = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..adapter..");

    /**
     * One way to wire a use case: its class is a {@code @Service} or {@code @Component} found by component scanning,
     * as in most services. A {@code @Bean} method may still return a port (an application interface) that an
     * adapter implements, or a domain object such as a policy, but never an application class itself.
     */
    @ArchTest
    static final ArchRule useCasesAreWiredByComponentScanning = noMethods()
            .that().areAnnotatedWith("org.springframework.context.annotation.Bean")
            .should().haveRawReturnType(resideInAPackage("..application..").and(not(INTERFACES))
                    .as("a class of the application layer"))
            .because("use cases are @Service or @Component classes found by component scanning, not @Bean methods");
}
