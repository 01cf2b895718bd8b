package dev.fxalert.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MockWebServer playing the Telegram Bot API at its root, answering in the real JSON format: getUpdates
 * (long polling: holds the request briefly while nothing is queued), sendMessage, editMessageText, answerCallbackQuery,
 * setMyCommands and deleteWebhook. Records every call for assertions.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token";
    public static final long BOT_ID = 123456L;

    public record Call(String method, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    /** Updates not yet confirmed by a getUpdates offset beyond them, by update id: Telegram's own bookkeeping. */
    private final TreeMap<Integer, String> unconfirmed = new TreeMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger updateIds = new AtomicInteger(1000);
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private volatile String sendMessageFailure;
    private volatile boolean confirmationsLost;

    public FakeBotApi() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TelegramUrl telegramUrl() {
        HttpUrl url = server.url("/");
        return new TelegramUrl(url.scheme(), url.host(), url.port(), false);
    }

    public String baseUrl() {
        HttpUrl url = server.url("/");
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    /** Queues a text message from a private chat, as a user typing it would produce. */
    public void userSends(long chatId, String firstName, String text) {
        int updateId = updateIds.incrementAndGet();
        queue(updateId, messageUpdate(updateId, chatId, firstName, text));
    }

    /** Queues an update as Telegram would after forgetting it was confirmed (e.g. a redelivery after a crash). */
    public void queue(int updateId, String updateJson) {
        synchronized (unconfirmed) {
            unconfirmed.put(updateId, updateJson);
            unconfirmed.notifyAll();
        }
    }

    /**
     * While true, no offset confirms anything: as when the bot is killed (kill -9) before its next getUpdates, the
     * updates it took stay with Telegram and come again to the next run.
     */
    public void loseConfirmations(boolean lost) {
        confirmationsLost = lost;
    }

    /** The update ids the bot has not confirmed yet (by asking for a later offset). */
    public List<Integer> unconfirmedUpdateIds() {
        synchronized (unconfirmed) {
            return List.copyOf(unconfirmed.keySet());
        }
    }

    /** Queues a press on an inline button under one of the bot's messages. */
    public String userPresses(long chatId, String firstName, String data) {
        int updateId = updateIds.incrementAndGet();
        String callbackId = "cbq-" + updateId;
        queue(updateId, callbackUpdate(updateId, callbackId, chatId, firstName, data));
        return callbackId;
    }

    /** Queues a press on an inline button under a bot message that reads {@code messageText} (a push, say). */
    public String userPressesUnder(long chatId, String firstName, String messageText, String data) {
        int updateId = updateIds.incrementAndGet();
        String callbackId = "cbq-" + updateId;
        queue(updateId, callbackUpdate(updateId, callbackId, chatId, firstName, data)
                .replace("\"text\":\"Your alerts:\"", "\"text\":" + quote(messageText)));
        return callbackId;
    }

    /** The next sendMessage calls answer with this Bot API error body (e.g. a 403 for a blocked bot). */
    public void failSendMessageWith(String errorJson) {
        sendMessageFailure = errorJson;
    }

    public List<Call> calls(String method) {
        List<Call> matching = new ArrayList<>();
        for (Call call : calls) {
            if (call.method().equalsIgnoreCase(method)) {
                matching.add(call);
            }
        }
        return matching;
    }

    public List<String> sentTexts(long chatId) {
        return calls("sendMessage").stream()
                .filter(call -> call.body().path("chat_id").asText().equals(Long.toString(chatId)))
                .map(call -> call.body().path("text").asText())
                .toList();
    }

    public static String messageUpdate(int updateId, long chatId, String firstName, String text) {
        String command = text.startsWith("/") ? text.split("\\s", 2)[0] : null;
        String entities = command == null ? "" : ",\"entities\":[{\"offset\":0,\"length\":" + command.length()
                + ",\"type\":\"bot_command\"}]";
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId * 10)
                + ",\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"" + firstName
                + "\",\"language_code\":\"en\"},\"chat\":{\"id\":" + chatId + ",\"first_name\":\"" + firstName
                + "\",\"type\":\"private\"},\"date\":1764061200,\"text\":" + quote(text) + entities + "}}";
    }

    public static String callbackUpdate(int updateId, String callbackId, long chatId, String firstName, String data) {
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"" + callbackId + "\",\"from\":{\"id\":"
                + chatId + ",\"is_bot\":false,\"first_name\":\"" + firstName + "\",\"language_code\":\"en\"},"
                + "\"message\":{\"message_id\":7,\"from\":{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":"
                + "\"FX Alert\",\"username\":\"FxAlertBot\"},\"chat\":{\"id\":" + chatId + ",\"first_name\":\""
                + firstName + "\",\"type\":\"private\"},\"date\":1764061200,\"text\":\"Your alerts:\"},"
                + "\"chat_instance\":\"-8761234\",\"data\":" + quote(data) + "}}";
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String path = request.getPath() == null ? "" : request.getPath();
        String prefix = "/bot" + TOKEN + "/";
        if (!path.startsWith(prefix)) {
            return error(401, "Unauthorized");
        }
        String method = path.substring(prefix.length());
        JsonNode body = readBody(request);
        calls.add(new Call(method, body));
        switch (method.toLowerCase(Locale.ROOT)) {
            case "getupdates":
                return ok("[" + String.join(",", takeUpdates(body)) + "]");
            case "sendmessage":
                if (sendMessageFailure != null) {
                    return new MockResponse().setResponseCode(jsonInt(sendMessageFailure, "error_code"))
                            .addHeader("Content-Type", "application/json").setBody(sendMessageFailure);
                }
                return ok("{\"message_id\":" + messageIds.incrementAndGet() + ",\"from\":{\"id\":" + BOT_ID
                        + ",\"is_bot\":true,\"first_name\":\"FX Alert\",\"username\":\"FxAlertBot\"},\"chat\":{\"id\":"
                        + body.path("chat_id").asText() + ",\"type\":\"private\"},\"date\":1764061201,\"text\":"
                        + quote(body.path("text").asText()) + "}");
            case "editmessagetext":
                // Telegram answers with the edited message; the bot only needs a success.
                return ok("{\"message_id\":" + body.path("message_id").asText() + ",\"chat\":{\"id\":"
                        + body.path("chat_id").asText() + ",\"type\":\"private\"},\"date\":1764061201,\"text\":"
                        + quote(body.path("text").asText()) + "}");
            case "answercallbackquery":
            case "setmycommands":
            case "deletewebhook":
                return ok("true");
            default:
                return error(404, "Not Found: method not found");
        }
    }

    /**
     * Telegram's getUpdates: an offset confirms (forgets) every update below it; all unconfirmed updates from
     * the offset on are returned, again on every call until confirmed. Real long polling holds the request open
     * until something arrives; a short hold keeps the poller calm.
     */
    private List<String> takeUpdates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(0) > 0 ? body.path("limit").asInt() : 100;
        synchronized (unconfirmed) {
            if (offset > 0 && !confirmationsLost) {
                unconfirmed.headMap((int) Math.min(offset, Integer.MAX_VALUE)).clear();
            }
            if (unconfirmed.isEmpty() && body.path("timeout").asInt(0) > 0) {
                unconfirmed.wait(100);
            }
            return unconfirmed.values().stream().limit(limit).toList();
        }
    }

    private JsonNode readBody(RecordedRequest request) {
        try {
            String text = request.getBody().readUtf8();
            return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private int jsonInt(String body, String field) {
        try {
            return json.readTree(body).path(field).asInt(400);
        } catch (IOException e) {
            return 400;
        }
    }

    private static MockResponse ok(String result) {
        return new MockResponse().addHeader("Content-Type", "application/json")
                .setBody("{\"ok\":true,\"result\":" + result + "}");
    }

    private static MockResponse error(int code, String description) {
        return new MockResponse().setResponseCode(code).addHeader("Content-Type", "application/json")
                .setBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}");
    }

    private static String quote(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
