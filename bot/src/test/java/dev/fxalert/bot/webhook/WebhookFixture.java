package dev.fxalert.bot.webhook;

import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.core.testing.TemporaryFolder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The webhook tests' one set-up: a fake Telegram, embedded stores (standing in for DynamoDB behind the same ports)
 * in a folder of its own, and the webhook as the Lambda wires it over them. Register it with
 * {@code @RegisterExtension}: everything is closed and deleted after each test.
 */
public final class WebhookFixture implements AfterEachCallback, AutoCloseable {

    public static final String SECRET = "s3cret-webhook-token";

    public final FakeBotApi api = new FakeBotApi();
    public final EmbeddedStores stores;
    private final Path dir = TemporaryFolder.create("webhook-");

    public WebhookFixture() {
        this(Clock.systemUTC());
    }

    public WebhookFixture(Clock clock) {
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
    }

    /** The webhook over the fake Telegram and these stores, with {@link #SECRET}; {@code settings} adds to them. */
    public TelegramWebhook webhook(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", SECRET,
                "TELEGRAM_API_URL", api.baseUrl(),
                // a first alert backfills its pair in the background: on loopback, never a real host
                "FRANKFURTER_BASE_URL", "http://127.0.0.1:9"));
        environment.putAll(settings);
        return WebhookWiring.webhook(environment, stores);
    }

    /** The webhook Lambda's handler (no admin route). */
    public WebhookHandler handler() {
        return new WebhookHandler(webhook(Map.of()));
    }

    @Override
    public void close() {
        stores.close();
        try {
            api.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TemporaryFolder.delete(dir);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
