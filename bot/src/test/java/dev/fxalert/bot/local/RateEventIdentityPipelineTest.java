package dev.fxalert.bot.local;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.evaluation.EvaluationConfig;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.evaluation.delivery.PushOutcome;
import dev.fxalert.evaluation.delivery.PushSender;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.publish.InProcessRateEventBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event identity through the real local pipeline (ingestion, the in-process bus, evaluation, the embedded store),
 * with a scripted provider whose observation time stays on one provider day, as Frankfurter's does: a crossing
 * that really happens twice is told twice, one published event delivered again is told once.
 */
class RateEventIdentityPipelineTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final Instant PROVIDER_DAY = Instant.parse("2026-11-25T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private EmbeddedStores stores;
    private final InProcessRateEventBus bus = new InProcessRateEventBus();
    private final List<RateUpdated> published = new CopyOnWriteArrayList<>();
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private String quote;
    private IngestionService ingestion;
    private EvaluationService evaluation;

    @BeforeEach
    void wire() {
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), CLOCK);
        RateProvider frankfurter = new RateProvider() {
            @Override
            public String name() {
                return "frankfurter";
            }

            @Override
            public List<Quote> fetch(String base, Set<String> quotes) {
                return List.of(new Quote(USD_KRW, quote, PROVIDER_DAY));
            }
        };
        ingestion = new IngestionService(List.of(frankfurter), stores.alerts(), stores.rateHistory(), bus, CLOCK,
                IngestionConfig.fromEnvironment(Map.of("INGESTION_PROVIDERS", "frankfurter")));
        PushSender sender = batch -> {
            List<PushOutcome> outcomes = new ArrayList<>();
            for (Push push : batch) {
                pushes.add(push);
                stores.alerts().markPushDelivered(push.alertId(), push.eventId());
                outcomes.add(new PushOutcome(push, PushOutcome.Status.DELIVERED, 1, ""));
            }
            return outcomes;
        };
        evaluation = new EvaluationService(stores.alerts(), stores.users(), sender, CLOCK,
                new EvaluationConfig(100, Duration.ofMinutes(2)));
        bus.subscribe(evaluation::onRateUpdated);
        bus.subscribe(published::add);

        User mina = stores.users().linkChat(5150L, "Mina", "en");
        stores.alerts().create(Alert.create("k3m9x2qa", new Owner(mina.id(), mina.chatId()), USD_KRW,
                Direction.ABOVE, new BigDecimal("1400"), AlertMode.REARM, null, CLOCK.instant()));
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private void providerSays(String value) {
        quote = value;
        ingestion.runOnce();
    }

    @Test
    void aRateThatGoesBackToAnEarlierValueTheSameProviderDayIsToldAgain() {
        providerSays("1401");   // crosses: push 1
        providerSays("1390");   // back past the re-arm band: armed again
        providerSays("1401");   // the same value as the first, a new crossing: push 2

        assertThat(pushes).hasSize(2);
        assertThat(pushes.get(0).eventId()).isNotEqualTo(pushes.get(1).eventId());
        assertThat(published).extracting(RateUpdated::rate).extracting(BigDecimal::toPlainString)
                .containsExactly("1401", "1390", "1401");
        // the history's latest is the newest observation, so nothing is republished and spikes are judged from it
        assertThat(stores.rateHistory().latest(USD_KRW)).map(Rate::value).contains(new BigDecimal("1401"));
        providerSays("1401");
        assertThat(published).hasSize(3);
    }

    @Test
    void aPublishedEventDeliveredAgainIsToldOnceEvenAfterTheAlertReArmed() {
        providerSays("1401");
        RateUpdated crossing = published.get(0);
        providerSays("1390");

        bus.publish(List.of(crossing, crossing)); // EventBridge redelivers, late and twice

        assertThat(pushes).hasSize(1);
    }
}
