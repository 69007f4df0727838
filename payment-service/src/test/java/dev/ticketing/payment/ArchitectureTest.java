package dev.ticketing.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain is plain Java: frameworks and infrastructure plug in from the outside, never the reverse.
 */
@AnalyzeClasses(packages = "dev.ticketing.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFrameworkOrInfrastructure = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "jakarta.transaction..", "jakarta.validation..",
                    "org.hibernate..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "io.lettuce..", "io.swagger..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..",
                    "dev.ticketing.payment.web..", "dev.ticketing.payment.config..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapter = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("..adapter..")
            .allowEmptyShould(false);
}
