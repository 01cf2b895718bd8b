package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.referencesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API in front of the webhook function, the alarms operators rely on, and the outputs they copy. */
class ApiAndAlarmsTest {

    private static Template template;

    @BeforeAll
    static void load() throws IOException {
        template = Template.load();
    }

    @Test
    void httpApiRoutesTheTelegramWebhookAndTheAdminApiToTheWebhookFunctionOnly() {
        Map<String, Map<String, Object>> routes = template.propertiesOfType("AWS::ApiGatewayV2::Route");
        Set<Object> routeKeys = routes.values().stream().map(route -> route.get("RouteKey")).collect(Collectors.toSet());
        assertThat(routeKeys).containsExactlyInAnyOrder("POST /telegram/webhook", "ANY /admin/{proxy+}");
        routes.forEach((id, route) -> assertThat(referencesIn(route.get("Target"))).as(id).containsExactly("BotWebhookIntegration"));

        Map<String, Object> integration = template.propertiesOfType("AWS::ApiGatewayV2::Integration").get("BotWebhookIntegration");
        assertThat(integration.get("IntegrationType")).isEqualTo("AWS_PROXY");
        assertThat(referencesIn(integration.get("IntegrationUri"))).containsExactly("BotWebhookFunction");
        assertThat((Integer) integration.get("TimeoutInMillis")).isLessThanOrEqualTo(30_000);
    }

    @Test
    void onlyTheHttpApiMayInvokeTheWebhookFunction() {
        Map<String, Object> permission = template.propertiesOfType("AWS::Lambda::Permission").get("HttpApiInvokesBotWebhook");
        assertThat(permission.get("Principal")).isEqualTo("apigateway.amazonaws.com");
        assertThat(referencesIn(permission.get("SourceArn"))).containsExactly("HttpApi");
    }

    @Test
    void everyDeadLetterQueueAndEveryFunctionHasAnAlarmThatNotifiesTheTopic() {
        Map<String, Map<String, Object>> alarms = template.propertiesOfType("AWS::CloudWatch::Alarm");
        Set<String> watched = alarms.values().stream()
                .flatMap(alarm -> referencesIn(alarm.get("Dimensions")).stream())
                .collect(Collectors.toSet());

        assertThat(watched).containsAll(template.propertiesOfType("AWS::SQS::Queue").keySet());
        assertThat(watched).containsAll(template.propertiesOfType("AWS::Serverless::Function").keySet());
        alarms.forEach((id, alarm) -> assertThat(referencesIn(alarm.get("AlarmActions"))).as(id).containsExactly("AlarmTopic"));
    }

    @Test
    void outputsGiveTheWebhookAndAdminUrlsAndTheTableNames() {
        Map<String, Object> outputs = template.section("Outputs");
        assertThat(outputs).containsKeys("WebhookUrl", "AdminUrl", "UsersTableName", "AlertsTableName",
                "RateHistoryTableName", "EvaluationDeadLetterQueueUrl", "SchedulerDeadLetterQueueUrl");
        assertThat(String.valueOf(map(map(outputs.get("WebhookUrl")).get("Value")).get("Fn::Sub"))).endsWith("/telegram/webhook");
        assertThat(String.valueOf(map(map(outputs.get("AdminUrl")).get("Value")).get("Fn::Sub"))).endsWith("/admin/");
    }
}
