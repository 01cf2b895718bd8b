package dev.fxalert.bot.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 through the webhook against the fake Bot API (Telegram's JSON both ways): copy-an-alert links.
 */
class SeeAndShareWebhookTest {

    private static final String SECRET = "s3cret-webhook-token";
    private static final long MINA = 4242L;
    private static final long JUN = 5353L;

    @TempDir
    Path dir;
    private FakeBotApi api;
    private EmbeddedStores stores;
    private TelegramWebhook webhook;
    private final AtomicInteger updateIds = new AtomicInteger(100);

    @BeforeEach
    void wire() {
        api = new FakeBotApi();
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), Clock.systemUTC());
        webhook = WebhookWiring.webhook(Map.of(
                "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "TELEGRAM_BOT_USERNAME", "FxAlertBot",
                "TELEGRAM_API_URL", api.baseUrl()), stores);
    }

    @AfterEach
    void close() throws Exception {
        stores.close();
        api.close();
    }

    private void deliver(String update) {
        assertThat(webhook.handle("POST", TelegramWebhook.PATH, Map.of(TelegramWebhook.SECRET_HEADER, SECRET), update))
                .isEqualTo(200);
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
}
