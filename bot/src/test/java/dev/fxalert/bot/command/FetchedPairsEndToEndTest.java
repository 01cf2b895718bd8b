package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.IngestionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fxalert.bot.command.ChatBotFixture.CHAT;
import static dev.fxalert.bot.command.ChatBotFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** What the chat does to the fetch list: a deleted alert's pair is not fetched at the next run. */
class FetchedPairsEndToEndTest {

    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(1000);
    private final List<String> fetched = new ArrayList<>();

    /** One ingestion run over the chat's store, at {@code NOW + later}; the pairs it asked a provider for. */
    private List<String> runAfter(Duration later) {
        fetched.clear();
        RateProvider recording = new RateProvider() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public List<Quote> fetch(String base, Set<String> quotes) {
                quotes.forEach(quote -> fetched.add(CurrencyPair.of(base, quote).toString()));
                return List.of();
            }
        };
        new IngestionService(List.of(recording), chat.stores.alerts(), chat.stores.rateHistory(), events -> List.of(),
                Clock.fixed(NOW.plus(later), ZoneOffset.UTC), IngestionConfig.fromEnvironment(Map.of())).runOnce();
        return List.copyOf(fetched);
    }

    @Test
    void aDeletedAlertsPairIsNotFetchedAtTheNextRun() {
        chat.reply("/alert USD VND above 26000");
        assertThat(runAfter(Duration.ofMinutes(5))).containsExactly("USD/VND");

        String owner = chat.stores.users().findByChatId(CHAT).orElseThrow().id();
        Alert alert = chat.stores.alerts().listByOwner(owner).get(0);
        chat.reply("/delete " + alert.id());

        assertThat(runAfter(Duration.ofMinutes(10))).isEmpty();
    }

    @Test
    void aPairAskedAboutWithRateIsFetchedForAFewHoursOnly() {
        chat.reply("/rate EUR USD");

        assertThat(runAfter(Duration.ofHours(2))).containsExactly("EUR/USD");
        assertThat(runAfter(Duration.ofHours(4))).isEmpty();
    }
}
