package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static dev.fxalert.bot.command.ChatBotFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honest answers over a real store and the default chain (Frankfurter, open.er-api, currency-api): /rate says
 * what a number is, a "no rate" reply says why, /sources says how current each source is. Now is Wednesday
 * 25 Nov 2026 09:00 UTC.
 */
class SourcesChatTest {

    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(1000);

    private void stored(String pair, String value, String provider, Instant observedAt) {
        chat.stores.rateHistory().append(new Rate(CurrencyPair.parse(pair), new BigDecimal(value), provider, observedAt),
                pair + value + observedAt);
        chat.stores.rateHistory().recordInterest(CurrencyPair.parse(pair), NOW.minus(Duration.ofMinutes(1)));
    }

    @Test
    void sayingAHourlyRateIsHourlyAndHowOld() {
        stored("USD/KRW", "1470.52", "openexchangerates", NOW.minus(Duration.ofMinutes(10)));

        assertThat(chat.reply("/rate USD KRW")).isEqualTo("1 USD = 1,470.52 KRW (openexchangerates, hourly, 10 min ago)");
    }

    // Issue 17: Korea Eximbank's bank rates, shown by /rate and watched by /alert ... sell.
    @Test
    void rateShowsABanksSellingAndBuyingRatesWhenHeld() {
        Instant table = Instant.parse("2026-11-25T02:00:00Z");
        stored("USD/KRW", "1468.5", "koreaexim", table);
        chat.stores.rateHistory().append(new Rate(CurrencyPair.parse("USD/KRW"), new BigDecimal("1483.18"), "koreaexim",
                table, RateKind.BANK_SELL), "e-sell");
        chat.stores.rateHistory().append(new Rate(CurrencyPair.parse("USD/KRW"), new BigDecimal("1453.82"), "koreaexim",
                table, RateKind.BANK_BUY), "e-buy");

        assertThat(chat.reply("/rate USD KRW")).isEqualTo(
                "1 USD = 1,468.5 KRW (Korea Eximbank base rate, 2026-11-25 11:00 KST)\n"
                        + "1 USD = 1,483.18 KRW (Korea Eximbank bank selling rate (TTS, what you pay a bank), 2026-11-25 11:00 KST)\n"
                        + "1 USD = 1,453.82 KRW (Korea Eximbank bank buying rate (TTB, what a bank pays you), 2026-11-25 11:00 KST)");
    }

    @Test
    void anAlertOnABanksSellingRateSaysSoAndComparesWithThatRate() {
        Instant table = Instant.parse("2026-11-25T02:00:00Z");
        stored("USD/KRW", "1468.5", "koreaexim", table);
        chat.stores.rateHistory().append(new Rate(CurrencyPair.parse("USD/KRW"), new BigDecimal("1483.18"), "koreaexim",
                table, RateKind.BANK_SELL), "e-sell");

        String reply = chat.reply("/alert USD KRW above 1480 sell");

        assertThat(reply).contains("USD/KRW above 1,480 (bank selling rate)").contains("1,483.18");
        assertThat(chat.stores.alerts().watchedPairs()).containsExactly(CurrencyPair.parse("USD/KRW"));
        assertThat(chat.reply("/alert USD KRW above 1480")).as("the mid-rate alert is another alert")
                .doesNotContain("already");
    }

    @Test
    void aPairNoSourceQuotesSaysSo() {
        assertThat(chat.reply("/rate USD XAU")).isEqualTo("I have no rate for USD/XAU: none of my sources quotes both "
                + "USD and XAU. /currencies lists what I can watch.");
    }

    @Test
    void aPairWithoutARateWhileItsSourcesAreOverdueSaysSinceWhenAndTheNextTry() {
        // Monday's ECB table; Tuesday's was due Tue 16:00 CET (15:00 UTC) and never came.
        stored("USD/JPY", "155.42", "frankfurter", Instant.parse("2026-11-23T15:00:00Z"));

        assertThat(chat.reply("/rate USD KRW")).isEqualTo("I have no rate for USD/KRW: my sources for it have been "
                + "failing since 2026-11-24 15:00 UTC. Next try at 2026-11-25 10:00 UTC.");
    }

    // Issue 15 audit (branch quiet15b): every time shown is in the reader's zone, with its abbreviation.
    @Test
    void theNoRateReplyAndSourcesShowTimesInTheUsersZone() {
        stored("USD/JPY", "155.42", "frankfurter", Instant.parse("2026-11-23T15:00:00Z"));
        chat.reply("/timezone Asia/Seoul");

        assertThat(chat.reply("/rate USD KRW")).isEqualTo("I have no rate for USD/KRW: my sources for it have been "
                + "failing since 2026-11-25 00:00 KST. Next try at 2026-11-25 19:00 KST.");
        assertThat(chat.reply("/sources")).contains("\nNewest rate held: 2026-11-24 00:00 KST (42 h ago)\n")
                .contains("Next update was due 2026-11-25 00:00 KST: overdue, still trying.")
                .doesNotContain("UTC");
    }

    @Test
    void aNewPairWithHealthySourcesIsBeingFetched() {
        stored("USD/JPY", "155.42", "frankfurter", Instant.parse("2026-11-24T15:00:00Z"));

        assertThat(chat.reply("/rate USD KRW")).isEqualTo(
                "I have no rate for USD/KRW yet; I'm fetching it now, ask again in a few minutes.");
    }

    @Test
    void sourcesListsEachProviderItsNewestRateNextUpdateAndCoverage() {
        stored("USD/JPY", "155.42", "frankfurter", Instant.parse("2026-11-24T15:00:00Z"));
        stored("USD/VND", "26345.5", "open-er-api", Instant.parse("2026-11-23T00:02:31Z"));

        String reply = chat.reply("/sources");

        assertThat(reply).startsWith("My rate sources, asked in this order:\n\nfrankfurter — ECB reference rates, "
                + "working days ~16:00 CET; ")
                .contains("\nNewest rate held: 2026-11-24 15:00 UTC (18 h ago)\nNext update expected 2026-11-25 15:00 UTC.")
                .contains("open-er-api — daily; ")
                .contains("Next update was due 2026-11-24 00:02 UTC: overdue, still trying.")
                .contains("currency-api — daily; ")
                .endsWith("Newest rate held: none yet");
        assertThat(reply).containsPattern("frankfurter — [^\\n]*; 3\\d currencies\\.");
    }
}
