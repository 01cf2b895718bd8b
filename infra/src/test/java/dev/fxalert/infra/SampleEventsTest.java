package dev.fxalert.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.event.RateUpdatedJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.fxalert.infra.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

/** The sample events in infra/events (for sam local invoke) are what the template's triggers really send. */
class SampleEventsTest {

    private static final Path EVENTS = Template.REPOSITORY_ROOT.resolve("infra/events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Template template;

    @BeforeAll
    static void load() throws IOException {
        template = Template.load();
    }

    private static JsonNode event(String file) throws IOException {
        return JSON.readTree(EVENTS.resolve(file).toFile());
    }

    @Test
    void rateUpdatedSampleMatchesTheRuleAndCarriesAValidDetail() throws IOException {
        JsonNode event = event("rate-updated.json");
        Map<String, Object> pattern = map(template.propertiesOfType("AWS::Events::Rule").get("RateUpdatedRule").get("EventPattern"));

        assertThat(pattern.get("source")).isEqualTo(List.of(event.get("source").asText()));
        assertThat(pattern.get("detail-type")).isEqualTo(List.of(event.get("detail-type").asText()));
        assertThat(event.get("source").asText()).isEqualTo(RateUpdated.SOURCE);
        assertThat(event.get("detail-type").asText()).isEqualTo(RateUpdated.DETAIL_TYPE);

        RateUpdated detail = new RateUpdatedJson().fromDetail(event.get("detail"));
        assertThat(detail.pair()).isEqualTo(CurrencyPair.parse("USD/KRW"));
        assertThat(detail.rate()).isEqualByComparingTo(new BigDecimal("1402.35"));
    }

    @Test
    void scheduleSamplesAreTheInputsTheSchedulesSend() throws IOException {
        Map<String, Map<String, Object>> schedules = template.propertiesOfType("AWS::Scheduler::Schedule");

        assertThat(event("ingestion-schedule.json"))
                .isEqualTo(JSON.readTree(String.valueOf(map(schedules.get("IngestionSchedule").get("Target")).get("Input"))));
        assertThat(event("evaluation-sweep.json"))
                .isEqualTo(JSON.readTree(String.valueOf(map(schedules.get("PendingPushSweepSchedule").get("Target")).get("Input"))));
    }

    @Test
    void deliverySampleIsTheWakeUpEvaluationAndDeliveryItselfSend() throws IOException {
        // sam local invoke DeliveryFunction -e events/delivery-drain.json
        assertThat(event("delivery-drain.json").path("action").asText())
                .isEqualTo(dev.fxalert.evaluation.lambda.DeliveryHandler.DRAIN_ACTION);
    }

    @Test
    void httpApiSamplesUseTheTemplatesRoutesInPayloadFormat2() throws IOException {
        List<Object> routeKeys = template.propertiesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .map(route -> route.get("RouteKey")).toList();

        for (String file : List.of("webhook-message.json", "admin-get-stats.json")) {
            JsonNode event = event(file);
            assertThat(event.get("version").asText()).as(file).isEqualTo("2.0");
            assertThat(routeKeys).as(file).contains(event.get("routeKey").asText());
        }
        JsonNode webhook = event("webhook-message.json");
        assertThat(webhook.at("/headers/x-telegram-bot-api-secret-token").asText()).isNotBlank();
        JsonNode update = JSON.readTree(webhook.get("body").asText());
        assertThat(update.at("/message/text").asText()).isEqualTo("/alert USD KRW above 1400");
    }
}
