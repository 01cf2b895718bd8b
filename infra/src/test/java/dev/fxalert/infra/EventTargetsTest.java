package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.oneOrMany;
import static dev.fxalert.infra.Template.referencesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Asynchronous hops (schedules, the rule, Lambda's own async queue): each retries and keeps failures in a DLQ. */
class EventTargetsTest {

    private static Template template;

    @BeforeAll
    static void load() throws IOException {
        template = Template.load();
    }

    @Test
    void everyRuleAndScheduleTargetHasARetryPolicyAndADeadLetterQueue() {
        Map<String, Map<String, Object>> rules = template.propertiesOfType("AWS::Events::Rule");
        Map<String, Map<String, Object>> schedules = template.propertiesOfType("AWS::Scheduler::Schedule");
        assertThat(rules).isNotEmpty();
        assertThat(schedules).isNotEmpty();
        rules.forEach((id, rule) -> oneOrMany(rule.get("Targets")).forEach(target -> assertRetriesIntoAQueue(id, map(target))));
        schedules.forEach((id, schedule) -> assertRetriesIntoAQueue(id, map(schedule.get("Target"))));
    }

    private static void assertRetriesIntoAQueue(String owner, Map<String, Object> target) {
        Map<String, Object> retry = map(target.get("RetryPolicy"));
        assertThat(retry).as(owner + " RetryPolicy").containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
        assertDeadLetterQueue(owner, map(target.get("DeadLetterConfig")).get("Arn"));
    }

    private static void assertDeadLetterQueue(String owner, Object arn) {
        Set<String> queue = referencesIn(arn);
        assertThat(queue).as(owner + " dead-letter queue").hasSize(1);
        assertThat(template.resource(queue.iterator().next()).get("Type")).as(owner).isEqualTo("AWS::SQS::Queue");
    }

    @Test
    void samEventSourcesAreNotUsedWithoutRetryAndDeadLetterSettings() {
        template.propertiesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            Map<String, Object> events = function.containsKey("Events") ? map(function.get("Events")) : Map.of();
            events.forEach((name, event) -> {
                Map<String, Object> properties = map(map(event).getOrDefault("Properties", Map.of()));
                String type = String.valueOf(map(event).get("Type"));
                if (List.of("Schedule", "ScheduleV2", "EventBridgeRule", "CloudWatchEvent").contains(type)) {
                    assertThat(properties).as(id + "." + name).containsKeys("RetryPolicy", "DeadLetterConfig");
                }
            });
        });
    }

    @Test
    void asynchronouslyInvokedFunctionsSendWhatStillFailsToADeadLetterQueue() {
        Map<String, Map<String, Object>> configs = template.propertiesOfType("AWS::Lambda::EventInvokeConfig");
        for (String function : List.of("IngestionFunction", "EvaluationFunction", "DeliveryFunction")) {
            assertThat(configs.values()).as(function + " EventInvokeConfig").anySatisfy(config -> {
                assertThat(referencesIn(config.get("FunctionName"))).containsExactly(function);
                assertThat(config).containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
                assertDeadLetterQueue(function,
                        map(map(config.get("DestinationConfig")).get("OnFailure")).get("Destination"));
            });
        }
    }

    @Test
    void rateUpdatedEventsOnTheCustomBusReachEvaluation() {
        Map<String, Object> rule = template.propertiesOfType("AWS::Events::Rule").get("RateUpdatedRule");
        assertThat(referencesIn(rule.get("EventBusName"))).containsExactly("RateEventBus");
        assertThat(template.resource("RateEventBus").get("Type")).isEqualTo("AWS::Events::EventBus");
        Map<String, Object> pattern = map(rule.get("EventPattern"));
        assertThat(pattern.get("source")).isEqualTo(List.of("fx-alert.ingestion"));
        assertThat(pattern.get("detail-type")).isEqualTo(List.of("RateUpdated"));
        assertThat(referencesIn(rule.get("Targets"))).contains("EvaluationFunction");
    }

    @Test
    void ingestionRunsOnTheConfigurableScheduleInTheScheduleGroup() {
        Map<String, Object> schedule = template.propertiesOfType("AWS::Scheduler::Schedule").get("IngestionSchedule");
        assertThat(schedule.get("ScheduleExpression")).isEqualTo(Map.of("Ref", "IngestionScheduleExpression"));
        assertThat(map(template.parameters().get("IngestionScheduleExpression")).get("Default")).isEqualTo("rate(5 minutes)");
        assertThat(referencesIn(schedule.get("GroupName"))).containsExactly("ScheduleGroup");
        assertThat(referencesIn(map(schedule.get("Target")).get("Arn"))).containsExactly("IngestionFunction");
        assertThat(referencesIn(map(schedule.get("Target")).get("RoleArn"))).containsExactly("IngestionSchedulerRole");
    }

    @Test
    void sweepScheduleAsksEvaluationToResendPendingPushesEveryFiveMinutes() {
        Map<String, Object> sweep = template.propertiesOfType("AWS::Scheduler::Schedule").get("PendingPushSweepSchedule");
        assertThat(sweep.get("ScheduleExpression")).isEqualTo("rate(5 minutes)");
        Map<String, Object> target = map(sweep.get("Target"));
        assertThat(target.get("Input")).isEqualTo("{\"action\":\"sweep-pending-pushes\"}");
        assertThat(referencesIn(target.get("Arn"))).containsExactly("EvaluationFunction");
    }

    /**
     * Daily digest (issue 15): the users' schedules are put by the webhook, not the template, so what the template
     * gives the webhook is what every digest schedule gets: Delivery's alias as target, its own role, its own DLQ
     * (a queue, alarmed like every queue), in a schedule group of the stack's; Delivery knows the same group.
     */
    @Test
    void digestSchedulesTargetDeliveryThroughTheirRoleWithTheirDeadLetterQueueInTheStacksDigestGroup() {
        Map<String, Map<String, Object>> functions = template.propertiesOfType("AWS::Serverless::Function");
        Map<String, Object> webhook = map(map(functions.get("BotWebhookFunction").get("Environment")).get("Variables"));
        Map<String, Object> delivery = map(map(functions.get("DeliveryFunction").get("Environment")).get("Variables"));

        assertThat(webhook.get("DIGEST_TARGET_ARN")).isEqualTo(Map.of("Ref", "DeliveryFunctionAliaslive"));
        assertThat(referencesIn(webhook.get("DIGEST_ROLE_ARN"))).containsExactly("DigestSchedulerRole");
        assertDeadLetterQueue("digest schedules", webhook.get("DIGEST_DEAD_LETTER_ARN"));
        assertThat(webhook.get("DIGEST_SCHEDULE_GROUP")).isEqualTo(Map.of("Ref", "DigestScheduleGroup"));
        assertThat(delivery.get("DIGEST_SCHEDULE_GROUP")).isEqualTo(Map.of("Ref", "DigestScheduleGroup"));
        assertThat(template.resource("DigestScheduleGroup").get("Type")).isEqualTo("AWS::Scheduler::ScheduleGroup");
        assertThat(map(template.resource("DigestScheduleGroup").get("Properties")).get("Name"))
                .as("a group of the stack's own, not the ingestion schedule's").isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-digests"));
    }

    @Test
    void botIsToldTheNameAndGroupOfTheIngestionScheduleItManages() {
        Map<String, Object> variables = map(map(template.propertiesOfType("AWS::Serverless::Function")
                .get("BotWebhookFunction").get("Environment")).get("Variables"));
        Map<String, Object> schedule = template.propertiesOfType("AWS::Scheduler::Schedule").get("IngestionSchedule");
        assertThat(variables.get("INGESTION_SCHEDULE_NAME")).isEqualTo(schedule.get("Name"));
        assertThat(variables.get("INGESTION_SCHEDULE_GROUP")).isEqualTo(schedule.get("GroupName"));
        assertThat(variables.get("INGESTION_FUNCTION_NAME")).as("run-now invokes the ingestion alias")
                .isEqualTo(Map.of("Ref", "IngestionFunctionAliaslive"));
    }
}
