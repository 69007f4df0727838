package dev.ticketing.queue;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import dev.ticketing.testsupport.architecture.ServiceArchitecture;

/** The layering and wiring every service keeps ({@link ServiceArchitecture}), over this service's classes. */
@AnalyzeClasses(packages = "dev.ticketing.queue", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layers = ArchTests.in(ServiceArchitecture.class);
}
