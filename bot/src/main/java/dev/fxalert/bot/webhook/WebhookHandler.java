package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.telegram.TelegramApiUrl;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The bot on AWS: API Gateway (HTTP API) hands Telegram's webhook calls to this Lambda. Thin: unwraps the event,
 * lets {@link TelegramWebhook} do the work, wraps the status. No Spring, so cold starts stay short; collaborators
 * are built once per container, in the constructor.
 *
 * <p>Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET (required); TELEGRAM_API_URL,
 * TELEGRAM_BOT_USERNAME, and the table settings of {@link DynamoDbStoreConfig#fromEnvironment} (optional).
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final TelegramWebhook webhook;

    /** Used by the Lambda runtime. */
    public WebhookHandler() {
        this(fromEnvironment(Secrets.fromEnvironment(),
                DynamoDbStores.create(DynamoDbClient.create(), DynamoDbStoreConfig.fromEnvironment(System.getenv()),
                        Clock.systemUTC())));
    }

    public WebhookHandler(TelegramWebhook webhook) {
        this.webhook = webhook;
    }

    /** Wires the webhook from the environment over the given stores (DynamoDB on AWS). */
    public static TelegramWebhook fromEnvironment(Secrets secrets, Stores stores) {
        String token = secrets.require("TELEGRAM_BOT_TOKEN");
        OkHttpTelegramClient client = new OkHttpTelegramClient(token,
                TelegramApiUrl.parse(secrets.optional("TELEGRAM_API_URL").orElse(TelegramApiUrl.DEFAULT)));
        BotSettings defaults = BotSettings.defaults();
        BotSettings settings = new BotSettings(secrets.optional("TELEGRAM_BOT_USERNAME").orElse(""),
                defaults.commandsPerMinute(), defaults.rateFreshness());
        // No on-demand provider lookup in the Lambda: /rate answers from the history ingestion keeps filling.
        ChatBot bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                Clock.systemUTC(), settings);
        return new TelegramWebhook(secrets.require("TELEGRAM_WEBHOOK_SECRET"), new TelegramUpdateHandler(bot, client));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? null : event.getRequestContext().getHttp().getMethod();
        int status = webhook.handle(method, event.getRawPath(), event.getHeaders(), body(event));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withBody("").build();
    }

    /** The body as text; null when it is not valid base64, which the webhook then treats as a bad update. */
    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
