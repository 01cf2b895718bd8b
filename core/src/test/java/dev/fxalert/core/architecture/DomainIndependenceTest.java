package dev.fxalert.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.fxalert.core.config.SecretsManagerJsonSecret;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain and the ports know nothing of AWS, Spring, Telegram, JSON or JDBC; adapters depend on them. Core as a
 * whole holds no store technology: the adapters are the store-embedded and store-dynamodb modules (issue 11).
 */
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

    // Issue 11 (stores as their own modules): no H2, JDBC or DynamoDB anywhere in core, and no framework either.
    @ArchTest
    static final ArchRule coreHoldsNoStoreTechnologyNorFramework = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.h2..", "java.sql..", "javax.sql..", "software.amazon.awssdk.services.dynamodb..",
                    "org.springframework..", "org.telegram..", "com.amazonaws..");

    /** Secrets are read from Secrets Manager in one class ({@code Secrets} needs it on Lambda); no other AWS use. */
    @ArchTest
    static final ArchRule theOnlyAwsSdkUseInCoreIsTheSecretsReader = noClasses()
            .that().doNotHaveFullyQualifiedName(SecretsManagerJsonSecret.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..");
}
