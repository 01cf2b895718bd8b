package dev.fxalert.evaluation.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.support.DeliveryPath;
import dev.fxalert.evaluation.support.ScriptedNotifier;
import dev.fxalert.evaluation.support.StoreFixture;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.fxalert.evaluation.support.StoreFixture.USD_KRW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The Delivery Lambda: drains within its time, re-invokes itself while pushes are due. Manual clock, no sleeps. */
class DeliveryHandlerTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final MutableClock clock = new MutableClock(START);
    private final ScriptedNotifier notifier = new ScriptedNotifier(clock);
    private final List<String> selfInvocations = new ArrayList<>();
    private final Context context = mock(Context.class);
    private StoreFixture store;
    private DeliveryPath path;
    private DeliveryHandler handler;
    private EvaluationService evaluation;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir, clock);
        path = new DeliveryPath(store, notifier, clock);
        handler = new DeliveryHandler(path.delivery, (eventId, count) -> selfInvocations.add(eventId), clock,
                Duration.ofSeconds(10), mapper);
        evaluation = EvaluationService.recording(store.alerts(), store.users(), clock, EvaluationConfig.DEFAULTS,
                (eventId, count) -> { }, Duration.ofMillis(500));
        when(context.getAwsRequestId()).thenReturn("req-1");
        when(context.getRemainingTimeInMillis()).thenReturn(900_000);
    }

    @AfterEach
    void close() {
        path.close();
        store.close();
    }

    private void fire(int pushes) {
        for (int i = 0; i < pushes; i++) {
            User user = store.user(100 + i, "en");
            store.alert(String.format("a%07d", i), user, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        }
        evaluation.onRateUpdated(RateUpdated.of(new Rate(USD_KRW, new BigDecimal("1401"), "frankfurter",
                clock.instant()), null));
    }

    private JsonNode invoke(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, context);
        return mapper.readTree(out.toByteArray());
    }

    @Test
    void drainsTheOutboxAndStopsWhenItIsEmpty() throws Exception {
        fire(5);

        JsonNode result = invoke(LambdaDeliveryTrigger.DRAIN_REQUEST);

        assertThat(result.path("pushes").path("delivered").asInt()).isEqualTo(5);
        assertThat(result.path("moreLeft").asBoolean()).isFalse();
        assertThat(selfInvocations).isEmpty();
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void invokesItselfAgainWhenItsTimeRanOutWithPushesStillDue() throws Exception {
        fire(40); // 20 s at 2/s, the drain may take 10 s

        JsonNode first = invoke(LambdaDeliveryTrigger.DRAIN_REQUEST);

        assertThat(first.path("moreLeft").asBoolean()).isTrue();
        assertThat(selfInvocations).hasSize(1);
        JsonNode second = invoke(LambdaDeliveryTrigger.DRAIN_REQUEST);
        JsonNode third = invoke(LambdaDeliveryTrigger.DRAIN_REQUEST);
        assertThat(first.path("pushes").path("delivered").asInt() + second.path("pushes").path("delivered").asInt()
                + third.path("pushes").path("delivered").asInt()).isEqualTo(40);
        assertThat(notifier.sent()).extracting(s -> s.message().chatId()).doesNotHaveDuplicates().hasSize(40);
    }

    @Test
    void neverDrainsIntoTheLastMinuteOfItsTimeout() throws Exception {
        fire(40);
        when(context.getRemainingTimeInMillis()).thenReturn(63_000); // 3 s left before the margin

        JsonNode result = invoke(LambdaDeliveryTrigger.DRAIN_REQUEST);

        assertThat(result.path("moreLeft").asBoolean()).isTrue();
        assertThat(notifier.sent().get(notifier.sent().size() - 1).at()).isBefore(START.plusSeconds(6));
    }

    @Test
    void rejectsAnythingButADrainRequest() {
        assertThatThrownBy(() -> invoke("{\"action\":\"sweep-pending-pushes\"}"))
                .isInstanceOf(InvalidInputEventException.class).hasMessageContaining("drain-outbox");
        assertThatThrownBy(() -> invoke("not json")).isInstanceOf(InvalidInputEventException.class);
    }
}
