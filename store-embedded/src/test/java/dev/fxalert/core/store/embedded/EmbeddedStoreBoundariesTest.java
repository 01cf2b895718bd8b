package dev.fxalert.core.store.embedded;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The embedded store is an adapter of core's ports on H2 only: no Spring, no Telegram, no AWS. */
@AnalyzeClasses(packages = "dev.fxalert.core.store.embedded", importOptions = ImportOption.DoNotIncludeTests.class)
class EmbeddedStoreBoundariesTest {

    @ArchTest
    static final ArchRule noFrameworkNorAws = noClasses().that().resideInAPackage("dev.fxalert.core.store.embedded..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.telegram..", "okhttp3..", "software.amazon..", "com.amazonaws..");
}
