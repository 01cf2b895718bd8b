package dev.fxalert.admin.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.fxalert.evaluation.delivery.DeliveryReport;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.ingestion.IngestionSummary;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The admin module runs inside a Lambda that starts without Spring, and its services are shared with the Spring
 * app: no Spring or Telegram here, and AWS only in the Scheduler adapter.
 */
@AnalyzeClasses(packages = "dev.fxalert.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class AdminModuleBoundariesTest {

    @ArchTest
    static final ArchRule noSpringNorTelegram = noClasses().that().resideInAPackage("dev.fxalert.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.telegram..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule noAwsTypes = noClasses().that().resideInAPackage("dev.fxalert.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..");

    /** Ingestion's summary is the contract admin shows (issue 11: one ProviderRun); nothing else of ingestion. */
    @ArchTest
    static final ArchRule ofIngestionOnlyTheSummary = noClasses().that().resideInAPackage("dev.fxalert.admin..")
            .should().dependOnClassesThat(resideInAPackage("dev.fxalert.ingestion..")
                    .and(not(belongToAnyOf(IngestionSummary.class))));

    /** Delivery's report of a send attempt is what the journal counts (issue 11: one PushOutcome); nothing else. */
    @ArchTest
    static final ArchRule ofEvaluationOnlyTheDeliveryReport = noClasses().that().resideInAPackage("dev.fxalert.admin..")
            .should().dependOnClassesThat(resideInAPackage("dev.fxalert.evaluation..")
                    .and(not(belongToAnyOf(DeliveryReport.class, Push.class))));

    @ArchTest
    static final ArchRule servicesDoNotKnowTheHttpRouter = noClasses().that().resideInAPackage("dev.fxalert.admin..")
            .and().resideOutsideOfPackage("dev.fxalert.admin.http..")
            .should().dependOnClassesThat().resideInAPackage("dev.fxalert.admin.http..");
}
