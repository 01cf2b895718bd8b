package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.config.Settings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Bot API answers (a fake server in tests) and how long one request may take.
 *
 * @param baseUrl e.g. {@code https://api.telegram.org}; requests go to {@code <baseUrl>/bot<token>/sendMessage}
 */
public record TelegramApiConfig(URI baseUrl, Duration connectTimeout, Duration requestTimeout) {

    public static final String VARIABLE = "TELEGRAM_API_URL";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.telegram.org");

    public TelegramApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String scheme = baseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be an http(s) URL such as "
                    + DEFAULT_BASE_URL + ", got " + baseUrl);
        }
        if (baseUrl.getPath() != null && !baseUrl.getPath().isEmpty() && !"/".equals(baseUrl.getPath())) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must not have a path (the client adds /bot<token>/...), got "
                    + baseUrl);
        }
    }

    public static TelegramApiConfig of(URI baseUrl) {
        return new TelegramApiConfig(baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(15));
    }

    /** Reads TELEGRAM_API_URL (default https://api.telegram.org). */
    public static TelegramApiConfig from(Settings settings) {
        return of(URI.create(settings.url(VARIABLE, DEFAULT_BASE_URL.toString())));
    }

    public static TelegramApiConfig fromEnvironment(Map<String, String> env) {
        return from(Settings.of(env));
    }

    int port() {
        return baseUrl.getPort() != -1 ? baseUrl.getPort() : "https".equals(baseUrl.getScheme()) ? 443 : 80;
    }
}
