package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.referencesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The three Lambda functions: fixed handlers and jars, SnapStart behind an alias, and triggers that use it. */
class FunctionsTest {

    static final String ALIAS = "live";

    private static Template template;
    private static Map<String, Map<String, Object>> functions;

    @BeforeAll
    static void load() throws IOException {
        template = Template.load();
        functions = template.propertiesOfType("AWS::Serverless::Function");
    }

    @Test
    void deploysExactlyTheIngestionEvaluationAndWebhookHandlersFromTheirMavenJars() {
        assertThat(functions).containsOnlyKeys("IngestionFunction", "EvaluationFunction", "DeliveryFunction",
                "BotWebhookFunction");
        assertHandler("IngestionFunction", "dev.fxalert.ingestion.lambda.IngestionHandler::handleRequest",
                "../ingestion/target/lambda/fx-alert-ingestion.jar");
        assertHandler("EvaluationFunction", "dev.fxalert.evaluation.lambda.EvaluationHandler::handleRequest",
                "../evaluation/target/lambda/fx-alert-evaluation.jar");
        assertHandler("DeliveryFunction", "dev.fxalert.evaluation.lambda.DeliveryHandler::handleRequest",
                "../evaluation/target/lambda/fx-alert-evaluation.jar");
        assertHandler("BotWebhookFunction", "dev.fxalert.bot.webhook.WebhookHandler::handleRequest",
                "../bot/target/lambda/fx-alert-bot-webhook.jar");
    }

    private static void assertHandler(String function, String handler, String jar) {
        Map<String, Object> properties = functions.get(function);
        assertThat(properties.get("Handler")).as(function + " handler").isEqualTo(handler);
        assertThat(properties.get("CodeUri")).as(function + " CodeUri").isEqualTo(jar);
        assertThat(map(template.resource(function).get("Metadata")).get("SkipBuild"))
                .as(function + ": sam build must not try to rebuild the Maven jar").isEqualTo(true);
    }

    @Test
    void everyFunctionRunsJavaWithSnapStartOnPublishedVersions() {
        functions.forEach((id, properties) -> {
            assertThat(template.functionProperty(properties, "Runtime")).as(id + " runtime").isEqualTo("java21");
            Object snapStart = template.functionProperty(properties, "SnapStart");
            assertThat(snapStart).as(id + " SnapStart").isNotNull();
            assertThat(map(snapStart).get("ApplyOn")).as(id + " SnapStart.ApplyOn").isEqualTo("PublishedVersions");
        });
    }

    @Test
    void everyFunctionPublishesTheLiveAlias() {
        functions.forEach((id, properties) ->
                assertThat(template.functionProperty(properties, "AutoPublishAlias")).as(id).isEqualTo(ALIAS));
    }

    @Test
    void everyTriggerInvokesTheLiveAliasNeverTheUnpublishedFunction() {
        List<Object> invocationTargets = new ArrayList<>();
        template.propertiesOfType("AWS::Events::Rule").values().forEach(rule ->
                Template.oneOrMany(rule.get("Targets")).forEach(target -> invocationTargets.add(map(target).get("Arn"))));
        template.propertiesOfType("AWS::Scheduler::Schedule").values().forEach(schedule ->
                invocationTargets.add(map(schedule.get("Target")).get("Arn")));
        template.propertiesOfType("AWS::Lambda::Permission").values().forEach(permission ->
                invocationTargets.add(permission.get("FunctionName")));
        template.propertiesOfType("AWS::ApiGatewayV2::Integration").values().forEach(integration ->
                invocationTargets.add(integration.get("IntegrationUri")));

        assertThat(invocationTargets).hasSizeGreaterThanOrEqualTo(6);
        for (Object target : invocationTargets) {
            assertThat(isLiveAlias(target)).as("trigger target %s must be a function's live alias", target).isTrue();
        }
        template.propertiesOfType("AWS::Lambda::EventInvokeConfig").forEach((id, config) ->
                assertThat(config.get("Qualifier")).as(id + " must configure the alias SnapStart runs").isEqualTo(ALIAS));
    }

    /** {@code !Ref XAliaslive}, or {@code !Join [':', [!GetAtt X.Arn, live]]} for a function X. */
    static boolean isLiveAlias(Object arn) {
        if (!(arn instanceof Map<?, ?> node)) {
            return false;
        }
        if (node.get("Ref") instanceof String ref) {
            return functions.keySet().stream().anyMatch(function -> ref.equals(function + "Alias" + ALIAS));
        }
        if (node.get("Fn::Join") instanceof List<?> join && join.size() == 2 && ":".equals(join.get(0))
                && join.get(1) instanceof List<?> parts && parts.size() == 2 && ALIAS.equals(parts.get(1))
                && parts.get(0) instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof List<?> att) {
            return functions.containsKey(String.valueOf(att.get(0))) && "Arn".equals(att.get(1));
        }
        return false;
    }

