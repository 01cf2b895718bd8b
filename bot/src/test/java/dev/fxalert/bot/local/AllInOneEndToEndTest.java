package dev.fxalert.bot.local;

import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.IngestionSummary;
import dev.fxalert.ingestion.publish.InProcessRateEventBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product as a person meets it, with fakes only at the network edge: a fake Telegram Bot API and a fake
 * Frankfurter. A user links their chat and sets an alert over long polling; the next ingestion sees USD/KRW at
 * 1401, evaluation fires the alert, the delivery worker sends it, and the push reaches Telegram exactly once, even
 * when the same rate is fetched again and the same event is delivered twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AllInOneEndToEndTest {

    static final long CHAT = 5150L;
    static final AllInOneFakes FAKES = new AllInOneFakes();

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        FAKES.settings(registry, "fx-alert-e2e");
    }

    @AfterAll
    static void stopFakes() throws IOException {
        FAKES.close();
    }

    @Autowired
    IngestionService ingestion;

    @Autowired
    InProcessRateEventBus bus;

    @Test
    void aRateThatCrossesTheThresholdIsPushedExactlyOnce() {
        FAKES.minaSetsAlert(CHAT, "/alert USD KRW above 1400 rent money");
        assertThat(FAKES.telegram.sentTexts(CHAT).get(1)).contains("USD/KRW").contains("1,400");

        IngestionSummary below = ingestion.runOnce();
        assertThat(below.published()).isEqualTo(1);
        assertThat(pushes()).isEmpty();

        FAKES.usdKrw.set("1401");
        List<RateUpdated> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        InProcessRateEventBus.Subscription recorder = bus.subscribe(published::add);
        IngestionSummary crossing = ingestion.runOnce();
        recorder.close();
        assertThat(crossing.published()).isEqualTo(1);
        // Evaluation only records the push; the delivery worker sends it, on its own thread.
        await().atMost(Duration.ofSeconds(30)).until(() -> !pushes().isEmpty());
        assertThat(pushes()).singleElement().asString()
                .contains("USD/KRW is 1,401").contains("your threshold 1,400").contains("Note: rent money");

        IngestionSummary sameRateAgain = ingestion.runOnce();
        assertThat(sameRateAgain.published()).isZero();
        // EventBridge delivers at least once: the same event twice more changes nothing.
        RateUpdated crossingEvent = published.get(0);
        bus.publish(List.of(crossingEvent, crossingEvent));

        // A second push would come from the delivery thread: give it time to show, then it must not have.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> pushes().size() == 1);
    }

    private static List<String> pushes() {
        return FAKES.pushes(CHAT);
    }
}
