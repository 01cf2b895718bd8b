package dev.fxalert.bot.telegram;

import org.telegram.telegrambots.meta.TelegramUrl;

import java.net.URI;
import java.util.Locale;

/**
 * TELEGRAM_API_URL ({@code https://api.telegram.org}, or a fake Bot API in tests and staging) as TelegramBots'
 * {@link TelegramUrl}, which holds scheme, host and port but no base path.
 */
public final class TelegramApiUrl {

    public static final String DEFAULT = "https://api.telegram.org";

    private TelegramApiUrl() {
    }

    public static TelegramUrl parse(String url) {
        String text = url == null || url.isBlank() ? DEFAULT : url.strip();
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL '" + text + "' is not a URL; example: " + DEFAULT, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL '" + text + "' must be an http(s) URL; example: " + DEFAULT);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("TELEGRAM_API_URL '" + text
                    + "' has a path; the Bot API must answer at the root of its host, e.g. " + DEFAULT);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }
}
