package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;
import dev.fxalert.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fxalert.bot.command.ChatBotFixture.CHAT;
import static dev.fxalert.bot.command.ChatBotFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class ChatBotTest {

    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(1000);

    private Alert onlyAlertOf(long chatId) {
        List<Alert> alerts = chat.alertsOf(chatId);
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    @Test
    void tellsItsObserverEachCommandByNameAndHowItEnded() {
        chat.reply("/start");
        chat.reply("/alert USD KRW above 1400");
        chat.reply("/alert USD KRW sideways 1400");
        chat.reply("/frobnicate now");
        chat.reply("hello");

        assertThat(chat.observed).containsExactly("start:OK", "alert:OK", "alert:REFUSED", "unknown:UNKNOWN");
    }

    @Test
    void startLinksTheChatToAUserAndGreetsWithAHowTo() {
        String reply = chat.reply("/start");

        assertThat(reply).startsWith("Hi Mina! I watch exchange rates").contains("/alert USD KRW above 1400");
        assertThat(chat.stores.users().findByChatId(CHAT)).get().extracting(User::displayName).isEqualTo("Mina");
    }

    /** Telegram redelivers an update it was not told was handled (a kill before the offset moved on). */
    @Test
    void aRedeliveredAlertCommandCreatesOneAlertAndNamesItAgain() {
        IncomingMessage command = new IncomingMessage(CHAT, "/alert USD KRW above 1400", "Mina", "en", true,
                "update-1001");

        String first = chat.bot.handle(command).get(0).text();
        String again = chat.bot.handle(command).get(0).text();

        Alert alert = onlyAlertOf(CHAT);
        assertThat(first).startsWith("Alert " + alert.id() + " set: USD/KRW above 1,400");
        assertThat(again).startsWith("Alert " + alert.id() + " set: USD/KRW above 1,400");
    }

    @Test
    void twoDeliveriesOfTheSameTextAreOneAlertAndTheSecondReplyNamesIt() {
        // Two updates (not a redelivery): an identical alert is never created twice (issue 14), the reply says so.
        chat.bot.handle(new IncomingMessage(CHAT, "/alert USD KRW above 1400", "Mina", "en", true, "update-1001"));
        List<OutgoingMessage> second = chat.bot.handle(
                new IncomingMessage(CHAT, "/alert USD KRW above 1400", "Mina", "en", true, "update-1002"));

        User user = chat.stores.users().findByChatId(CHAT).orElseThrow();
        assertThat(chat.stores.alerts().listByOwner(user.id())).hasSize(1);
        assertThat(second).singleElement().extracting(OutgoingMessage::text).asString()
                .contains("You already have this alert");
    }

    @Test
    void anyCommandLinksAnUnknownChat() {
        chat.reply("/alerts");
        assertThat(chat.stores.users().findByChatId(CHAT)).isPresent();
    }

    @Test
    void alertConfirmsTheShortIdAndTheCurrentRateThatWouldNotFireYet() {
        chat.storedRate("USD/KRW", "1385.2", "frankfurter", Duration.ofMinutes(4));

        OutgoingMessage reply = chat.send("/alert USD KRW above 1,400 rent money");

        Alert alert = onlyAlertOf(CHAT);
        assertThat(alert.threshold()).isEqualByComparingTo("1400");
        assertThat(alert.note()).isEqualTo("rent money");
        assertThat(reply.text()).isEqualTo("Alert " + alert.id() + " set: USD/KRW above 1,400 (re-arms when back below 1,393).\n"
                + "Note: rent money\n"
                + "Now 1,385.2 (frankfurter, 4 min ago): it would not fire right now.");
        assertThat(reply.buttons()).containsExactly(List.of(
                new Button("Pause", "a:pause:" + alert.id()), new Button("Delete", "a:delete:" + alert.id())));
    }

    @Test
    void alertSaysWhenItWouldFireRightNow() {
        chat.storedRate("USD/KRW", "1401", "frankfurter", Duration.ofMinutes(1));

        String reply = chat.reply("/alert USDKRW > 1400 once");

        assertThat(reply).contains("USD/KRW above 1,400 (fires once)")
                .endsWith("Now 1,401 (frankfurter, 1 min ago): it would fire right now, so expect a push with the next rate update.");
    }

    @Test
    void alertWithoutAnyRateSaysSoWithoutRecordingInterest() {
        String reply = chat.reply("/alert EUR USD below 1.05");

        assertThat(reply).endsWith("I have no rate for EUR/USD yet; I'm fetching it now.");
        // The alert itself keeps the pair fetched; interest would keep fetching it after the alert is deleted.
        assertThat(chat.stores.rateHistory().pairsOfInterestSince(NOW.minusSeconds(1))).isEmpty();
    }

    @Test
    void refusesThe51stAlert() {
        for (int i = 0; i < 50; i++) {
            assertThat(chat.reply("/alert USD KRW above " + (1000 + i))).startsWith("Alert ");
        }
        assertThat(chat.reply("/alert USD KRW above 2000"))
                .isEqualTo("You already have 50 alerts, the most allowed. Delete one with /delete ID first.");
    }

    @Test
    void refusesTextLongerThan200Characters() {
        String reply = chat.reply("/alert USD KRW above 1400 " + "x".repeat(180));
        assertThat(reply).isEqualTo("That message is 206 characters long; commands can be at most 200. "
                + "Example: /alert USD KRW above 1400");
    }

    @Test
    void listsAlertsWithStateAndOneKeyboardRowEach() {
        chat.reply("/alert USD KRW above 1400");
        Alert alert = onlyAlertOf(CHAT);
        chat.stores.alerts().pause(alert.owner().userId(), alert.id());

        OutgoingMessage reply = chat.send("/alerts");

        assertThat(reply.text()).isEqualTo("Your alerts:\n1. " + alert.id()
                + "  USD/KRW above 1,400 – paused, re-arms when back below 1,393");
        assertThat(reply.buttons()).containsExactly(List.of(
                new Button("Resume " + alert.id(), "a:resume:" + alert.id()),
                new Button("Delete " + alert.id(), "a:delete:" + alert.id()),
                new Button("Share", "a:share:" + alert.id())),
                List.of(new Button("📈 USD/KRW", "chart:USDKRW:30d")));
    }

    @Test
    void paginatesPastTenAlerts() {
        for (int i = 1; i <= 12; i++) {
            chat.reply("/alert USD KRW above " + (1000 + i));
        }

        OutgoingMessage first = chat.send("/alerts");
        OutgoingMessage second = chat.send("/alerts 2");

        assertThat(first.text()).startsWith("Your alerts (page 1 of 2):").contains("\n10. ").doesNotContain("\n11. ");
        assertThat(first.buttons()).hasSize(12).last().isEqualTo(List.of(new Button("Page 2 »", "alerts:p:2")));
        assertThat(second.text()).startsWith("Your alerts (page 2 of 2):").contains("\n11. ").contains("\n12. ");
        assertThat(second.buttons()).hasSize(4).last().isEqualTo(List.of(new Button("« Page 1", "alerts:p:1")));
        assertThat(chat.reply("/alerts 3")).isEqualTo("There is no page 3; your alerts fill 2 pages.\nExample: /alerts 2");
        assertThat(first.buttons()).allSatisfy(row -> row.forEach(button ->
                assertThat(button.callbackData().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64)));
    }

    @Test
    void pauseResumeAndDeleteAnOwnAlert() {
        chat.reply("/alert USD KRW above 1400");
        String id = onlyAlertOf(CHAT).id();

        assertThat(chat.reply("/pause " + id)).isEqualTo("Paused " + id + " (USD/KRW above 1,400). /resume " + id + " arms it again.");
        assertThat(chat.reply("/pause " + id.toUpperCase())).isEqualTo("Alert " + id + " is already paused. /resume " + id + " arms it again.");
        assertThat(chat.reply("/resume " + id)).isEqualTo("Armed " + id + " again: USD/KRW above 1,400.");
        assertThat(onlyAlertOf(CHAT).state()).isEqualTo(AlertState.ARMED);
        assertThat(chat.reply("/delete " + id)).isEqualTo("Deleted alert " + id + ".");
        assertThat(chat.reply("/alerts")).startsWith("You have no alerts yet.");
    }

    @Test
    void anotherPersonsAlertIsNotFound() {
        chat.reply("/alert USD KRW above 1400");
        String id = onlyAlertOf(CHAT).id();
        long stranger = 777L;

        for (String command : List.of("/pause ", "/resume ", "/delete ")) {
            assertThat(chat.send(stranger, command + id).text())
                    .isEqualTo("I found no alert " + id + " of yours. /alerts lists them.");
        }
        assertThat(onlyAlertOf(CHAT).state()).isEqualTo(AlertState.ARMED);
    }

    @Test
    void rateShowsTheFreshStoredRateSayingWhatItIs() {
        chat.storedRate("USD/KRW", "1385.2", "frankfurter", Duration.ofMinutes(4));
        chat.lookupRates.put(CurrencyPair.of("USD", "KRW"), rate("USD/KRW", "9999", "should-not-be-asked", NOW));

        assertThat(chat.reply("/rate usd/krw")).isEqualTo("1 USD = 1,385.2 KRW (ECB reference rate, 2026-11-25 09:56 CET)");
        assertThat(chat.stores.rateHistory().pairsOfInterestSince(NOW)).containsExactly(CurrencyPair.of("USD", "KRW"));
    }

    @Test
    void rateAsksTheProvidersWhenTheStoredRateIsStale() {
        chat.storedRate("USD/KRW", "1300", "frankfurter", Duration.ofHours(3));
        chat.lookupRates.put(CurrencyPair.of("USD", "KRW"), rate("USD/KRW", "1390.5", "open-er-api", NOW));

        assertThat(chat.reply("/rate USD KRW")).isEqualTo("1 USD = 1,390.5 KRW (open-er-api, daily, just now)");
    }

    @Test
    void rateFallsBackToTheStaleRateWhenNoProviderAnswers() {
        chat.storedRate("USD/KRW", "1300", "frankfurter", Duration.ofHours(3));

        assertThat(chat.reply("/rate USD KRW")).isEqualTo("1 USD = 1,300 KRW (ECB reference rate, 2026-11-25 07:00 CET)");
    }

    @Test
    void convertsAnAmountAtTheCurrentRate() {
        chat.storedRate("USD/KRW", "1385.2", "frankfurter", Duration.ofMinutes(4));

        assertThat(chat.reply("/convert 1,000 USD KRW"))
                .isEqualTo("1,000 USD = 1,385,200 KRW (at 1,385.2 (frankfurter, 4 min ago))");
    }

    @Test
    void helpListsEveryCommand() {
        String help = chat.reply("/help");
        for (BotMenu.Entry entry : BotMenu.ENTRIES) {
            assertThat(help).contains("/" + entry.command());
        }
    }

    @Test
    void inGroupsCommandsForOtherBotsAndChatterAreIgnored() {
        assertThat(chat.bot.handle(new IncomingMessage(-100L, "/help@OtherBot", "", "en", false))).isEmpty();
        assertThat(chat.bot.handle(new IncomingMessage(-100L, "nice weather", "", "en", false))).isEmpty();
        assertThat(chat.bot.handle(new IncomingMessage(-100L, "/help@FxAlertBot", "", "en", false))).hasSize(1);
    }

    @Test
    void pauseButtonIsAnsweredAndDoesWhatItSays() {
        chat.reply("/alert USD KRW above 1400");
        String id = onlyAlertOf(CHAT).id();

        CallbackOutcome outcome = chat.bot.handle(new IncomingCallback("cb1", CHAT, "a:pause:" + id, "Mina", "en"));

        assertThat(outcome.answer()).isEqualTo("Paused " + id + " (USD/KRW above 1,400).");
        assertThat(outcome.messages()).extracting(OutgoingMessage::text)
                .containsExactly("Paused " + id + " (USD/KRW above 1,400). /resume " + id + " arms it again.");
        assertThat(onlyAlertOf(CHAT).state()).isEqualTo(AlertState.PAUSED);
    }

    @Test
    void pageButtonSendsThatPage() {
        for (int i = 1; i <= 11; i++) {
            chat.reply("/alert USD KRW above " + (1000 + i));
        }
        CallbackOutcome outcome = chat.bot.handle(new IncomingCallback("cb2", CHAT, "alerts:p:2", "Mina", "en"));

        assertThat(outcome.answer()).isEmpty();
        assertThat(outcome.messages()).singleElement().extracting(OutgoingMessage::text).asString()
                .startsWith("Your alerts (page 2 of 2):");
    }

    @Test
    void tamperedButtonDataIsStillAnswered() {
        CallbackOutcome outcome = chat.bot.handle(new IncomingCallback("cb3", CHAT, "a:explode:zzzz", "Mina", "en"));

        assertThat(outcome.answer()).isEqualTo("This button no longer works; send /alerts for fresh ones.");
        assertThat(outcome.messages()).isEmpty();
    }

    @Test
    void floodingChatIsToldOnceWhenCommandsAreAcceptedAgainThenIgnoredUntilThen() {
        try (ChatBotFixture limited = new ChatBotFixture(2)) {
            limited.reply("/help");
            limited.reply("/help");
            assertThat(limited.reply("/help")).isEqualTo("You're sending commands faster than I can keep up with "
                    + "(at most 2 a minute). I'll take commands again from 09:01:00 UTC (in 60 seconds); until then "
                    + "I won't answer them.");
            assertThat(limited.bot.handle(IncomingMessage.privateText(CHAT, "/help"))).isEmpty();
            assertThat(limited.bot.handle(IncomingMessage.privateText(CHAT + 1, "/help"))).hasSize(1);
        }
    }

    /**
     * Issue 14: after the first notice a chat pasting a few commands got no reply at all, also after the minute
     * it was told to wait. Now the notice names the time (in the user's zone), and from that time commands work.
     */
    @Test
    void aLimitedChatIsToldWhenInItsZoneAndIsAnsweredAgainFromThen() {
        MutableClock clock = new MutableClock(NOW);
        try (ChatBotFixture limited = new ChatBotFixture(2, clock)) {
            limited.reply("/start");
            limited.stores.users().setTimezone(limited.stores.users().findByChatId(CHAT).orElseThrow().id(),
                    "Asia/Seoul");
            clock.advance(Duration.ofSeconds(15));
            limited.reply("/help");
            clock.advance(Duration.ofSeconds(5));

            assertThat(limited.reply("/rate USD KRW")).isEqualTo("You're sending commands faster than I can keep up "
                    + "with (at most 2 a minute). I'll take commands again from 18:01:00 KST (in 40 seconds); until "
                    + "then I won't answer them.");
            for (int i = 0; i < 39; i++) {
                clock.advance(Duration.ofSeconds(1));
                assertThat(limited.bot.handle(IncomingMessage.privateText(CHAT, "/help"))).as("second %d", i).isEmpty();
            }
            clock.advance(Duration.ofSeconds(1));
            assertThat(limited.reply("/help")).as("at the time it was told").contains("/alert");
            assertThat(limited.bot.handle(new IncomingCallback("cb", CHAT, "alerts:p:1", "Mina", "en")).answer())
                    .isEqualTo("Too many presses; please try again from 18:01:15 KST.");
        }
    }

    @Test
    void plainTextCountsAgainstTheSameLimitSoAFloodGetsOneNoticeThenSilence() {
        try (ChatBotFixture limited = new ChatBotFixture(2)) {
            int replies = 0;
            for (int i = 0; i < 600; i++) {
                replies += limited.bot.handle(IncomingMessage.privateText(CHAT, "hello " + i)).size();
            }

            assertThat(replies).isEqualTo(3); // two answers, one "slow down", then quiet
            assertThat(limited.bot.handle(IncomingMessage.privateText(CHAT, "/help"))).isEmpty();
        }
    }

    private static Rate rate(String pair, String value, String provider, Instant at) {
        return new Rate(CurrencyPair.parse(pair), new BigDecimal(value), provider, at);
    }
}
