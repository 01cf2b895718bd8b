package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fxalert.bot.telegram.FakeBotApi;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.AuditLog;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.port.UpdateJournal;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.core.snapstart.SnapStartPriming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The SnapStart hooks of the webhook function, called as the runtime calls them (a simulated checkpoint and
 * restore): the warm-up reads no secret, calls no store and sends nothing to Telegram, even with the bot's name
 * unset (the primer names itself); after the restore the first request reads the secrets and is answered.
 */
class WebhookPrimingTest {

    private static final String SECRET = "s3cret";

    private final FakeBotApi api = new FakeBotApi();
    private final List<String> secretReads = new ArrayList<>();
    private final Map<String, String> env = Map.of(
            Secrets.SECRETS_ARN_VARIABLE, "arn:aws:secretsmanager:eu-central-1:123456789012:secret:bot",
            Secrets.CACHE_SECONDS_VARIABLE, "0",
            "TELEGRAM_API_URL", api.baseUrl());
    private final Secrets secrets = Secrets.fromEnvironment(env::get, arn -> () -> {
        secretReads.add(arn);
        return Map.of("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN, "TELEGRAM_WEBHOOK_SECRET", SECRET);
    });
    private final UserStore users = mock(UserStore.class);
    private final AlertStore alerts = mock(AlertStore.class);
    private final RateHistory history = mock(RateHistory.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final UpdateJournal journal = mock(UpdateJournal.class);
    private final Stores stores = mock(Stores.class);

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void primingBeforeTheSnapshotReadsNoSecretCallsNoStoreAndSendsNothing() {
        when(stores.users()).thenReturn(users);
        when(stores.alerts()).thenReturn(alerts);
        when(stores.rateHistory()).thenReturn(history);
        when(stores.audit()).thenReturn(audit);
        when(stores.updateJournal()).thenReturn(journal);
        WebhookHandler handler = new WebhookHandler(WebhookWiring.wire(WebhookWiring.config(Settings.of(env)), secrets,
                stores, Clock.systemUTC()));
        SnapStartPriming priming = handler.priming();

        priming.beforeCheckpoint(null);
        assertThat(priming.primed()).as("the warm-up ran to the end").isTrue();
        priming.afterRestore(null);

        assertThat(secretReads).as("Secrets Manager reads before the snapshot").isEmpty();
        verifyNoInteractions(users, alerts, history, audit, journal);
        assertThat(api.calls("sendMessage")).isEmpty();
        assertThat(api.calls("answerCallbackQuery")).isEmpty();

        APIGatewayV2HTTPResponse first = handler.handleRequest(help(), null);
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(secretReads).as("read on first use, after the restore").isNotEmpty();
        verify(journal).wasHandled("tg:5");
    }

    private static APIGatewayV2HTTPEvent help() {
        return ApiGatewayEvents.update(FakeBotApi.messageUpdate(5, 5150L, "Jun", "/help"), SECRET);
    }
}