    @Test
    void deliveryRunsOneCopyAtATimeSoItsPacingIsTelegramsGlobalLimitAndEvaluationRunsInParallel() {
        assertThat(functions.get("DeliveryFunction").get("ReservedConcurrentExecutions")).isEqualTo(1);
        assertThat(functions.get("EvaluationFunction")).doesNotContainKey("ReservedConcurrentExecutions");
        Map<String, Object> evaluation = map(map(functions.get("EvaluationFunction").get("Environment")).get("Variables"));
        assertThat(evaluation.get("DELIVERY_FUNCTION_NAME")).isEqualTo(Map.of("Ref", "DeliveryFunctionAliaslive"));
        // quiet hours released (issue 15): /quiet off in the webhook wakes Delivery the same way
        Map<String, Object> webhook = map(map(functions.get("BotWebhookFunction").get("Environment")).get("Variables"));
        assertThat(webhook.get("DELIVERY_FUNCTION_NAME")).isEqualTo(Map.of("Ref", "DeliveryFunctionAliaslive"));
    }

    @Test
    void deliveryReinvokesItsOwnAliasAndDrainsWellWithinItsTimeout() {
        Map<String, Object> delivery = map(map(functions.get("DeliveryFunction").get("Environment")).get("Variables"));
        assertThat(delivery.get("DELIVERY_FUNCTION_NAME")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-delivery:live"));
        assertThat(map(functions.get("DeliveryFunction").get("FunctionName")).get("Fn::Sub"))
                .isEqualTo("${AWS::StackName}-delivery");
        int timeout = (Integer) functions.get("DeliveryFunction").get("Timeout");
        // The handler stops starting rounds a minute before its timeout anyway; the setting says the normal case.
        assertThat(Integer.parseInt(String.valueOf(delivery.get("DELIVERY_DRAIN_SECONDS")))).isLessThanOrEqualTo(timeout - 60);
    }

    @Test
    void functionTimeoutsFitTheirCallers() {
        assertThat((Integer) functions.get("BotWebhookFunction").get("Timeout"))
                .as("API Gateway gives up after 30 s").isLessThan(30);
        assertThat((Integer) functions.get("IngestionFunction").get("Timeout"))
                .as("a run must end well before the next 5-minute run").isLessThanOrEqualTo(120);
        assertThat((Integer) functions.get("EvaluationFunction").get("Timeout")).isLessThanOrEqualTo(900);
    }

    @Test
    void theWebhookOutwaitsItsRunIngestionNowCall() throws ReflectiveOperationException {
        // POST /admin/ingestion/run waits for the ingestion function; the webhook must live long enough to answer
        // the operator when that wait ends. The bot's classes are on the test run's classpath only (its Maven
        // artifact is the Spring Boot jar), hence the lookup by name.
        Map<String, Object> variables = map(map(functions.get("BotWebhookFunction").get("Environment")).get("Variables"));
        java.time.Duration defaultWait = (java.time.Duration) Class.forName("dev.fxalert.bot.webhook.admin.IngestionInvokeConfig")
                .getField("DEFAULT_TIMEOUT").get(null);
        long invokeTimeout = variables.containsKey("INGESTION_INVOKE_TIMEOUT_SECONDS")
                ? Long.parseLong(String.valueOf(variables.get("INGESTION_INVOKE_TIMEOUT_SECONDS")))
                : defaultWait.toSeconds();
        assertThat((Integer) functions.get("BotWebhookFunction").get("Timeout")).isGreaterThan((int) invokeTimeout + 2);
    }

    @Test
    void eachFunctionHasItsOwnRoleAndLogGroupWithRetention() {
        Set<Object> roles = new java.util.HashSet<>();
        functions.forEach((id, properties) -> {
            Set<String> role = referencesIn(properties.get("Role"));
            assertThat(role).as(id + " role").hasSize(1);
            assertThat(roles.add(role.iterator().next())).as(id + " shares its role").isTrue();
        });
        Map<String, Map<String, Object>> logGroups = template.propertiesOfType("AWS::Logs::LogGroup");
        functions.forEach((id, properties) -> {
            Object name = map(properties.get("FunctionName")).get("Fn::Sub");
            String expectedLogGroup = "/aws/lambda/" + name;
            assertThat(logGroups.values()).as(id + " log group")
                    .anySatisfy(group -> {
                        assertThat(map(group.get("LogGroupName")).get("Fn::Sub")).isEqualTo(expectedLogGroup);
                        assertThat(group.get("RetentionInDays")).isNotNull();
                    });
            Object dependsOn = template.resource(id).get("DependsOn");
            assertThat(logGroups).as(id + " must not start before the log group its role can write to (it cannot"
                    + " create one)").containsKey(String.valueOf(dependsOn));
            assertThat(map(logGroups.get(String.valueOf(dependsOn)).get("LogGroupName")).get("Fn::Sub"))
                    .isEqualTo(expectedLogGroup);
        });
    }
}
