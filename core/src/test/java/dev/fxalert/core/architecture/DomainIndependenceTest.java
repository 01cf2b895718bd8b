package dev.fxalert.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain and the ports know nothing of AWS, Spring, Telegram, JSON or JDBC; adapters depend on them. */
@AnalyzeClasses(packages = "dev.fxalert", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIndependenceTest {

    @ArchTest
    static final ArchRule domainAndPortsImportNoFrameworks = noClasses()
            .that().resideInAnyPackage("dev.fxalert.core.domain..", "dev.fxalert.core.port..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "org.springframework..", "org.telegram..",
                    "com.fasterxml..", "java.sql..", "javax.sql..", "okhttp3..", "org.h2..");

    @ArchTest
    static final ArchRule domainDoesNotDependOnAdapters = noClasses()
            .that().resideInAnyPackage("dev.fxalert.core.domain..", "dev.fxalert.core.port..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.fxalert.core.store..", "dev.fxalert.core.event..");
}
