package dev.fxalert.bot.local;

import dev.fxalert.core.config.Settings;
import dev.fxalert.ingestion.IngestionService;
import dev.fxalert.ingestion.provider.DemoRateProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code FX_ALERT_DEMO=true} ({@code ./run.sh --demo}): the console chat with simulated rates
 * ({@link DemoRateProvider}, provider name "demo") as the only provider, and ingestion every
 * {@code FX_ALERT_DEMO_TICK} (5 s) instead of every few minutes, so an alert set near the current rate fires
 * within about a minute.
 * <p>
 * Demo rates must never reach a real user, so the app refuses to start when the demo is asked for together with
 * a Telegram token, the DynamoDB store (AWS tables) or inside AWS Lambda. The Lambdas never build this
 * configuration or the provider at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = DemoModeConfiguration.DEMO, havingValue = "true")
public class DemoModeConfiguration {

    static final String DEMO = "FX_ALERT_DEMO";
    static final String TICK = "FX_ALERT_DEMO_TICK";
    private static final Logger log = LoggerFactory.getLogger(DemoModeConfiguration.class);

    public DemoModeConfiguration(Environment environment) {
        refuseOutsideTheConsole(environment);
    }

    static boolean demoRequested(Settings settings) {
        return settings.bool(DEMO, false);
    }

    /** ISO-8601 ({@code PT5S}) or Spring's short form ({@code 5s}, {@code 200ms}), positive. */
    static Duration tick(Settings settings) {
        String text = settings.text(TICK, "PT5S");
        Duration tick;
        try {
            tick = DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException e) {
            throw new Settings.SettingException(TICK, "a duration such as PT5S or 5s", text);
        }
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException(TICK + " must be positive, got " + tick);
        }
        return tick;
    }

    static void refuseOutsideTheConsole(Environment environment) {
        String why = null;
        String token = environment.getProperty(TelegramTokenCondition.TOKEN);
        if (token != null && !token.isBlank()) {
            why = "TELEGRAM_BOT_TOKEN is set: simulated rates would reach real Telegram users";
        } else if ("dynamodb".equalsIgnoreCase(environment.getProperty("FX_ALERT_STORE", "embedded").strip())) {
            why = "FX_ALERT_STORE=dynamodb: simulated rates would be written to the shared DynamoDB tables";
        } else if (environment.getProperty("AWS_LAMBDA_FUNCTION_NAME") != null) {
            why = "this is AWS Lambda";
        }
        if (why != null) {
            throw new IllegalStateException(DEMO + "=true is only for the local console chat, but " + why
                    + ". Unset " + DEMO + " (or run ./run.sh --demo without a token).");
        }
    }

    @Bean
    DemoRateProvider demoRateProvider(Clock clock, Settings settings) {
        Duration tick = tick(settings);
        log.warn("DEMO MODE: rates are simulated (provider \"demo\"), one step every {}; no real provider is asked.", tick);
        return new DemoRateProvider(clock, tick, new SplittableRandom());
    }

    /** Fast ingestion: the regular schedule runs at most once a minute, the demo's rates move every tick. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService demoIngestionTicker(IngestionService ingestion, Settings settings) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fx-demo-ingestion");
            thread.setDaemon(true);
            return thread;
        });
        long millis = tick(settings).toMillis();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                ingestion.runOnce();
            } catch (RuntimeException e) {
                log.warn("Demo ingestion run failed; the next tick tries again: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return ticker;
    }
}
