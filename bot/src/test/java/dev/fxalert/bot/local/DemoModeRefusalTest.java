package dev.fxalert.bot.local;

import dev.fxalert.ingestion.provider.DemoRateProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Simulated rates must never reach a real user: the demo refuses to start anywhere but the local console chat. */
class DemoModeRefusalTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(DemoModeConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void refusesToStartWithATelegramToken() {
        app.withPropertyValues("FX_ALERT_DEMO=true", "TELEGRAM_BOT_TOKEN=123456:ABC").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("FX_ALERT_DEMO=true is only for the local console chat")
                    .hasMessageContaining("TELEGRAM_BOT_TOKEN is set");
        });
    }

    @Test
    void refusesToStartOnTheDynamoDbStore() {
        app.withPropertyValues("FX_ALERT_DEMO=true", "FX_ALERT_STORE=dynamodb").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("FX_ALERT_STORE=dynamodb"));
    }

    @Test
    void refusesToStartInsideAwsLambda() {
        app.withPropertyValues("FX_ALERT_DEMO=true", "AWS_LAMBDA_FUNCTION_NAME=fx-alert-webhook").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("AWS Lambda"));
    }

    @Test
    void isOffUnlessAskedFor() {
        app.withPropertyValues("TELEGRAM_BOT_TOKEN=123456:ABC").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DemoRateProvider.class);
        });
    }
}
