package dev.fxalert.bot.local;

import dev.fxalert.bot.app.ConsoleStreams;
import dev.fxalert.bot.app.TempDatabase;
import dev.fxalert.bot.webhook.WebhookWiring;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.evaluation.lambda.DeliveryWiring;
import dev.fxalert.evaluation.lambda.EvaluationWiring;
import dev.fxalert.ingestion.lambda.IngestionWiring;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One name per setting, written down everywhere it must be: every name the code reads (recorded by the one
 * {@link Settings} reader while each runtime is wired: the local app as it starts, each Lambda through its wiring's
 * {@code config}) is in {@code .env.example} and in the table of {@code docs/settings.md}, whose "read by" column
 * says truthfully which runtimes read it; and each Lambda function's {@code Environment} in
 * {@code infra/template.yaml} sets exactly the names the table says the template sets for it, all of which that
 * function reads. Settings read only in some configurations are reached by setting what takes every branch: a
 * Korea Eximbank key and an Open Exchange Rates App ID put every provider into the chain.
 */
@SpringBootTest(properties = {"TELEGRAM_BOT_TOKEN=", "INGESTION_RUN_AT_START=false", "INGESTION_SCHEDULE_ENABLED=false",
        "KOREAEXIM_AUTHKEY=k", "OPEN_EXCHANGE_RATES_APP_ID=o"})
class SettingsCatalogueTest {

    private static final Path ROOT = Path.of("..");

    /** Secrets, read through {@code Secrets} (never {@link Settings}, so they are never quoted in an error). */
    private static final Set<String> SECRETS = Set.of("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET",
            "ADMIN_API_TOKEN", "KOREAEXIM_AUTHKEY", "METRICS_TOKEN", "OPEN_EXCHANGE_RATES_APP_ID");
    /**
     * Read by a framework, the platform or a script, not by our code through {@link Settings}: Spring Boot, Logback,
     * the AWS SDK, the template, {@code run.sh}, and {@code Secrets}' own two (where secrets come from, and for how long).
     */
    private static final Set<String> OUTSIDE_THE_CODE = Set.of("LOG_LEVEL", "SERVER_PORT",
            "LOGGING_STRUCTURED_FORMAT_CONSOLE", "FX_ALERT_SECRETS_ARN",
            "FX_ALERT_SECRETS_CACHE_SECONDS", "JAVA_OPTS", "LOGGING_THRESHOLD_CONSOLE");
    /** The template's function resources and the runtime names the table uses for them. */
    private static final Map<String, String> FUNCTIONS = Map.of(
            "IngestionFunction", "ingestion", "EvaluationFunction", "evaluation", "DeliveryFunction", "delivery",
            "BotWebhookFunction", "webhook");

    @DynamicPropertySource
    static void embeddedStoreInATemporaryFolder(DynamicPropertyRegistry registry) {
        registry.add("FX_ALERT_DB_PATH", () -> TempDatabase.newPath("fx-alert-settings"));
    }

