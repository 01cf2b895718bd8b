package dev.fxalert.evaluation.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The evaluation module's layering: plain Java at the centre, Telegram only in delivery, AWS only in lambda. */
class EvaluationArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fxalert.evaluation");

    @Test
    void nothingInEvaluationUsesSpringSoTheLambdaStartsFast() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CLASSES);
    }

    @Test
    void onlyTheDeliveryPackageKnowsTelegramOrOkHttp() {
        noClasses().that().resideOutsideOfPackage("dev.fxalert.evaluation.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("org.telegram..", "okhttp3..")
                .check(CLASSES);
    }

    @Test
    void onlyTheLambdaPackageKnowsAwsTypes() {
        noClasses().that().resideOutsideOfPackage("dev.fxalert.evaluation.lambda..")
                .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws..", "software.amazon..")
                .check(CLASSES);
    }

    @Test
    void theServiceAndMessagesDoNotDependOnTheLambdaEntry() {
        noClasses().that().resideOutsideOfPackage("dev.fxalert.evaluation.lambda..")
                .should().dependOnClassesThat().resideInAPackage("dev.fxalert.evaluation.lambda..")
                .check(CLASSES);
    }
}
