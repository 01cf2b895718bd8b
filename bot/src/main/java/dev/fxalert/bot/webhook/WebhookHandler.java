package dev.fxalert.bot.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fxalert.bot.command.BotSettings;
import dev.fxalert.bot.command.ChatBot;
import dev.fxalert.bot.telegram.TelegramApiUrl;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import dev.fxalert.bot.webhook.admin.AdminRoute;
import dev.fxalert.bot.webhook.admin.LambdaAdminWiring;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.Stores;
import dev.fxalert.core.store.dynamodb.DynamoDbStoreConfig;
import dev.fxalert.core.store.dynamodb.DynamoDbStores;
import dev.fxalert.ingestion.IngestionConfig;
import dev.fxalert.ingestion.ProviderSources;
import dev.fxalert.ingestion.RateProviders;
import dev.fxalert.evaluation.delivery.TelegramNotifier;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bot on AWS: API Gateway (HTTP API) hands Telegram's webhook calls and the operator's admin API calls to this
 * Lambda. Thin: {@code /admin/...} goes to {@link AdminRoute}, everything else to {@link TelegramWebhook}, and the
 * answers are wrapped back. No Spring, so cold starts stay short; collaborators
 * are built once per container, in the constructor.
 *
 * <p>Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET (required); TELEGRAM_API_URL,
 * TELEGRAM_BOT_USERNAME, the table settings of {@link DynamoDbStoreConfig#fromEnvironment} and the admin API's
 * settings of {@link LambdaAdminWiring} (optional).
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final TelegramWebhook webhook;
    private final AdminRoute admin;

    /** Used by the Lambda runtime. */
    public WebhookHandler() {
        this(System.getenv(), Secrets.fromEnvironment(), Clock.systemUTC());
    }

    private WebhookHandler(Map<String, String> env, Secrets secrets, Clock clock) {
        this(env, secrets, clock, DynamoDbStores.create(DynamoDbClient.create(), DynamoDbStoreConfig.fromEnvironment(env), clock));
    }

    /** One {@link Secrets} (so Secrets Manager is read once) and one set of stores for the bot and the admin API. */
    private WebhookHandler(Map<String, String> env, Secrets secrets, Clock clock, Stores stores) {
        this(fromEnvironment(secrets, stores, shippedCatalogue(env), env),
                LambdaAdminWiring.aws().wire(env, secrets, stores, clock));
    }

    /** The webhook only: {@code /admin} paths answer 404 like any unknown path. */
    public WebhookHandler(TelegramWebhook webhook) {
        this(webhook, null);
    }

    /** @param admin the {@code /admin/{proxy+}} route, or null for none */
    public WebhookHandler(TelegramWebhook webhook, AdminRoute admin) {
        this.webhook = webhook;
        this.admin = admin;
    }

    /** Wires the webhook from the environment over the given stores (DynamoDB on AWS). */
    public static TelegramWebhook fromEnvironment(Secrets secrets, Stores stores) {
        return fromEnvironment(secrets, stores, shippedCatalogue(System.getenv()));
    }

    /**
     * The currencies of the configured provider chain from the lists shipped with the project: the webhook fetches
     * no rates, and must not call a provider per command. The function cannot read ingestion's secret, so the
     * Secrets Manager fallback is left out here: Korea Eximbank counts as configured only when its key is in the
     * plain environment (its currencies are all on open.er-api's list too, so the same pairs are accepted).
     */
    static CurrencyCatalogue shippedCatalogue(Map<String, String> env) {
        return RateProviders.shippedCatalogue(IngestionConfig.fromEnvironment(plainEnvironment(env)));
    }

    /** The environment without the Secrets Manager reference: this function cannot read ingestion's secret. */
    private static Map<String, String> plainEnvironment(Map<String, String> env) {
        Map<String, String> plain = new HashMap<>(env);
        plain.remove(Secrets.SECRETS_ARN_VARIABLE);
        return plain;
    }

    /** @param catalogue what /alert accepts and /currencies lists */
    public static TelegramWebhook fromEnvironment(Secrets secrets, Stores stores, CurrencyCatalogue catalogue) {
        return fromEnvironment(secrets, stores, catalogue, System.getenv());
    }

    /** @param env where the rate-source chain is read from (its schedules and names, for /rate and /sources) */
    static TelegramWebhook fromEnvironment(Secrets secrets, Stores stores, CurrencyCatalogue catalogue,
                                           Map<String, String> env) {
        String token = secrets.require("TELEGRAM_BOT_TOKEN");
        OkHttpTelegramClient client = new OkHttpTelegramClient(TelegramNotifier.httpClient(), token,
                TelegramApiUrl.parse(secrets.optional("TELEGRAM_API_URL").orElse(TelegramApiUrl.DEFAULT)));
        BotSettings defaults = BotSettings.defaults();
        BotSettings settings = new BotSettings(secrets.optional("TELEGRAM_BOT_USERNAME").orElse(""),
                defaults.commandsPerMinute(), defaults.rateFreshness());
        // No on-demand provider lookup in the Lambda: /rate answers from the history ingestion keeps filling.
        // Provider status is derived from the rate history (no memory needed between updates).
        RateSources sources = ProviderSources.of(IngestionConfig.fromEnvironment(plainEnvironment(env)),
                catalogue, stores.alerts(), stores.rateHistory(), Clock.systemUTC());
        ChatBot bot = new ChatBot(stores.users(), stores.alerts(), stores.rateHistory(), pair -> Optional.empty(),
                catalogue, sources, Clock.systemUTC(), settings);
        return new TelegramWebhook(secrets.require("TELEGRAM_WEBHOOK_SECRET"), new TelegramUpdateHandler(bot, client));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        // Every log line of the invocation carries its request id; the webhook names the update_id once read.
        try (LogCorrelation.Scope ignored = LogCorrelation.invocation(context == null ? null : context.getAwsRequestId())) {
            return route(event);
        }
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) {
        if (admin != null && AdminRoute.accepts(event)) {
            return admin.handle(event);
        }
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