    @TestConfiguration
    static class NothingTyped {
        @Bean
        ConsoleStreams consoleStreams() {
            return new ConsoleStreams(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()));
        }
    }

    @Autowired
    Settings localSettings;

    @Test
    void everySettingTheCodeReadsIsDocumentedUnderItsOneName() throws IOException {
        Map<String, Set<String>> readBy = namesReadByRuntime();
        Map<String, Row> table = settingsTable();
        String envExample = Files.readString(ROOT.resolve(".env.example"));

        Set<String> all = new TreeSet<>(readBy.keySet());
        all.addAll(SECRETS);
        all.addAll(OUTSIDE_THE_CODE);
        assertThat(all).as("settings missing from the table in docs/settings.md").allMatch(table::containsKey);
        assertThat(table.keySet()).as("rows of docs/settings.md that nothing reads any more").allMatch(all::contains);
        assertThat(all).as("settings missing from .env.example (a NAME= line, commented out when AWS-only)")
                .allMatch(name -> Pattern.compile("(?m)^#?\\s*" + name + "=").matcher(envExample).find());
        readBy.forEach((name, runtimes) -> assertThat(table.get(name).readBy())
                .as("the \"read by\" column of %s in docs/settings.md", name).isEqualTo(runtimes));
    }

    @Test
    void theTemplateSetsForEachFunctionWhatTheTableSaysAndNothingItDoesNotRead() throws IOException {
        Map<String, Set<String>> readBy = namesReadByRuntime();
        Map<String, Row> table = settingsTable();
        Map<String, Set<String>> template = templateEnvironments();

        assertThat(template.keySet()).as("Lambda functions of the template; add a new one to FUNCTIONS")
                .isEqualTo(FUNCTIONS.keySet());
        template.forEach((resource, names) -> {
            String runtime = FUNCTIONS.get(resource);
            Set<String> documented = table.values().stream().filter(row -> row.template().contains(runtime))
                    .map(Row::name).collect(Collectors.toCollection(TreeSet::new));
            assertThat(names).as("%s's Environment against the \"set by the template\" column", resource)
                    .isEqualTo(documented);
            assertThat(names).as("%s sets only names its code (or the platform) reads", resource)
                    .allMatch(name -> OUTSIDE_THE_CODE.contains(name)
                            || readBy.getOrDefault(name, Set.of()).contains(runtime));
        });
    }

    /** The names each runtime's wiring asks the one reader for. */
    private Map<String, Set<String>> namesReadByRuntime() {
        Map<String, Set<String>> readBy = new TreeMap<>();
        record(readBy, "local", localSettings.namesRead());
        Map<String, String> everyBranch = Map.of("KOREAEXIM_AUTHKEY", "k", "OPEN_EXCHANGE_RATES_APP_ID", "o");
        Settings ingestion = Settings.of(Map.of());
        IngestionWiring.config(ingestion, new Secrets(everyBranch::get));
        record(readBy, "ingestion", ingestion.namesRead());
        Settings evaluation = Settings.of(Map.of());
        EvaluationWiring.config(evaluation);
        record(readBy, "evaluation", evaluation.namesRead());
        Settings delivery = Settings.of(Map.of());
        DeliveryWiring.config(delivery);
        record(readBy, "delivery", delivery.namesRead());
        Settings webhook = Settings.of(everyBranch);
        WebhookWiring.config(webhook);
        record(readBy, "webhook", webhook.namesRead());
        SECRETS.forEach(readBy::remove); // the webhook looks for KOREAEXIM_AUTHKEY in its plain environment
        return readBy;
    }

    private static void record(Map<String, Set<String>> readBy, String runtime, Set<String> names) {
        names.forEach(name -> readBy.computeIfAbsent(name, n -> new TreeSet<>()).add(runtime));
    }

    record Row(String name, Set<String> readBy, Set<String> template) {
    }

    /** Rows {@code | `NAME` | default | read by | set by the template for | meaning |} of docs/settings.md. */
    private static Map<String, Row> settingsTable() throws IOException {
        Pattern row = Pattern.compile("(?m)^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|[^|]*\\|([^|]*)\\|([^|]*)\\|");
        Matcher matcher = row.matcher(Files.readString(ROOT.resolve("docs/settings.md")));
        Map<String, Row> rows = new LinkedHashMap<>();
        while (matcher.find()) {
            rows.put(matcher.group(1), new Row(matcher.group(1), list(matcher.group(2)), list(matcher.group(3))));
        }
        assertThat(rows).as("rows of docs/settings.md").isNotEmpty();
        return rows;
    }

    private static Set<String> list(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("—"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The Environment.Variables names of each AWS::Serverless::Function of infra/template.yaml. */
    private static Map<String, Set<String>> templateEnvironments() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("infra/template.yaml"));
        Map<String, Set<String>> functions = new HashMap<>();
        String resource = null;
        boolean isFunction = false;
        int variablesIndent = -1;
        for (String line : lines) {
            Matcher top = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$").matcher(line);
            if (top.matches()) {
                resource = top.group(1);
                isFunction = false;
                variablesIndent = -1;
                continue;
            }
            if (resource == null || line.isBlank()) {
                continue;
            }
            if (line.strip().equals("Type: AWS::Serverless::Function")) {
                isFunction = true;
                functions.put(resource, new TreeSet<>());
            }
            int indent = line.length() - line.stripLeading().length();
            if (line.strip().equals("Variables:")) {
                variablesIndent = indent;
                continue;
            }
            if (variablesIndent >= 0) {
                Matcher variable = Pattern.compile("^\\s+([A-Z][A-Z0-9_]*):").matcher(line);
                if (indent > variablesIndent && variable.find()) {
                    if (isFunction) {
                        functions.get(resource).add(variable.group(1));
                    }
                } else if (indent <= variablesIndent) {
                    variablesIndent = -1;
                }
            }
        }
        return functions;
    }
}
