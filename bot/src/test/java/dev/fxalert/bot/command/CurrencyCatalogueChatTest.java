package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only alerts that can fire (the default chain: Frankfurter, open.er-api and currency-api, from their shipped lists) and
 * /currencies, through the whole conversation over a real store.
 */
class CurrencyCatalogueChatTest {

    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(1000);

    @Test
    void refusesACurrencyNoSourceQuotesNamingItAndPointingToCurrencies() {
        String reply = chat.reply("/alert USD XAU above 0.0004");

        assertThat(reply).startsWith("None of my rate sources quotes XAU, so that alert could never fire. "
                + "/currencies lists the ones I can watch.");
        assertThat(chat.alerts()).isEmpty();
    }

    @Test
    void refusesTheBaseToo() {
        assertThat(chat.reply("/alert XXX USD below 1")).startsWith("None of my rate sources quotes XXX");
        assertThat(chat.alerts()).isEmpty();
    }

    @Test
    void refusesAPairNoSingleSourceQuotesNamingTheSourcesOfEach() {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        bySource.put("koreaexim", List.of("AED", "KRW", "USD"));
        bySource.put("frankfurter", List.of("ISK", "KRW", "USD"));
        try (ChatBotFixture split = new ChatBotFixture(1000, CurrencyCatalogue.of(bySource))) {
            assertThat(split.reply("/alert AED ISK above 30")).startsWith("No single rate source of mine quotes both "
                    + "AED (koreaexim) and ISK (frankfurter), so that alert could never fire. /currencies lists which "
                    + "source covers which currency.");
            assertThat(split.reply("/alert AED KRW above 380")).startsWith("Alert ");
        }
    }

    @Test
    void acceptsACurrencyOnlyTheWideCoverageSourceQuotes() {
        assertThat(chat.reply("/alert USD VND above 26000")).startsWith("Alert ");
        assertThat(chat.alerts()).extracting(Alert::pair).containsExactly(CurrencyPair.of("USD", "VND"));
    }

    @Test
    void anIdenticalAlertIsShownInsteadOfCreatedTwice() {
        chat.reply("/alert USD KRW above 1400 rent");
        Alert first = chat.alerts().get(0);

        OutgoingMessage again = chat.send("/alert usd/krw > 1,400.00 another note");

        assertThat(again.text()).isEqualTo("You already have this alert: " + first.id()
                + " USD/KRW above 1,400 – armed, re-arms when back below 1,393. I did not add another one.");
        assertThat(again.buttons()).containsExactly(List.of(
                new Button("Pause " + first.id(), "a:pause:" + first.id()),
                new Button("Delete " + first.id(), "a:delete:" + first.id()),
                new Button("Share", "a:share:" + first.id())));
        assertThat(chat.alerts()).hasSize(1);
    }

    @Test
    void aDifferentThresholdDirectionOrModeIsANewAlert() {
        chat.reply("/alert USD KRW above 1400");
        chat.reply("/alert USD KRW above 1401");
        chat.reply("/alert USD KRW below 1400");
        chat.reply("/alert USD KRW above 1400 once");
        chat.reply("/alert KRW USD above 1400");

        assertThat(chat.alerts()).hasSize(5);
    }

    @Test
    void anotherPersonsIdenticalAlertDoesNotCount() {
        chat.reply("/alert USD KRW above 1400");

        assertThat(chat.send(7L, "/alert USD KRW above 1400").text()).startsWith("Alert ");
    }

    @Test
    void currenciesListsEveryAcceptedCodeWithItsSources() {
        String reply = chat.reply("/currencies");

        assertThat(reply).startsWith("I can watch these ").contains("(a pair needs one source quoting both):")
                .containsPattern("\nfrankfurter \\+ open-er-api \\+ currency-api \\(\\d+\\): AUD, BRL, CAD, CHF, CNY, .*KRW, .*USD")
                .containsPattern("\nopen-er-api \\+ currency-api \\(\\d+\\): AED, .*VND")
                .doesNotContain("XAU");
        assertThat(reply.length()).isLessThan(4096); // one Telegram message
    }

    @Test
    void currenciesAnswersForOneCode() {
        assertThat(chat.reply("/currencies krw")).startsWith("KRW is quoted by frankfurter, open-er-api, currency-api.");
        assertThat(chat.reply("/currencies VND")).startsWith("VND is quoted by open-er-api, currency-api.");
        assertThat(chat.reply("/currencies XAU"))
                .startsWith("None of my rate sources quotes XAU, so I cannot watch it.");
    }

    @Test
    void helpAndTheMenuListCurrencies() {
        assertThat(chat.reply("/help")).contains("/currencies – Currencies I can watch, and their sources");
        assertThat(BotMenu.ENTRIES).extracting(BotMenu.Entry::command).contains("currencies");
    }
}
