package dev.fxalert.core.store.dynamodb;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The DynamoDB store is an adapter of core's ports on the AWS SDK's DynamoDB client only: no Spring, no Telegram, no JDBC. */
@AnalyzeClasses(packages = "dev.fxalert.core.store.dynamodb", importOptions = ImportOption.DoNotIncludeTests.class)
class DynamoDbStoreBoundariesTest {

    @ArchTest
    static final ArchRule noFrameworkNorJdbc = noClasses().that().resideInAPackage("dev.fxalert.core.store.dynamodb..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.telegram..", "okhttp3..", "org.h2..", "java.sql..", "javax.sql..",
                    "com.amazonaws..");
}
