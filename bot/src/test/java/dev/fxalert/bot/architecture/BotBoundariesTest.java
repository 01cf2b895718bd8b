package dev.fxalert.bot.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Commands are our own types only, so every transport reuses them; the webhook Lambda stays free of Spring so
 * it starts fast and its shaded jar can leave Spring out.
 */
@AnalyzeClasses(packages = "dev.fxalert.bot", importOptions = ImportOption.DoNotIncludeTests.class)
class BotBoundariesTest {

    @ArchTest
    static final ArchRule commandsKnowNoTransportOrFramework = noClasses()
            .that().resideInAPackage("dev.fxalert.bot.command..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.telegram..", "org.springframework..", "com.amazonaws..", "okhttp3..", "com.fasterxml..",
                    "dev.fxalert.bot.telegram..", "dev.fxalert.bot.polling..", "dev.fxalert.bot.console..",
                    "dev.fxalert.bot.webhook..", "dev.fxalert.bot.app..");

    @ArchTest
    static final ArchRule telegramTypesStayInTheTransports = noClasses()
            .that().resideInAnyPackage("dev.fxalert.bot.command..", "dev.fxalert.bot.console..")
            .should().dependOnClassesThat().resideInAPackage("org.telegram..");

    /** Nor on the local app's packages, which the webhook jar leaves out (the parent pom's lambda-jar filter). */
    @ArchTest
    static final ArchRule theLambdaNeedsNoSpring = noClasses()
            .that().resideInAnyPackage("dev.fxalert.bot.webhook..", "dev.fxalert.bot.telegram..",
                    "dev.fxalert.bot.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.fxalert.bot.app..",
                    "dev.fxalert.bot.polling..", "dev.fxalert.bot.console..", "dev.fxalert.bot.local..",
                    "dev.fxalert.bot.admin..");

    /** charts (issue 16): only the chart adapter knows the drawing library and AWT; the conversation hands it data. */
    @ArchTest
    static final ArchRule onlyTheChartAdapterDraws = noClasses()
            .that().resideOutsideOfPackage("dev.fxalert.bot.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jfree..", "java.awt..", "javax.imageio..");

    /** Metrics go through the pipeline's observers (PipelineMetrics, CommandObserver); only their adapter knows Micrometer. */
    @ArchTest
    static final ArchRule onlyTheMetricsAdapterKnowsMicrometer = noClasses()
            .that().resideOutsideOfPackage("dev.fxalert.bot.local.metrics..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..");

    /**
     * Stores as their own modules (issue 11): the bot module depends on both stores for the local app, but the
     * webhook jar leaves store-embedded out (parent pom, lambda-jar), so nothing the webhook jar carries (everything
     * but the local app's packages, which the shade filter drops) may use it; it would fail only on AWS.
     */
    @ArchTest
    static final ArchRule onlyTheLocalAppUsesTheEmbeddedStore = noClasses()
            .that().resideOutsideOfPackages("dev.fxalert.bot.app..", "dev.fxalert.bot.console..",
                    "dev.fxalert.bot.polling..", "dev.fxalert.bot.local..", "dev.fxalert.bot.admin..")
            .and().haveNameNotMatching("dev\\.fxalert\\.bot\\.FxAlertApplication.*")
            .should().dependOnClassesThat().resideInAPackage("dev.fxalert.core.store.embedded..");
}
