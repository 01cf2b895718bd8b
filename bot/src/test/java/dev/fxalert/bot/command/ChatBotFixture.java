package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OwnerAlerts;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.store.embedded.EmbeddedStoreConfig;
import dev.fxalert.core.store.embedded.EmbeddedStores;
import dev.fxalert.core.testing.TemporaryFolder;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.ProviderSources;
import dev.fxalert.ingestion.RateProviders;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat bot over a real embedded store in a temporary folder, a fixed clock, a scripted rate lookup and the
 * currency catalogue and source statuses of the default provider chain (Frankfurter, open.er-api and currency-api,
 * their shipped lists). The chat tests' one set-up: {@code @RegisterExtension final ChatBotFixture chat = new
 * ChatBotFixture(1000);} gives each test a bot over a folder of its own, closed and deleted after the test (or
 * use it in try-with-resources).
 */
final class ChatBotFixture implements AutoCloseable, AfterEachCallback {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final long CHAT = 42L;

    /** The fixture's own folder, deleted when it closes. */
    private final Path dir;
    final EmbeddedStores stores;
    final Map<CurrencyPair, Rate> lookupRates = new ConcurrentHashMap<>();
    final ChatBot bot;
    /** How often the bot read one alert ({@code OwnerAlerts.get}). */
    final AtomicInteger alertReads = new AtomicInteger();
    /** What the bot told its {@link CommandObserver}, as {@code command:OUTCOME}. */
    final List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();

    ChatBotFixture(int commandsPerMinute) {
        this(commandsPerMinute, RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())));
    }

    ChatBotFixture(int commandsPerMinute, CurrencyCatalogue catalogue) {
        this(commandsPerMinute, catalogue, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** With a clock the test moves (starting at {@link #NOW}). */
    ChatBotFixture(int commandsPerMinute, Clock clock) {
        this(commandsPerMinute, RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(Map.of())), clock);
    }

    ChatBotFixture(int commandsPerMinute, CurrencyCatalogue catalogue, Clock clock) {
        this.dir = TemporaryFolder.create("chat-bot-");
        stores = EmbeddedStores.open(new EmbeddedStoreConfig(dir.resolve("fx-alert.db"), 50), clock);
        RateLookup lookup = pair -> Optional.ofNullable(lookupRates.get(pair));
        RateSources sources = ProviderSources.of(IngestionConfig.fromEnvironment(Map.of()), catalogue, stores.alerts(),
                stores.rateHistory(), clock);
        bot = new ChatBot(stores.users(), countingReads(stores.alerts()), stores.rateHistory(), lookup, catalogue, sources, clock,
                new BotSettings("FxAlertBot", commandsPerMinute, Duration.ofMinutes(15)),
                (command, outcome) -> observed.add(command + ":" + outcome), stores.drafts());
    }

    private OwnerAlerts countingReads(OwnerAlerts alerts) {
        return (OwnerAlerts) Proxy.newProxyInstance(OwnerAlerts.class.getClassLoader(), new Class<?>[] {OwnerAlerts.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        alertReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(alerts, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The alerts of the user behind {@code chatId}; none when the chat has no user yet. */
    List<Alert> alertsOf(long chatId) {
        return stores.users().findByChatId(chatId).map(User::id).map(id -> stores.alerts().listByOwner(id))
                .orElse(List.of());
    }

    /** The alerts of {@link #CHAT}'s user. */
    List<Alert> alerts() {
        return alertsOf(CHAT);
    }

    void storedRate(String pair, String value, String provider, Duration age) {
        Rate rate = new Rate(CurrencyPair.parse(pair), new BigDecimal(value), provider, NOW.minus(age));
        stores.rateHistory().append(rate, pair + value + age);
    }

    OutgoingMessage send(String text) {
        return send(CHAT, text);
    }

    OutgoingMessage send(long chatId, String text) {
        List<OutgoingMessage> replies = bot.handle(new IncomingMessage(chatId, text, "Mina", "en", true));
        if (replies.size() != 1) {
            throw new AssertionError("expected one reply to " + text + ", got " + replies);
        }
        return replies.get(0);
    }

    String reply(String text) {
        return send(text).text();
    }

    /** Closes the store and deletes the folder. */
    @Override
    public void close() {
        stores.close();
        TemporaryFolder.delete(dir);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
