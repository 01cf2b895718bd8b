package dev.fxalert.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fxalert.core.testing.Dynalite;
import dev.fxalert.infra.AwsStandIns.PutEntry;
import dev.fxalert.infra.AwsStandIns.TelegramCall;
import dev.fxalert.infra.FunctionContainer.Result;
import dev.fxalert.infra.ResolvedPolicy.Call;
import dev.fxalert.infra.ResolvedPolicy.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.oneOrMany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS path end to end, wired only by infra/template.yaml: the three functions run each in its own JVM (its
 * "execution environment") under a Lambda Runtime API, created by their template {@code Handler} strings with the
 * template's {@code Environment} resolved for a fake account and region, as the functions' roles (each signs with
 * its own access key). DynamoDB is dynalite with the template's tables behind a recording proxy; EventBridge,
 * Secrets Manager, Scheduler, Lambda and Telegram are loopback stand-ins ({@link AwsStandIns}) that refuse what the
 * role does not allow. Events are the envelopes AWS sends: API Gateway HTTP API payload 2.0, the schedules' target
 * input, and the EventBridge rule-target envelope built from what ingestion put on the bus.
 * <p>
 * Why here: infra already depends on the three function modules (test scope) and owns the template parser; a
 * fourth function (issue 12's outbox drain) is one more entry in {@link #FUNCTIONS}.
 * <p>
 * Beyond the template, the test sets only what is not AWS: the rate provider's base URL (Frankfurter on loopback)
 * and the provider list; Telegram's URL is the template's own TelegramApiUrl parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsPathEndToEndTest {

    /** Function logical ids, in start order. */
    static final List<String> FUNCTIONS = List.of("IngestionFunction", "EvaluationFunction", "DeliveryFunction",
            "BotWebhookFunction");
    /**
     * Functions whose every grant this flow exercises: all four. Delivery's self-invocation (pushes still due when a
     * drain ends: the harness scales both down, see the environment below), its chat-migration writes, its owned-alerts query and its dead letters come
     * from {@link #deliveryInvokesItselfFollowsAMigratedGroupAndDeadLettersARefusedPush}.
     */
    static final List<String> EVERY_GRANT_USED = FUNCTIONS;

    /**
     * Grants no call of the function's code can use, with the reason: Lambda itself uses them for the function.
     * Every other grant must be used by the flow below, and these must stay unused by the code.
     */
    static final Map<String, String> GRANTS_USED_BY_LAMBDA_ITSELF = Map.of(
            "Logs", "Lambda writes the function's stdout to its log group with the execution role",
            "AsyncFailures", "Lambda's asynchronous-invocation OnFailure destination sends with the execution role");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The functions' logs and the recorded AWS calls, for reading after a run. */
    private static final Path LOGS = Template.REPOSITORY_ROOT.resolve("infra/target/aws-e2e");
    private static final long CHAT = 987654321L;
    private static final long BLOCKER = 555000111L;
    private static final String BOT_TOKEN = "123456789:AAE2Etest_token-0123456789";
    private static final String WEBHOOK_SECRET = "e2e-webhook-secret-0123456789abcdef0123";
    private static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef0123456789";

    private final Dynalite dynalite = new Dynalite();
    private final Map<String, FunctionContainer> containers = new LinkedHashMap<>();
    private final Map<String, FunctionContainer> containerOfAlias = new LinkedHashMap<>();
    private AwsStandIns aws;
    private ResolvedTemplate resolved;
    private int updateIds = 815903214;
    private JsonNode rateEvent;
    private String webhookSecret = WEBHOOK_SECRET;

    @BeforeAll
    void deployTheTemplate() throws IOException {
        dynalite.start();
        aws = new AwsStandIns(ResolvedTemplate.REGION, ResolvedTemplate.ACCOUNT, dynalite.endpoint());
        resolved = new ResolvedTemplate(Template.load(), Map.of(
                "TelegramBotToken", BOT_TOKEN,
                "TelegramWebhookSecret", WEBHOOK_SECRET,
                "AdminApiToken", ADMIN_TOKEN,
                "TelegramBotUsername", "fxalert_e2e_bot",
                "TelegramApiUrl", aws.url("telegram")));
        Template template = resolved.template();

        template.propertiesOfType("AWS::DynamoDB::Table").forEach((id, properties) ->
                dynalite.client().createTable(createTable(resolved.ref(id), properties)));
        template.propertiesOfType("AWS::SecretsManager::Secret").forEach((id, properties) ->
                aws.secret(resolved.ref(id), resolved.text(properties.get("SecretString"))));
        template.propertiesOfType("AWS::Scheduler::Schedule").forEach((id, properties) -> {
            ObjectNode schedule = JSON.valueToTree(resolved.resolve(properties));
            schedule.put("Arn", resolved.getAtt(id, "Arn"));
            aws.schedule(schedule);
        });
        aws.telegramToken(BOT_TOKEN);
        aws.frankfurterRate("USD", "KRW", "1411.91");

        for (String function : FUNCTIONS) {
            ResolvedPolicy policy = ResolvedPolicy.ofFunction(resolved, function);
            String accessKey = "ASIA" + function.toUpperCase();
            aws.principal(accessKey, policy);
            Map<String, Object> properties = map(template.resource(function).get("Properties"));
            String arn = resolved.getAtt(function, "Arn");
            Map<String, String> env = new LinkedHashMap<>(resolved.environment(function));
            // What Lambda sets in every execution environment.
            env.put("_HANDLER", resolved.text(properties.get("Handler")));
            env.put("AWS_REGION", ResolvedTemplate.REGION);
            env.put("AWS_DEFAULT_REGION", ResolvedTemplate.REGION);
            env.put("AWS_ACCESS_KEY_ID", accessKey);
            env.put("AWS_SECRET_ACCESS_KEY", "e2e-secret-key");
            env.put("AWS_SESSION_TOKEN", "e2e-session-token");
            env.put("AWS_LAMBDA_FUNCTION_NAME", resolved.ref(function));
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(properties.get("MemorySize")));
            env.put("TZ", ":UTC");
            env.put("FX_ALERT_SECRETS_CACHE_SECONDS", "0"); // rotation is tested without waiting 5 minutes
            env.putAll(aws.sdkEndpointVariables());
            // A fan-out that outlasts one drain, scaled down: evaluation schedules an event's pushes 4 s apart (the
            // send slot of 0.25 msg/s) and Delivery drains for 1 s instead of 780 s, so Delivery invokes itself
            // while pushes are due, as it does when 22,000 pushes at 29 msg/s outlast its 13 minutes.
            if (function.equals("EvaluationFunction")) {
                env.put("DELIVERY_MAX_PER_SECOND", "0.25");
            }
            if (function.equals("DeliveryFunction")) {
                env.put("DELIVERY_DRAIN_SECONDS", "1");
            }
            if (function.equals("IngestionFunction")) {
                env.put("INGESTION_PROVIDERS", "frankfurter");
                env.put("FRANKFURTER_BASE_URL", aws.url("frankfurter"));
            }
            FunctionContainer container = new FunctionContainer(function, arn + ":live", env, LOGS);
            containers.put(function, container);
            containerOfAlias.put(arn + ":live", container);
            aws.function(arn + ":live", payload -> {
                Result result = container.invoke(payload);
                if (result.failed()) {
                    throw new IllegalStateException(result.payload());
                }
                return result.payload();
            });
        }
    }

    @AfterAll
    void tearDown() {
        containers.values().forEach(FunctionContainer::close);
        if (aws != null) {
            aws.close();
        }
        dynalite.close();
    }

    @Test
    @Order(0)
    void initReadsNoSecretSoASnapStartSnapshotHoldsNone() {
        containers.values().forEach(FunctionContainer::awaitInitialized);

        assertThat(aws.calls()).as("AWS calls during init").noneMatch(call -> call.action().startsWith("secretsmanager:"));
    }

    @Test
    @Order(1)
    void startAlertIngestEvaluateAndPushExactlyOnce() throws IOException {
        JsonNode start = webhook(message("/start"));
        assertThat(start.get("statusCode").asInt()).isEqualTo(200);
        assertThat(start.at("/headers/Content-Type").asText()).isEqualTo("application/json");
        assertThat(repliesTo(CHAT)).hasSize(1);
        assertThat(repliesTo(CHAT).get(0).inResponse()).as("a one-message reply comes back in the HTTP response").isTrue();
        assertThat(aws.telegramCalls()).as("and the webhook made no outbound Bot API call").allMatch(TelegramCall::inResponse);

        assertThat(webhook(message("/alert USD KRW above 1400")).get("statusCode").asInt()).isEqualTo(200);
        assertThat(repliesTo(CHAT)).hasSize(2);
        assertThat(repliesTo(CHAT).get(1).body().path("text").asText()).contains("USD/KRW above 1,400");

        // A second user whose alert also crosses, but who blocks the bot before the push.
        webhook(message(BLOCKER, "/start"));
        webhook(message(BLOCKER, "/alert USD KRW above 1405"));
        // Issue 14: a percent-move alert, so evaluation reads the pair's windows and the rate one window ago (the
        // history does not reach back 24h here: nothing fires, but every grant of the read is exercised).
        webhook(message(BLOCKER, "/alert USD KRW move 1% 24h"));
        assertThat(repliesTo(BLOCKER)).hasSize(3);
        aws.blockChat(BLOCKER);

        Result ingestion = schedule("IngestionSchedule");
        assertThat(ingestion.failed()).as(ingestion.payload()).isFalse();
        List<PutEntry> put = aws.putEntries();
        assertThat(put).singleElement().satisfies(entry -> {
            assertThat(entry.busArn()).isEqualTo(resolved.getAtt("RateEventBus", "Arn"));
            assertThat(JSON.readTree(entry.entry().get("Detail").asText()).get("pair").asText()).isEqualTo("USD/KRW");
        });

        JsonNode envelope = ruleTargetEnvelope(put.get(0));
        rateEvent = envelope;
        FunctionContainer target = ruleTarget("RateUpdatedRule", envelope);
        Result evaluation = target.invoke(envelope.toString());
        assertThat(evaluation.failed()).as(evaluation.payload()).isFalse();
        aws.awaitEventInvocations(); // evaluation wakes Delivery asynchronously
        List<TelegramCall> pushes = repliesTo(CHAT).subList(2, repliesTo(CHAT).size());
        assertThat(pushes).singleElement().satisfies(push -> {
            assertThat(push.inResponse()).as("a push is a call of its own").isFalse();
            assertThat(push.token()).isEqualTo(BOT_TOKEN);
            assertThat(push.body().path("text").asText()).contains("USD/KRW is 1,411.91");
        });

        assertThat(repliesTo(BLOCKER)).as("one attempt, refused by Telegram").hasSize(4);
        Map<String, AttributeValue> blocked = blockerItem();
        assertThat(blocked.get("active").bool()).as("the blocked user is deactivated: %s", blocked).isFalse();

        Result redelivery = target.invoke(envelope.toString());
        assertThat(redelivery.failed()).as(redelivery.payload()).isFalse();
        aws.awaitEventInvocations();
        assertThat(repliesTo(CHAT)).hasSize(3);
        assertThat(repliesTo(BLOCKER)).hasSize(4);

        Result sweep = schedule("PendingPushSweepSchedule");
        assertThat(sweep.failed()).as(sweep.payload()).isFalse();
        aws.awaitEventInvocations();
        assertThat(repliesTo(CHAT)).hasSize(3);
        assertThat(repliesTo(BLOCKER)).hasSize(4);
    }

    @Test
    @Order(2)
    void aSecondAlertCanBeListedAndDeleted() throws IOException {
        webhook(message("/alert USD KRW below 1000"));
        String reply = repliesTo(CHAT).get(repliesTo(CHAT).size() - 1).body().path("text").asText();
        Matcher id = Pattern.compile("Alert ([a-z0-9]+) set").matcher(reply);
        assertThat(id.find()).as(reply).isTrue();
        assertThat(lastReplyOf("/alerts")).contains(id.group(1));
        assertThat(lastReplyOf("/pause " + id.group(1))).containsIgnoringCase("paused");
        assertThat(lastReplyOf("/resume " + id.group(1))).contains("Armed " + id.group(1) + " again");
        assertThat(webhook(message("/delete " + id.group(1))).get("statusCode").asInt()).isEqualTo(200);
        assertThat(repliesTo(CHAT).get(repliesTo(CHAT).size() - 1).body().path("text").asText()).containsIgnoringCase("delete");
    }

    @Test
    @Order(3)
    void aUserWhoBlockedTheBotComesBackWithStart() throws IOException {
        aws.unblockChat(BLOCKER);
        int before = repliesTo(BLOCKER).size();
        assertThat(webhook(message(BLOCKER, "/start")).get("statusCode").asInt()).isEqualTo(200);
        assertThat(repliesTo(BLOCKER)).hasSize(before + 1);
        assertThat(blockerItem().get("active").bool()).isTrue();
    }

    @Test
    @Order(4)
    void adminRoutesAnswerOnAws() throws IOException {
        // /rate marks the pair as asked about (the webhook's UpdateItem on rate history); /alert no longer does.
        assertThat(webhook(message(BLOCKER, "/rate USD KRW")).get("statusCode").asInt()).isEqualTo(200);
        JsonNode stats = admin("GET", "/admin/stats", null);
        assertThat(stats.get("statusCode").asInt()).as(stats.toString()).isEqualTo(200);
        // /admin/sources reads what /sources reads (watched pairs, pairs asked about, their latest rates).
        JsonNode sources = admin("GET", "/admin/sources", null);
        assertThat(sources.get("statusCode").asInt()).as(sources.toString()).isEqualTo(200);
        assertThat(JSON.readTree(sources.get("body").asText()).path("sources")).isNotEmpty();
        JsonNode alerts = admin("GET", "/admin/alerts", null);
        assertThat(alerts.get("statusCode").asInt()).as(alerts.toString()).isEqualTo(200);
        JsonNode audit = admin("GET", "/admin/audit", null);
        assertThat(audit.get("statusCode").asInt()).as(audit.toString()).isEqualTo(200);

        JsonNode pause = admin("POST", "/admin/ingestion/pause", null);
        assertThat(pause.get("statusCode").asInt()).as(pause.toString()).isEqualTo(200);
        assertThat(aws.schedule(resolved.getAtt("IngestionSchedule", "Arn")).get("State").asText()).isEqualTo("DISABLED");
        JsonNode resume = admin("POST", "/admin/ingestion/resume", null);
        assertThat(resume.get("statusCode").asInt()).as(resume.toString()).isEqualTo(200);
        assertThat(aws.schedule(resolved.getAtt("IngestionSchedule", "Arn")).get("State").asText()).isEqualTo("ENABLED");

        int published = aws.putEntries().size();
        JsonNode run = admin("POST", "/admin/ingestion/run", null);
        assertThat(run.get("statusCode").asInt()).as(run.toString()).isEqualTo(200);
        assertThat(aws.putEntries().size()).as("an unchanged rate is not published again").isEqualTo(published);
    }

    /**
     * Rotation as the runbook describes it: new values put into the functions' secrets in Secrets Manager (Telegram
     * now accepting only the new token), no new version, no restart. The harness runs with a secrets cache time of
     * 0 s (FX_ALERT_SECRETS_CACHE_SECONDS) where AWS runs with the default 300 s.
     */
    @Test
    @Order(5)
    void aRotatedBotTokenAndWebhookSecretReachTheRunningFunctions() throws IOException {
        String newToken = "123456789:AArotated_token-9876543210";
        String newWebhookSecret = "e2e-rotated-webhook-secret-9876543210fedcba";
        aws.secret(resolved.ref("BotSecrets"), JSON.writeValueAsString(Map.of("TELEGRAM_BOT_TOKEN", newToken,
                "TELEGRAM_WEBHOOK_SECRET", newWebhookSecret, "ADMIN_API_TOKEN", ADMIN_TOKEN)));
        aws.secret(resolved.ref("EvaluationSecrets"), JSON.writeValueAsString(Map.of("TELEGRAM_BOT_TOKEN", newToken)));
        aws.secret(resolved.ref("DeliverySecrets"), JSON.writeValueAsString(Map.of("TELEGRAM_BOT_TOKEN", newToken)));
        aws.telegramToken(newToken);

        assertThat(webhook(message("/start")).get("statusCode").asInt()).as("the old secret is refused").isEqualTo(403);
        webhookSecret = newWebhookSecret;
        assertThat(webhook(message("/alert USD KRW above 1410")).get("statusCode").asInt()).isEqualTo(200);
        TelegramCall reply = repliesTo(CHAT).get(repliesTo(CHAT).size() - 1);
        assertThat(reply.inResponse()).as("the reply needs no token: it is the webhook's response").isTrue();
        assertThat(reply.body().path("text").asText()).contains("USD/KRW above 1,410");
        // A button press sends its message as a call: the webhook's client uses the new token.
        JsonNode press = webhook(buttonPress(CHAT, "a:pause:zzzzzzzz"));
        assertThat(press.get("statusCode").asInt()).isEqualTo(200);
        TelegramCall pressed = repliesTo(CHAT).get(repliesTo(CHAT).size() - 1);
        assertThat(pressed.inResponse()).isFalse();
        assertThat(pressed.token()).isEqualTo(newToken);
        assertThat(aws.telegramCalls().get(aws.telegramCalls().size() - 1))
                .as("the button's answer, in the response after its message")
                .satisfies(answer -> {
                    assertThat(answer.method()).isEqualTo("answercallbackquery");
                    assertThat(answer.inResponse()).isTrue();
                });

        int before = repliesTo(CHAT).size();
        Result evaluation = ruleTarget("RateUpdatedRule", rateEvent).invoke(rateEvent.toString());
        assertThat(evaluation.failed()).as(evaluation.payload()).isFalse();
        aws.awaitEventInvocations();
        assertThat(repliesTo(CHAT).subList(before, repliesTo(CHAT).size())).singleElement().satisfies(push -> {
            assertThat(push.token()).isEqualTo(newToken);
            assertThat(push.body().path("text").asText()).contains("threshold 1,410");
        });
    }

    @Test
    @Order(6)
    void aStoreFailureInTheWebhookApologizesAndCountsAFailureWithoutAskingForRedelivery() throws IOException {
        int before = repliesTo(CHAT).size();
        aws.dynamoDbDown(true);
        try {
            assertThat(webhook(message("/alerts")).get("statusCode").asInt()).as("no redelivery of this update").isEqualTo(200);
        } finally {
            aws.dynamoDbDown(false);
        }
        assertThat(repliesTo(CHAT).subList(before, repliesTo(CHAT).size())).singleElement()
                .satisfies(reply -> assertThat(reply.body().path("text").asText()).startsWith("Sorry, something went wrong"));
        assertThat(containers.get("BotWebhookFunction").output().lines()
                .filter(line -> line.startsWith("{\"_aws\"") && line.contains("\"WebhookFailures\":1")))
                .as("an EMF metric line the WebhookFailures alarm watches").hasSize(1);
    }

    /**
     * What a fan-out meets on Telegram's side, through Delivery as Lambda runs it: a group upgraded to a supergroup
     * (Telegram answers 400 with {@code migrate_to_chat_id}: the owner's chat and alerts move, the push goes to the
     * new chat), a group where the bot may no longer write (400: dead-lettered), and an event's pushes scheduled
     * beyond one drain (Delivery invokes itself, asynchronously, and a later invocation sends the rest).
     */
    @Test
    @Order(7)
    void deliveryInvokesItselfFollowsAMigratedGroupAndDeadLettersARefusedPush() throws IOException {
        long group = -4001234567L;
        long supergroup = -1004001234567L;
        long readOnly = -4007654321L;
        webhook(groupMessage(group, "/start"));
        for (String threshold : List.of("1300", "1301", "1302")) {
            JsonNode set = webhook(groupMessage(group, "/alert USD KRW above " + threshold));
            assertThat(set.get("statusCode").asInt()).isEqualTo(200);
        }
        webhook(groupMessage(readOnly, "/start"));
        webhook(groupMessage(readOnly, "/alert USD KRW above 1303"));
        aws.migrateChat(group, supergroup);
        aws.readOnlyChat(readOnly);
        int invocationsBefore = selfInvocations();

        Result evaluation = ruleTarget("RateUpdatedRule", rateEvent).invoke(rateEvent.toString());
        assertThat(evaluation.failed()).as(evaluation.payload()).isFalse();
        aws.awaitEventInvocations();

        assertThat(aws.failedEvents()).isEmpty();
        assertThat(repliesTo(supergroup)).as("the three pushes, in the supergroup").hasSize(3)
                .allSatisfy(push -> assertThat(push.body().path("text").asText()).contains("USD/KRW is 1,411.91"));
        assertThat(usersItemOfChat(supergroup)).as("the owner moved with the chat").isPresent();
        assertThat(usersItemOfChat(group)).isEmpty();
        assertThat(selfInvocations()).as("Delivery invoked itself while pushes were due").isGreaterThan(invocationsBefore);
        assertThat(repliesTo(readOnly).stream().filter(call -> !call.inResponse()))
                .as("one attempt, refused, dead-lettered: never retried").hasSize(1);
    }

    /**
     * Daily digest on AWS (issue 15): /digest 08:30 through the webhook creates the user's schedule at Scheduler (in
     * the digest group, the user's zone, targeting Delivery's alias with the schedule role and DLQ the template
     * gives); a new zone replaces it; the schedule's input, invoked as its role may, sends one digest through
     * Delivery, once per local date; /digest off deletes it, and a schedule left behind is deleted by Delivery when
     * it fires.
     */
    @Test
    @Order(8)
    void aDigestScheduleIsPutByTheWebhookAndSendsOneDigestThroughDelivery() throws IOException {
        assertThat(lastReplyOf("/digest 08:30")).startsWith("Your daily digest comes every day at 08:30 (UTC)");
        String userId = usersItemOfChat(CHAT).orElseThrow().get("userId").s();
        String group = resolved.ref("DigestScheduleGroup");
        String arn = "arn:aws:scheduler:" + ResolvedTemplate.REGION + ":" + ResolvedTemplate.ACCOUNT + ":schedule/"
                + group + "/digest-" + userId;
        ObjectNode created = aws.schedule(arn);
        assertThat(created).as("the user's schedule at Scheduler").isNotNull();
        assertThat(created.path("ScheduleExpression").asText()).isEqualTo("cron(30 8 * * ? *)");
        assertThat(created.path("ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
        // A digest time without its schedule (stored before this path existed): the operator's bulk step puts it.
        aws.forgetSchedule(arn);
        JsonNode bulk = admin("POST", "/admin/digests/schedule", null);
        assertThat(bulk.get("statusCode").asInt()).as(bulk.toString()).isEqualTo(200);
        assertThat(JSON.readTree(bulk.get("body").asText()).path("scheduled").asInt()).isEqualTo(1);
        assertThat(aws.schedule(arn)).as("put again by POST /admin/digests/schedule").isNotNull();

        assertThat(lastReplyOf("/timezone Asia/Seoul")).contains("Asia/Seoul");
        JsonNode schedule = aws.schedule(arn);
        assertThat(schedule.path("ScheduleExpressionTimezone").asText()).as("replaced in the new zone").isEqualTo("Asia/Seoul");
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("cron(30 8 * * ? *)");
        assertThat(schedule.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
        JsonNode target = schedule.path("Target");
        String delivery = resolved.getAtt("DeliveryFunction", "Arn") + ":live";
        assertThat(target.path("Arn").asText()).isEqualTo(delivery);
        assertThat(target.path("RoleArn").asText()).isEqualTo(resolved.getAtt("DigestSchedulerRole", "Arn"));
        assertThat(target.path("DeadLetterConfig").path("Arn").asText())
                .isEqualTo(resolved.getAtt("DigestDeadLetterQueue", "Arn"));
        assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isEqualTo(3);
        assertThat(target.path("Input").asText()).as("the user's id, nothing else")
                .isEqualTo("{\"action\":\"send-digest\",\"userId\":\"" + userId + "\"}");
        // What Scheduler does with the schedule's role: invoke exactly that target, or put the miss in the DLQ.
        ResolvedPolicy schedulerRole = ResolvedPolicy.ofRole(resolved, "DigestSchedulerRole");
        assertThat(schedulerRole.allows("lambda:InvokeFunction", delivery)).isTrue();
        assertThat(schedulerRole.allows("sqs:SendMessage", target.path("DeadLetterConfig").path("Arn").asText())).isTrue();

        int before = repliesTo(CHAT).size();
        FunctionContainer target0 = containerOfAlias.get(target.path("Arn").asText());
        Result fired = target0.invoke(target.path("Input").asText());
        assertThat(fired.failed()).as(fired.payload()).isFalse();
        assertThat(JSON.readTree(fired.payload()).path("digest").asText()).isEqualTo("SENT");
        Result again = target0.invoke(target.path("Input").asText());
        assertThat(JSON.readTree(again.payload()).path("digest").asText()).as("Scheduler fired twice").isEqualTo("ALREADY_SENT");
        aws.awaitEventInvocations();
        assertThat(repliesTo(CHAT).subList(before, repliesTo(CHAT).size())).singleElement().satisfies(digest -> {
            assertThat(digest.inResponse()).isFalse();
            assertThat(digest.body().path("text").asText()).startsWith("☀️ Your daily digest").contains("USD/KRW");
        });

        assertThat(lastReplyOf("/digest off")).startsWith("No more daily digest.");
        assertThat(aws.schedule(arn)).as("deleted by the webhook").isNull();

        // A schedule whose deletion was lost fires for a user without a digest: nothing is sent, Delivery deletes it.
        aws.schedule((ObjectNode) schedule.deepCopy());
        Result stale = target0.invoke(target.path("Input").asText());
        assertThat(JSON.readTree(stale.payload()).path("digest").asText()).isEqualTo("NOT_WANTED");
        assertThat(aws.schedule(arn)).as("deleted by Delivery").isNull();
        assertThat(repliesTo(CHAT).get(repliesTo(CHAT).size() - 1).body().path("text").asText()).isEqualTo("No more daily digest.");
    }

    /**
     * Quiet hours released (issue 15, branch quiet15b): a push fired during quiet hours is held by Delivery; /quiet off
     * in the webhook makes it due and wakes Delivery the way evaluation does (an asynchronous Invoke of its alias,
     * the webhook's WakeDeliveryAfterQuietHoursRelease grant), and the push comes at once.
     */
    @Test
    @Order(9)
    void quietOffInTheWebhookWakesDeliveryForTheHeldPush() throws IOException {
        long sleeper = 666000222L;
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC).withSecond(0).withNano(0);
        webhook(message(sleeper, "/start"));
        webhook(message(sleeper, "/quiet " + now.minusHours(1) + "-" + now.plusHours(2))); // UTC, the user's zone
        webhook(message(sleeper, "/alert USD KRW above 1400"));
        assertThat(repliesTo(sleeper)).hasSize(3).allMatch(TelegramCall::inResponse);

        Result evaluation = ruleTarget("RateUpdatedRule", rateEvent).invoke(rateEvent.toString());
        assertThat(evaluation.failed()).as(evaluation.payload()).isFalse();
        aws.awaitEventInvocations();
        assertThat(repliesTo(sleeper)).as("held for the quiet hours").hasSize(3);

        webhook(message(sleeper, "/quiet off"));
        aws.awaitEventInvocations();

        List<TelegramCall> calls = repliesTo(sleeper);
        assertThat(calls.get(3).body().path("text").asText()).startsWith("Quiet hours are off");
        assertThat(calls.subList(4, calls.size())).singleElement().satisfies(push -> {
            assertThat(push.inResponse()).isFalse();
            assertThat(push.body().path("text").asText()).contains("USD/KRW is 1,411.91");
        });
    }

    private int selfInvocations() {
        String delivery = resolved.getAtt("DeliveryFunction", "Arn") + ":live";
        String role = ResolvedPolicy.ofFunction(resolved, "DeliveryFunction").role();
        return (int) aws.calls().stream()
                .filter(call -> call.principal().equals(role) && call.action().equals("lambda:InvokeFunction")
                        && call.resource().equals(delivery))
                .count();
    }

    /** The user item whose chat is {@code chat} (read from dynalite directly, unrecorded). */
    private java.util.Optional<Map<String, AttributeValue>> usersItemOfChat(long chat) {
        return dynalite.client().scan(b -> b.tableName(resolved.ref("UsersTable"))).items().stream()
                .filter(item -> item.containsKey("chatId") && String.valueOf(chat).equals(
                        item.get("chatId").n() != null ? item.get("chatId").n() : item.get("chatId").s()))
                .findFirst();
    }

    @Test
    @Order(10)
    void everyAwsCallWasGrantedAndEveryGrantWasUsed() throws IOException {
        java.nio.file.Files.write(LOGS.resolve("aws-calls.txt"), aws.calls().stream().map(Call::toString).toList());
        assertThat(aws.denied()).as("calls the template's roles do not allow").isEmpty();
        assertThat(aws.failedEvents()).as("asynchronous invocations that failed").isEmpty();
        for (String function : FUNCTIONS) {
            ResolvedPolicy policy = ResolvedPolicy.ofFunction(resolved, function);
            List<Call> calls = aws.calls().stream().filter(call -> call.principal().equals(policy.role())).toList();
            assertThat(calls).as(function + " made AWS calls").isNotEmpty();
            if (!EVERY_GRANT_USED.contains(function)) {
                continue;
            }
            List<Grant> unused = new ArrayList<>(policy.unused(calls));
            // Evaluation keeps its bot-token secret for the inline-sending fallback (DELIVERY_FUNCTION_NAME unset);
            // with the template's Delivery function it records pushes and reads no secret.
            unused.removeIf(g -> function.equals("EvaluationFunction") && g.sid().equals("OwnSecrets"));
            List<Grant> lambdaItself = unused.stream().filter(g -> GRANTS_USED_BY_LAMBDA_ITSELF.containsKey(g.sid())).toList();
            unused.removeAll(lambdaItself);
            assertThat(unused).as(policy.role() + " grants that nothing in the flow used").isEmpty();
            assertThat(policy.grants().stream().filter(g -> GRANTS_USED_BY_LAMBDA_ITSELF.containsKey(g.sid())))
                    .as(policy.role() + ": grants Lambda uses must not be used by the code").allMatch(lambdaItself::contains);
        }
    }

    /**
     * The cost model (docs/cost.md) counts 1 write unit per write and half a read unit per item read, which holds
     * for items under 1 KB. Measures every item the flow left, by DynamoDB's size rules, and writes the largest per
     * table and kind to target/aws-e2e/item-sizes.txt (the numbers docs/cost.md quotes).
     */
    @Test
    @Order(11)
    void everyItemStaysUnderOneKilobyte() throws IOException {
        List<String> report = new ArrayList<>();
        for (String table : List.of("UsersTable", "AlertsTable", "RateHistoryTable")) {
            Map<String, Integer> largestByKind = new java.util.TreeMap<>();
            for (Map<String, AttributeValue> item : dynalite.client().scan(b -> b.tableName(resolved.ref(table))).items()) {
                int size = item.entrySet().stream().mapToInt(e -> utf8(e.getKey()) + size(e.getValue())).sum();
                assertThat(size).as(table + " item " + item.keySet()).isLessThan(1024);
                String kind = item.keySet().stream().sorted().toList().toString();
                largestByKind.merge(kind.length() > 60 ? kind.substring(0, 60) + "..." : kind, size, Math::max);
            }
            largestByKind.forEach((kind, size) -> report.add(table + " " + size + " B " + kind));
        }
        java.nio.file.Files.write(LOGS.resolve("item-sizes.txt"), report);
    }

    /** DynamoDB's item size rules: names and strings in UTF-8 bytes, numbers ~1 byte per 2 digits + 1. */
    private static int size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            String digits = value.n().replaceAll("[^0-9]", "").replaceAll("^0+", "");
            return (digits.length() + 1) / 2 + 1;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasM()) {
            return 3 + value.m().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> 1 + size(v)).sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToInt(AwsPathEndToEndTest::utf8).sum();
        }
        return value.b() != null ? value.b().asByteArray().length : 0;
    }

    private static int utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    // ------------------------------------------------------------------ envelopes as AWS sends them

    /** API Gateway HTTP API (payload 2.0) for Telegram's POST with the secret header, answered by the webhook. */
    private JsonNode webhook(ObjectNode update) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Template.REPOSITORY_ROOT.resolve("infra/events/webhook-message.json").toFile());
        ((ObjectNode) event.get("headers")).put("x-telegram-bot-api-secret-token", webhookSecret);
        ((ObjectNode) event.get("headers")).put("content-length", String.valueOf(update.toString().length()));
        event.put("body", update.toString());
        return httpApi(event);
    }

    private JsonNode admin(String method, String path, String body) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Template.REPOSITORY_ROOT.resolve("infra/events/admin-get-stats.json").toFile());
        ((ObjectNode) event.get("headers")).put("authorization", "Bearer " + ADMIN_TOKEN);
        event.put("rawPath", path);
        ((ObjectNode) event.get("pathParameters")).put("proxy", path.substring("/admin/".length()));
        ((ObjectNode) event.at("/requestContext/http")).put("method", method).put("path", path);
        if (body != null) {
            event.put("body", body);
        }
        return httpApi(event);
    }

    /** Sends through the integration the route targets, as API Gateway does. */
    private JsonNode httpApi(ObjectNode event) throws IOException {
        Map<String, Object> integration = resolved.template().propertiesOfType("AWS::ApiGatewayV2::Integration").get("BotWebhookIntegration");
        assertThat(integration.get("PayloadFormatVersion")).isEqualTo(event.get("version").asText());
        FunctionContainer container = containerOfAlias.get(resolved.text(integration.get("IntegrationUri")));
        Result result = container.invoke(event.toString());
        assertThat(result.failed()).as(result.payload()).isFalse();
        JsonNode response = JSON.readTree(result.payload());
        // Telegram executes a Bot API method the webhook's 200 carries in its body (a one-message reply).
        String body = response.path("body").asText("");
        if (response.path("statusCode").asInt() == 200 && !body.isEmpty() && event.path("rawPath").asText().endsWith("/telegram/webhook")) {
            assertThat(response.at("/headers/Content-Type").asText()).isEqualTo("application/json");
            aws.webhookResponse(JSON.readTree(body));
        }
        return response;
    }

    private ObjectNode message(String text) {
        return message(CHAT, text);
    }

    private ObjectNode message(long chat, String text) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", ++updateIds);
        ObjectNode message = update.putObject("message");
        message.put("message_id", updateIds % 100000);
        message.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Mina").put("language_code", "en");
        message.putObject("chat").put("id", chat).put("first_name", "Mina").put("type", "private");
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", text);
        int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
        message.putArray("entities").addObject().put("offset", 0).put("length", command).put("type", "bot_command");
        return update;
    }

    /** A command in a group chat (negative id) by its member Mina. */
    private ObjectNode groupMessage(long group, String text) {
        ObjectNode update = message(CHAT, text);
        ((ObjectNode) update.get("message").get("chat")).removeAll().put("id", group).put("title", "FX desk")
                .put("type", "group");
        return update;
    }

    /** A press of an inline button under one of the bot's messages in {@code chat}. */
    private ObjectNode buttonPress(long chat, String data) {
        ObjectNode update = JSON.createObjectNode();
        update.put("update_id", ++updateIds);
        ObjectNode query = update.putObject("callback_query");
        query.put("id", "cbq-" + updateIds);
        query.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Mina").put("language_code", "en");
        ObjectNode message = query.putObject("message");
        message.put("message_id", 1);
        message.put("date", Instant.now().getEpochSecond());
        message.putObject("chat").put("id", chat).put("first_name", "Mina").put("type", "private");
        message.put("text", "Alert");
        query.put("chat_instance", "e2e-" + chat);
        query.put("data", data);
        return update;
    }

    /** The schedule's target input, delivered to the function its target names. */
    private Result schedule(String scheduleId) {
        Map<String, Object> target = map(resolved.template().propertiesOfType("AWS::Scheduler::Schedule").get(scheduleId).get("Target"));
        FunctionContainer container = containerOfAlias.get(resolved.text(target.get("Arn")));
        assertThat(container).as(scheduleId + " targets a function alias").isNotNull();
        return container.invoke(String.valueOf(target.get("Input")));
    }

    /** What EventBridge hands a rule's Lambda target for one PutEvents entry. */
    private static JsonNode ruleTargetEnvelope(PutEntry put) throws IOException {
        JsonNode entry = put.entry();
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", put.eventId());
        envelope.put("detail-type", entry.get("DetailType").asText());
        envelope.put("source", entry.get("Source").asText());
        envelope.put("account", ResolvedTemplate.ACCOUNT);
        envelope.put("time", put.time().truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("region", ResolvedTemplate.REGION);
        envelope.set("resources", entry.has("Resources") ? entry.get("Resources") : JSON.createArrayNode());
        envelope.set("detail", JSON.readTree(entry.get("Detail").asText()));
        return envelope;
    }

    /** The function the rule's target names, after checking the envelope matches the rule's pattern. */
    private FunctionContainer ruleTarget(String ruleId, JsonNode envelope) {
        Map<String, Object> rule = resolved.template().propertiesOfType("AWS::Events::Rule").get(ruleId);
        map(rule.get("EventPattern")).forEach((field, allowed) ->
                assertThat(oneOrMany(allowed)).as("rule pattern " + field).contains(envelope.get(field).asText()));
        Map<String, Object> target = map(oneOrMany(rule.get("Targets")).get(0));
        FunctionContainer container = containerOfAlias.get(resolved.text(target.get("Arn")));
        assertThat(container).as(ruleId + " targets a function alias").isNotNull();
        return container;
    }

    /** The blocking user's item as the store keeps it (the test reads dynalite directly, unrecorded). */
    private Map<String, AttributeValue> blockerItem() {
        return dynalite.client().scan(b -> b.tableName(resolved.ref("UsersTable"))).items().stream()
                .filter(item -> item.containsKey("chatId") && String.valueOf(BLOCKER).equals(
                        item.get("chatId").n() != null ? item.get("chatId").n() : item.get("chatId").s()))
                .findFirst().orElseThrow();
    }

    private List<TelegramCall> repliesTo(long chat) {
        return aws.sentMessages().stream().filter(call -> call.body().path("chat_id").asLong() == chat).toList();
    }

    private String lastReplyOf(String command) throws IOException {
        webhook(message(command));
        List<TelegramCall> replies = repliesTo(CHAT);
        TelegramCall last = replies.get(replies.size() - 1);
        return last.body().path("text").asText() + " " + last.body().path("reply_markup");
    }

    private static CreateTableRequest createTable(String name, Map<String, Object> properties) {
        List<AttributeDefinition> attributes = oneOrMany(properties.get("AttributeDefinitions")).stream()
                .map(a -> AttributeDefinition.builder().attributeName(String.valueOf(map(a).get("AttributeName")))
                        .attributeType(String.valueOf(map(a).get("AttributeType"))).build()).toList();
        List<GlobalSecondaryIndex> indexes = oneOrMany(properties.get("GlobalSecondaryIndexes")).stream()
                .map(i -> GlobalSecondaryIndex.builder().indexName(String.valueOf(map(i).get("IndexName")))
                        .keySchema(keys(map(i).get("KeySchema")))
                        .projection(Projection.builder().projectionType(String.valueOf(map(map(i).get("Projection")).get("ProjectionType"))).build())
                        .build()).toList();
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.fromValue(String.valueOf(properties.get("BillingMode"))))
                .attributeDefinitions(attributes).keySchema(keys(properties.get("KeySchema")));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    private static List<KeySchemaElement> keys(Object schema) {
        return oneOrMany(schema).stream().map(k -> KeySchemaElement.builder()
                .attributeName(String.valueOf(map(k).get("AttributeName"))).keyType(String.valueOf(map(k).get("KeyType"))).build()).toList();
    }
}
