package dev.fxalert.bot.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 through the webhook against the fake Bot API (Telegram's JSON both ways): copy-an-alert links, group
 * alerts that belong to the group (admins only, supergroup migration, the bot removed and added back), inline rate
 * cards.
 */
class SeeAndShareWebhookTest {

    private static final String SECRET = WebhookFixture.SECRET;
    private static final long MINA = 4242L;
    private static final long JUN = 5353L;
    private static final long GROUP = -4001L;
    private static final long SUPERGROUP = -1004001L;
    private static final long OWNER = 777L;

    @RegisterExtension
    final WebhookFixture fixture = new WebhookFixture();
    private final FakeBotApi api = fixture.api;
    private final EmbeddedStores stores = fixture.stores;
    private final TelegramWebhook webhook = fixture.webhook(Map.of("TELEGRAM_BOT_USERNAME", "FxAlertBot"));
    private final AtomicInteger updateIds = new AtomicInteger(100);

    /** One update through the webhook; Telegram runs the method its answer may carry (aws13's reply in the body). */
    private void deliver(String update) {
        WebhookResponse response = webhook.handle("POST", TelegramWebhook.PATH,
                Map.of(TelegramWebhook.SECRET_HEADER, SECRET), update);
        assertThat(response.status()).isEqualTo(200);
        response.body().ifPresent(api::runsWebhookAnswer);
    }

    private void says(long chat, String name, String text) {
        deliver(FakeBotApi.messageUpdate(updateIds.incrementAndGet(), chat, name, text));
    }

    private void presses(long chat, String name, String data) {
        int id = updateIds.incrementAndGet();
        deliver(FakeBotApi.callbackUpdate(id, "cbq-" + id, chat, name, data));
    }

    private JsonNode lastSent(long chat) {
        List<FakeBotApi.Call> sent = api.calls("sendMessage").stream()
                .filter(call -> call.body().path("chat_id").asLong() == chat).toList();
        return sent.get(sent.size() - 1).body();
    }

    private List<Alert> alertsOf(long chat) {
        return stores.alerts().listByOwner(stores.users().findByChatId(chat).orElseThrow().id());
    }

    @Test
    void aSharedAlertIsCreatedByWhoeverOpensItsLink() {
        says(MINA, "Mina", "/alert EUR USD below 1.05 once tuition for Jisoo");
        String minaAlert = alertsOf(MINA).get(0).id();
        says(MINA, "Mina", "/alerts");
        JsonNode row = lastSent(MINA).at("/reply_markup/inline_keyboard/0");
        assertThat(row.findValuesAsText("callback_data")).contains("a:share:" + minaAlert);

        presses(MINA, "Mina", "a:share:" + minaAlert);

        assertThat(api.calls("answerCallbackQuery")).hasSize(1);
        String shared = lastSent(MINA).path("text").asText();
        assertThat(shared).contains("https://t.me/FxAlertBot?start=a-EURUSD-bo-1_05")
                .doesNotContain(Long.toString(MINA)).doesNotContain("tuition");

        // Jun opens the link: Telegram sends "/start <payload>" from Jun's own chat.
        says(JUN, "Jun", "/start a-EURUSD-bo-1_05");
        JsonNode offer = lastSent(JUN);
        assertThat(offer.path("text").asText()).contains("EUR/USD below 1.05").contains("fires once");
        String create = offer.at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
        assertThat(create).isEqualTo("copy:a-EURUSD-bo-1_05");
        assertThat(offer.at("/reply_markup/inline_keyboard/0/0/text").asText()).isEqualTo("Create this alert for me");

        presses(JUN, "Jun", create);

        Alert copy = alertsOf(JUN).get(0);
        assertThat(copy.pair().toString()).isEqualTo("EUR/USD");
        assertThat(copy.direction()).isEqualTo(Direction.BELOW);
        assertThat(copy.threshold()).isEqualByComparingTo("1.05");
        assertThat(copy.mode()).isEqualTo(AlertMode.ONCE);
        assertThat(copy.note()).isNull();
        assertThat(copy.owner().chatId()).isEqualTo(JUN);
        assertThat(lastSent(JUN).path("text").asText()).startsWith("Alert " + copy.id() + " set: EUR/USD below 1.05");
        assertThat(alertsOf(MINA)).hasSize(1);

        // A second tap does not double it.
        presses(JUN, "Jun", create);
        assertThat(alertsOf(JUN)).hasSize(1);
        assertThat(lastSent(JUN).path("text").asText()).startsWith("You already have this alert");
    }

    @Test
    void aSharedBankRateOrPercentMoveAlertArrivesAsItWasSharedAndAnOldLinkStillWorks() { // polish14
        says(MINA, "Mina", "/alert USD KRW above 1480 sell");
        says(MINA, "Mina", "/alert USD KRW move 1.5% 7d once");
        String sell = alertsOf(MINA).stream().filter(a -> a.kind() == RateKind.BANK_SELL).findFirst().orElseThrow().id();
        String move = alertsOf(MINA).stream().filter(a -> a.move() != null).findFirst().orElseThrow().id();

        says(MINA, "Mina", "/share " + sell);
        assertThat(lastSent(MINA).path("text").asText()).contains("?start=a-USDKRW-ars-1480");
        says(MINA, "Mina", "/share " + move);
        assertThat(lastSent(MINA).path("text").asText()).contains("?start=m-USDKRW-eo-1_5-7d");

        says(JUN, "Jun", "/start a-USDKRW-ars-1480");
        assertThat(lastSent(JUN).path("text").asText()).contains("USD/KRW above 1,480 (bank selling rate)");
        presses(JUN, "Jun", lastSent(JUN).at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
        says(JUN, "Jun", "/start m-USDKRW-eo-1_5-7d");
        assertThat(lastSent(JUN).path("text").asText()).contains("USD/KRW moves either way 1.5% within 7d");
        presses(JUN, "Jun", lastSent(JUN).at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
        says(JUN, "Jun", "/start a-USDKRW-ar-1400"); // an issue-16 link: the mid rate, as it always meant
        presses(JUN, "Jun", lastSent(JUN).at("/reply_markup/inline_keyboard/0/0/callback_data").asText());

        List<Alert> copies = alertsOf(JUN);
        assertThat(copies).hasSize(3);
        assertThat(copies).filteredOn(a -> a.move() == null && a.threshold().compareTo(new java.math.BigDecimal("1480")) == 0)
                .singleElement().extracting(Alert::kind).isEqualTo(RateKind.BANK_SELL);
        assertThat(copies).filteredOn(a -> a.move() != null).singleElement().satisfies(a -> {
            assertThat(a.move()).isEqualTo(new Move(MoveWay.EITHER, java.time.Duration.ofDays(7)));
            assertThat(a.threshold()).isEqualByComparingTo("1.5");
            assertThat(a.mode()).isEqualTo(AlertMode.ONCE);
        });
        assertThat(copies).filteredOn(a -> a.move() == null && a.threshold().compareTo(new java.math.BigDecimal("1400")) == 0)
                .singleElement().extracting(Alert::kind).isEqualTo(RateKind.MID);
    }

    @Test
    void aTamperedLinkOnlyGreets() {
        says(JUN, "Jun", "/start a-EURUSD-bo-0");

        JsonNode reply = lastSent(JUN);
        assertThat(reply.path("text").asText()).startsWith("Hi Jun! I watch exchange rates");
        assertThat(reply.path("reply_markup").isMissingNode() || reply.path("reply_markup").isNull()).isTrue();
    }

    @Test
    void anotherPersonsAlertCannotBeSharedByItsId() {
        says(MINA, "Mina", "/alert USD KRW above 1400");
        String minaAlert = alertsOf(MINA).get(0).id();

        says(JUN, "Jun", "/share " + minaAlert);

        assertThat(lastSent(JUN).path("text").asText()).doesNotContain("t.me");
    }

    private void saysInGroup(long from, String name, String text) {
        deliver(FakeBotApi.groupMessageUpdate(updateIds.incrementAndGet(), GROUP, "group", from, name, text));
    }

    private void pressesInGroup(long from, String name, String data) {
        int id = updateIds.incrementAndGet();
        deliver(FakeBotApi.groupCallbackUpdate(id, "cbq-" + id, GROUP, from, name, data));
    }

    @Test
    void inAGroupOnlyItsAdministratorsChangeItsAlerts() {
        api.makeAdministrator(GROUP, OWNER);
        saysInGroup(OWNER, "Owner", "/alert USD KRW above 1400");
        List<Alert> groupAlerts = alertsOf(GROUP);
        assertThat(groupAlerts).hasSize(1);
        String id = groupAlerts.get(0).id();

        saysInGroup(JUN, "Jun", "/alert USD KRW below 1300");
        assertThat(lastSent(GROUP).path("text").asText())
                .startsWith("In this group only its administrators can create, pause, resume or delete alerts, or change its settings.");
        saysInGroup(JUN, "Jun", "/delete " + id);
        assertThat(lastSent(GROUP).path("text").asText()).startsWith("In this group only its administrators");
        pressesInGroup(JUN, "Jun", "a:pause:" + id);
        FakeBotApi.Call answer = api.calls("answerCallbackQuery").get(0);
        assertThat(answer.body().path("text").asText()).startsWith("In this group only its administrators");

        assertThat(alertsOf(GROUP)).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(id);
            assertThat(alert.state()).isEqualTo(dev.fxalert.core.domain.AlertState.ARMED);
        });
        // Members still read: /alerts and /share need no administrator.
        saysInGroup(JUN, "Jun", "/alerts");
        assertThat(lastSent(GROUP).path("text").asText()).contains(id);
        // Jun was asked about once for three refusals (cached); the owner once for the /alert.
        assertThat(api.calls("getChatMember")).extracting(call -> call.body().path("user_id").asLong())
                .containsExactly(OWNER, JUN);

        pressesInGroup(OWNER, "Owner", "a:pause:" + id);
        assertThat(alertsOf(GROUP).get(0).state()).isEqualTo(dev.fxalert.core.domain.AlertState.PAUSED);
    }

    @Test
    void aGroupUpgradedToASupergroupKeepsItsAlerts() {
        api.makeAdministrator(GROUP, OWNER);
        saysInGroup(OWNER, "Owner", "/alert USD KRW above 1400");
        String id = alertsOf(GROUP).get(0).id();

        deliver(FakeBotApi.migratedToUpdate(updateIds.incrementAndGet(), GROUP, SUPERGROUP));
        deliver(FakeBotApi.migratedFromUpdate(updateIds.incrementAndGet(), GROUP, SUPERGROUP));

        assertThat(stores.users().findByChatId(GROUP)).isEmpty();
        assertThat(alertsOf(SUPERGROUP)).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(id);
            assertThat(alert.owner().chatId()).isEqualTo(SUPERGROUP);
        });
        deliver(FakeBotApi.groupMessageUpdate(updateIds.incrementAndGet(), SUPERGROUP, "supergroup", JUN, "Jun", "/alerts"));
        assertThat(lastSent(SUPERGROUP).path("text").asText()).contains(id);
    }

    @Test
    void removedFromAGroupPausesItsAlertsAndAddedBackSaysHowToResume() {
        api.makeAdministrator(GROUP, OWNER);
        saysInGroup(OWNER, "Owner", "/alert USD KRW above 1400");
        saysInGroup(OWNER, "Owner", "/alert EUR KRW below 1500");

        deliver(FakeBotApi.myChatMemberUpdate(updateIds.incrementAndGet(), GROUP, "member", "kicked"));

        assertThat(alertsOf(GROUP)).extracting(Alert::state).containsOnly(dev.fxalert.core.domain.AlertState.PAUSED);
        assertThat(stores.users().findByChatId(GROUP).orElseThrow().active()).isFalse();
        int sentBefore = api.calls("sendMessage").size();

        deliver(FakeBotApi.myChatMemberUpdate(updateIds.incrementAndGet(), GROUP, "left", "member"));

        assertThat(api.calls("sendMessage")).hasSize(sentBefore + 1);
        assertThat(lastSent(GROUP).path("text").asText()).isEqualTo("Thanks for adding me back. This group's 2 alerts"
                + " were paused while I was away; an administrator can resume them with the buttons in /alerts or with /resume ID.");
        assertThat(stores.users().findByChatId(GROUP).orElseThrow().active()).isTrue();
    }

    @Test
    void aPromotionIsNotARemoval() {
        api.makeAdministrator(GROUP, OWNER);
        saysInGroup(OWNER, "Owner", "/alert USD KRW above 1400");

        deliver(FakeBotApi.myChatMemberUpdate(updateIds.incrementAndGet(), GROUP, "member", "administrator"));

        assertThat(alertsOf(GROUP)).extracting(Alert::state).containsOnly(dev.fxalert.core.domain.AlertState.ARMED);
    }

    private JsonNode inline(long from, String language, String query) {
        int id = updateIds.incrementAndGet();
        deliver(FakeBotApi.inlineQueryUpdate(id, "iq-" + id, from, language, query));
        List<FakeBotApi.Call> answers = api.calls("answerInlineQuery");
        JsonNode answer = answers.get(answers.size() - 1).body();
        assertThat(answer.path("inline_query_id").asText()).isEqualTo("iq-" + id);
        return answer;
    }

    private void storedRate(String base, String quote, String value) {
        stores.rateHistory().append(new dev.fxalert.core.domain.Rate(dev.fxalert.core.domain.CurrencyPair.of(base, quote),
                new java.math.BigDecimal(value), "frankfurter", java.time.Instant.now().minusSeconds(240)), base + quote + value);
    }

    @Test
    void anInlineQueryIsAnsweredWithARateCardInTheAskersLanguage() {
        storedRate("USD", "KRW", "1385.2");

        JsonNode conversion = inline(MINA, "en", "100 USD KRW");

        assertThat(conversion.path("cache_time").asInt()).isEqualTo(60);
        assertThat(conversion.path("is_personal").asBoolean()).isTrue();
        JsonNode card = conversion.at("/results/0");
        assertThat(card.path("type").asText()).isEqualTo("article");
        assertThat(card.path("title").asText()).isEqualTo("100 USD = 138,520 KRW");
        assertThat(card.at("/input_message_content/message_text").asText())
                .startsWith("100 USD = 138,520 KRW (at 1,385.2 (frankfurter, ");

        JsonNode rate = inline(MINA, "en", "usd/krw");
        assertThat(rate.at("/results/0/title").asText()).isEqualTo("1 USD = 1,385.2 KRW");
        // The card says what the rate is as /rate does; the line under the title gives the source and the age.
        assertThat(rate.at("/results/0/input_message_content/message_text").asText())
                .startsWith("1 USD = 1,385.2 KRW (ECB reference rate, ");
        assertThat(rate.at("/results/0/description").asText()).isEqualTo("1,385.2 (frankfurter, 4 min ago)");

        // Jun set /lang ko in his chat with the bot; his Telegram is in English: the card follows his choice.
        says(JUN, "Jun", "/lang ko");
        JsonNode korean = inline(JUN, "en", "100 USD KRW");
        assertThat(korean.at("/results/0/input_message_content/message_text").asText()).contains("기준");
        assertThat(inline(7777L, "ko", "100 USD KRW").at("/results/0/input_message_content/message_text").asText())
                .contains("기준");
    }

    @Test
    void aHalfTypedOrUnknownQueryOffersNothing() {
        storedRate("USD", "KRW", "1385.2");

        for (String query : List.of("", "US", "100 USD", "USD KRW please", "EUR JPY")) {
            JsonNode answer = inline(MINA, "en", query);
            assertThat(answer.path("results").size()).as(query).isZero();
            assertThat(answer.path("cache_time").asInt()).as(query).isLessThan(60);
        }
        assertThat(api.calls("sendMessage")).isEmpty();
    }
}
