package dev.fxalert.evaluation.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.digest.DigestSchedules;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.evaluation.delivery.PacedSender;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.digest.DigestBatch;
import dev.fxalert.evaluation.digest.DigestService;
import dev.fxalert.evaluation.support.DirectExecutorService;
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
import java.util.concurrent.atomic.AtomicInteger;

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

    // ---- daily digest on AWS (issue 15): the users' schedules invoke this function ----

    private DeliveryHandler withDigests() {
        return withDigests(path.sender, Duration.ofSeconds(10));
    }

    private DeliveryHandler withDigests(PacedSender sender, Duration maxDrain) {
        OutboxDelivery delivery = new OutboxDelivery(store.alerts(), store.users(), sender, clock, clock.sleeper(),
                new DirectExecutorService(), new OutboxDelivery.Config(4, Duration.ofSeconds(1), 2));
        DigestService digests = new DigestService(store.users(), store.alerts(), store.rateHistory(),
                sender.broadcastBudget(), clock);
        DigestBatch batch = new DigestBatch(store.users(), digests, clock, new DirectExecutorService(), 4);
        return new DeliveryHandler(delivery, batch, (eventId, count) -> selfInvocations.add(eventId), clock,
                maxDrain, mapper);
    }

    private User digestUser(long chatId, String zone, String time) {
        User user = store.user(chatId, "en");
        store.users().setTimezone(user.id(), zone);
        store.users().setDigestTime(user.id(), time);
        return store.users().findById(user.id()).orElseThrow();
    }

    @Test
    void aDigestInvocationSendsThePushesThatAreDueFirstThenTheDigestThroughTheSameSender() throws Exception {
        handler = withDigests();
        fire(3);
        User mina = digestUser(42L, "UTC", "09:00");
        // The schedule's input exactly as the schedule carries it.
        String input = DigestSchedules.of(mina).orElseThrow().payload();

        JsonNode result = invoke(input);

        assertThat(result.path("digest").asText()).isEqualTo("SENT");
        assertThat(result.path("drained").path("pushes").path("delivered").asInt()).isEqualTo(3);
        assertThat(notifier.sent()).hasSize(4);
        assertThat(notifier.sent().get(3).message().chatId()).as("the digest comes after the due pushes").isEqualTo(42L);
        assertThat(notifier.sent().get(3).message().text()).contains("daily digest");
    }

    /**
     * DST: the schedule stays 08:30 in the user's zone (Scheduler is told the zone and follows the change) and each
     * firing claims the user's local date, so the day before and the day of the change each get one digest, and a
     * second firing on one local day (Scheduler is at-least-once) sends nothing.
     */
    @Test
    void oneDigestPerLocalDateAcrossTheStartOfDaylightSavingTime() throws Exception {
        handler = withDigests();
        User ny = digestUser(7L, "America/New_York", "08:30");
        var schedule = DigestSchedules.of(ny).orElseThrow();
        assertThat(schedule.expression().text()).isEqualTo("cron(30 8 * * ? *)");
        assertThat(schedule.timezone()).isEqualTo("America/New_York");

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-07T13:30:00Z"))); // Saturday 08:30 EST
        assertThat(invoke(schedule.payload()).path("digest").asText()).isEqualTo("SENT");
        assertThat(invoke(schedule.payload()).path("digest").asText()).isEqualTo("ALREADY_SENT");
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-08T12:30:00Z"))); // Sunday 08:30 EDT: clocks went forward at 02:00
        assertThat(invoke(schedule.payload()).path("digest").asText()).isEqualTo("SENT");

        assertThat(notifier.sent()).extracting(sent -> sent.message().text().lines().findFirst().orElseThrow())
                .containsExactly("☀️ Your daily digest, 2026-03-07", "☀️ Your daily digest, 2026-03-08");
    }

    /**
     * Digest batches: the first invocation of a time of day sends the other digests due then, draining the pushes
     * recorded meanwhile between its pages; the invocations of those users, queued behind it, send nothing.
     */
    @Test
    void aDigestInvocationSendsTheOtherDueDigestsOfItsTimeWithPushesBetweenPages() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(digestUser(10_000L + i, i % 2 == 0 ? "UTC" : "Europe/London", "09:00").id());
        }
        User later = digestUser(9_999L, "America/New_York", "09:00"); // 04:00 there: their own schedule sends it
        AtomicInteger digestsSent = new AtomicInteger();
        PacedSender firing = new PacedSender(message -> {
            var result = notifier.send(message);
            if (message.chatId() >= 10_000L && digestsSent.incrementAndGet() == 30) {
                fire(2); // an alert fires during the batch
            }
            return result;
        }, store.alerts(), store.users(), DeliveryObserver.NONE, DeliveryPath.PACING, clock, clock.sleeper(),
                new DirectExecutorService());
        handler = withDigests(firing, Duration.ofSeconds(780));

        JsonNode result = invoke(DigestSchedules.payload(ids.get(0)));

        assertThat(result.path("digest").asText()).isEqualTo("SENT");
        assertThat(result.path("batch").path("sent").asInt()).isEqualTo(149);
        List<Long> chats = notifier.sent().stream().map(sent -> sent.message().chatId()).toList();
        assertThat(chats).hasSize(152).doesNotHaveDuplicates().doesNotContain(later.chatId());
        assertThat(chats.indexOf(100L)).as("the pushes go out after the first page, not after the batch")
                .isBetween(30, 102);
        for (String id : ids.subList(1, 150)) {
            assertThat(invoke(DigestSchedules.payload(id)).path("digest").asText()).isEqualTo("ALREADY_SENT");
        }
        assertThat(invoke(DigestSchedules.payload(later.id())).path("digest").asText()).isEqualTo("SENT");
        assertThat(notifier.sent()).hasSize(153);
        assertThat(selfInvocations).isEmpty();
        firing.close();
    }

    @Test
    void aDigestForSomeoneWhoStoppedItSendsNothing() throws Exception {
        handler = withDigests();
        User gone = digestUser(9L, "UTC", "08:00");
        store.users().setDigestTime(gone.id(), null);

        assertThat(invoke(DigestSchedules.payload(gone.id())).path("digest").asText()).isEqualTo("NOT_WANTED");
        assertThat(invoke(DigestSchedules.payload("no-such-user")).path("digest").asText()).isEqualTo("NOT_WANTED");

        assertThat(notifier.sent()).isEmpty();
    }

    @Test
    void aHandlerWithoutDigestsRefusesADigestRequest() {
        assertThatThrownBy(() -> invoke(DigestSchedules.payload("u1")))
                .isInstanceOf(InvalidInputEventException.class).hasMessageContaining("drain-outbox");
    }

    @Test
    void rejectsAnythingButADrainRequest() {
        assertThatThrownBy(() -> invoke("{\"action\":\"sweep-pending-pushes\"}"))
                .isInstanceOf(InvalidInputEventException.class).hasMessageContaining("drain-outbox");
        assertThatThrownBy(() -> invoke("not json")).isInstanceOf(InvalidInputEventException.class);
    }
}
