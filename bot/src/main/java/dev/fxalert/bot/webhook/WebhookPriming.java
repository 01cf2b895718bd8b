package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.telegram.TelegramMessages;
import dev.fxalert.bot.webhook.admin.LambdaAdminWiring;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.i18n.Language;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.Stores;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook function's SnapStart warm-up ({@link dev.fxalert.core.snapstart.SnapStartPriming}): the request path
 * as a real update takes it, with nothing real in it.
 * <ul>
 *   <li>A webhook built as {@link WebhookWiring#webhook} builds it (ChatBot, the Telegram client, the update
 *       handler), but from made-up secrets, routes {@link #UPDATE} through {@link WebhookHandler}: the API Gateway
 *       event, the secret header check, the update JSON, the update handler and ChatBot's command routing. The
 *       update names another bot, so ChatBot drops it before any store call, and has no {@code update_id}, so
 *       the handled-updates journal is not asked either. The client is built, never used.</li>
 *   <li>A reply per language, formatted from the catalogue and written as the response body carries it
 *       ({@link WebhookResponse}): ICU's formats and TelegramBots' method JSON.</li>
 *   <li>The admin route built the same way (its SDK client builders) and asked with a wrong token, which it
 *       refuses before any service.</li>
 * </ul>
 * No secret is read, no store called, nothing sent; everything built here is dropped.
 */
final class WebhookPriming {

    static final String MADE_UP_SECRET = "snapstart-priming";
    /** The primer's own name, whatever the function's is (an unset name would take every command as its own). */
    static final String BOT_USERNAME = "snapstart_priming_bot";
    /** A command for another bot, without an update id. */
    static final String UPDATE = "{\"message\":{\"message_id\":1,\"from\":{\"id\":1,"
            + "\"is_bot\":false,\"first_name\":\"Priming\",\"language_code\":\"en\"},\"chat\":{\"id\":1,"
            + "\"type\":\"private\"},\"date\":1764061200,\"text\":\"/help@another_bot\","
            + "\"entities\":[{\"offset\":0,\"length\":17,\"type\":\"bot_command\"}]}}";

    private WebhookPriming() {
    }

    static Runnable warmUp(WebhookWiring.Config config, Stores stores, Clock clock) {
        return () -> {
            Secrets madeUp = new Secrets(Map.of("TELEGRAM_BOT_TOKEN", "0:" + MADE_UP_SECRET,
                    "TELEGRAM_WEBHOOK_SECRET", MADE_UP_SECRET, "ADMIN_API_TOKEN", MADE_UP_SECRET)::get);
            WebhookWiring.Config primer = new WebhookWiring.Config(config.stores(), config.telegramApi(),
                    new BotSettings(BOT_USERNAME, config.bot().commandsPerMinute(), config.bot().rateFreshness()),
                    config.ingestion(), config.catalogue(), config.admin(), config.digests(), config.digestGroup(),
                    Optional.empty()); // wakes nothing
            WebhookHandler handler = new WebhookHandler(WebhookWiring.webhook(primer, madeUp, stores, clock),
                    LambdaAdminWiring.aws().wire(config.admin(), madeUp, stores,
                            WebhookWiring.rateSources(config, stores, clock), clock));
            handler.handleRequest(post(TelegramWebhook.PATH,
                    Map.of(TelegramWebhook.SECRET_HEADER.toLowerCase(Locale.ROOT), MADE_UP_SECRET), UPDATE), null);
            for (Language language : Language.values()) {
                Messages messages = Messages.of(language);
                WebhookResponse.acknowledging(Optional.of(TelegramMessages.reply(OutgoingMessage.text(1,
                        messages.text(Msg.CHAT_NOT_A_COMMAND, messages.text(Msg.EXAMPLE_ALERT))))));
            }
            handler.handleRequest(post("/admin/stats", Map.of("authorization", "Bearer not-the-token"), null), null);
        };
    }

    private static APIGatewayV2HTTPEvent post(String path, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(headers)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path).build())
                        .build())
                .build();
    }
}
