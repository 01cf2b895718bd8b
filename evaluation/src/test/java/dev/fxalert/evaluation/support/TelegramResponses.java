package dev.fxalert.evaluation.support;

import okhttp3.mockwebserver.MockResponse;

/** Bot API answers in Telegram's real JSON format, for a MockWebServer playing api.telegram.org. */
public final class TelegramResponses {

    private TelegramResponses() {
    }

    public static MockResponse sent(long chatId, int messageId) {
        return json(200, "{\"ok\":true,\"result\":{\"message_id\":" + messageId + ","
                + "\"from\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"FX Alert\",\"username\":\"fx_alert_bot\"},"
                + "\"chat\":{\"id\":" + chatId + ",\"first_name\":\"Mina\",\"type\":\"private\"},"
                + "\"date\":1795597200,\"text\":\"🔔 USD/KRW\"}}");
    }

    public static MockResponse tooManyRequests(int retryAfterSeconds) {
        return json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}");
    }

    public static MockResponse blockedByUser() {
        return json(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
    }

    public static MockResponse userDeactivated() {
        return json(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: user is deactivated\"}");
    }

    public static MockResponse chatNotFound() {
        return json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
    }

    public static MockResponse badRequest(String description) {
        return json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: " + description + "\"}");
    }

    /** A group that became a supergroup: Telegram names the new chat in parameters.migrate_to_chat_id. */
    public static MockResponse groupUpgraded(long newChatId) {
        return json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a "
                + "supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":" + newChatId + "}}");
    }

    public static MockResponse internalError() {
        return json(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
