package dev.fxalert.evaluation.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.event.RateUpdatedJson;
import dev.fxalert.core.testing.LogCapture;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.support.ScriptedNotifier;
import dev.fxalert.evaluation.support.StoreFixture;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.support.DirectExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.fxalert.evaluation.support.StoreFixture.USD_KRW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationHandlerTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final MutableClock clock = new MutableClock(START);
    private final ScriptedNotifier notifier = new ScriptedNotifier(clock);
    private final LogCapture logs = LogCapture.start();
    private StoreFixture store;
    private PacedSender sender;
    private EvaluationHandler handler;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir, clock);
        sender = new PacedSender(notifier, store.alerts(), store.users(), DeliveryObserver.NONE, PacingConfig.DEFAULTS,
                clock, clock.sleeper(), new DirectExecutorService());
        EvaluationService service = new EvaluationService(store.alerts(), store.users(), sender, clock,
                EvaluationConfig.DEFAULTS);
        handler = new EvaluationHandler(service, mapper);
    }

    @AfterEach
    void close() {
        logs.close();
        sender.close();
        store.close();
    }

    private JsonNode invoke(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return mapper.readTree(out.toByteArray());
    }

    private static String eventBridgeEnvelope(String id, String detailType, String detail) {
        return "{\"version\":\"0\",\"id\":\"" + id + "\",\"detail-type\":\"" + detailType + "\","
                + "\"source\":\"fx-alert.ingestion\",\"account\":\"123456789012\",\"time\":\"2026-11-25T09:00:00Z\","
                + "\"region\":\"ap-northeast-2\",\"resources\":[],\"detail\":" + detail + "}";
    }

    private List<JsonNode> logLines() {
        return logs.linesOf(EvaluationHandler.class);
    }

    @Test
    void evaluatesARateUpdatedEventAndLogsWithTheEventBridgeIdAsCorrelationId() throws IOException {
        User mina = store.user(11, "en");
        store.alert("k3m9x2qa", mina, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        RateUpdated event = RateUpdated.of(new Rate(USD_KRW, new BigDecimal("1401"), "frankfurter", START), null);

        JsonNode result = invoke(eventBridgeEnvelope("eb-123", "RateUpdated", new RateUpdatedJson().toDetail(event)));

        assertThat(result.path("fired").asInt()).isEqualTo(1);
        assertThat(result.path("pushes").path("delivered").asInt()).isEqualTo(1);
        assertThat(notifier.sent()).hasSize(1);
        assertThat(logLines()).last().satisfies(line -> {
            assertThat(line.path("correlationId").asText()).isEqualTo("eb-123");
            assertThat(line.path("requestId").asText()).isEqualTo("unknown");
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("eventId").asText()).isEqualTo(event.eventId());
            assertThat(line.path("result").path("fired").asInt()).isEqualTo(1);
        });
    }

    @Test
    void theScheduledSweepActionSendsPendingPushes() throws IOException {
        JsonNode result = invoke("{\"action\":\"sweep-pending-pushes\"}");

        assertThat(result.path("found").asInt()).isZero();
        assertThat(logLines()).last().extracting(line -> line.path("message").asText()).isEqualTo("swept pending pushes");
    }

    @Test
    void rejectsAMalformedDetailWithAClearErrorAndLogsIt() throws IOException {
        String detail = "{\"schemaVersion\":1,\"eventId\":\"e1\",\"pair\":\"USD/KRW\",\"provider\":\"ecb\","
                + "\"observedAt\":\"2026-11-25T09:00:00Z\"}";

        assertThatThrownBy(() -> invoke(eventBridgeEnvelope("eb-bad", "RateUpdated", detail)))
                .isInstanceOf(InvalidInputEventException.class)
                .hasMessageContaining("malformed RateUpdated event").hasMessageContaining("'rate'");
        assertThat(logLines()).last().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("correlationId").asText()).isEqualTo("eb-bad");
            assertThat(line.path("error").asText()).contains("'rate' is missing");
        });
        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void rejectsOtherDetailTypesUnknownActionsAndNonJson() {
        assertThatThrownBy(() -> invoke(eventBridgeEnvelope("eb-1", "AlertCreated", "{}")))
                .hasMessageContaining("unsupported detail-type 'AlertCreated'");
        assertThatThrownBy(() -> invoke("{\"action\":\"sweep-everything\"}"))
                .hasMessageContaining("expected an EventBridge event").hasMessageContaining("[action]");
        assertThatThrownBy(() -> invoke("not json")).hasMessageContaining("input is not JSON");
        assertThatThrownBy(() -> invoke("[1,2]")).hasMessageContaining("must be a JSON object");
    }
}
