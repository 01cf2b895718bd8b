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
 * (long polling: holds the request briefly while nothing is queued), sendMessage, sendPhoto (multipart/form-data,
 * as Telegram takes an uploaded file: the text fields are recorded as the call's body, the file in {@link #photos()}),
 * editMessageText, answerCallbackQuery, setMyCommands and deleteWebhook. Records every call for assertions.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token";
    public static final long BOT_ID = 123456L;

    public record Call(String method, JsonNode body) {
    }

    /** A file uploaded with sendPhoto: the chat, the caption and the bytes as sent. */
    public record Photo(long chatId, String caption, String fileName, byte[] bytes) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    /** Updates not yet confirmed by a getUpdates offset beyond them, by update id: Telegram's own bookkeeping. */
    private final TreeMap<Integer, String> unconfirmed = new TreeMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Photo> photos = new ConcurrentLinkedQueue<>();
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

    /**
     * What Telegram does with a webhook's HTTP answer: runs the one Bot API method in its body, recorded here as a
     * call of that method (its result goes to no one). An empty or absent body runs nothing.
     */
    public void runsWebhookAnswer(String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        try {
            JsonNode method = json.readTree(body);
            calls.add(new Call(method.path("method").asText(), method));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every photo uploaded with sendPhoto, in order. */
    public List<Photo> photos() {
        return List.copyOf(photos);
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

    // --- See and share (issue 16): groups, membership and inline queries ---

    /** The people getChatMember reports as administrators, by group chat id (everyone else is a plain member). */
    private final java.util.Map<Long, java.util.Set<Long>> administrators = new java.util.concurrent.ConcurrentHashMap<>();

    /** getChatMember answers "administrator" for this person in this group from now on. */
    public void makeAdministrator(long groupChatId, long userId) {
        administrators.computeIfAbsent(groupChatId, id -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(userId);
    }

    private String chatMember(long chatId, long userId) {
        String status = administrators.getOrDefault(chatId, java.util.Set.of()).contains(userId) ? "administrator" : "member";
        String rights = status.equals("administrator") ? ",\"can_be_edited\":false,\"is_anonymous\":false,"
                + "\"can_manage_chat\":true,\"can_delete_messages\":true,\"can_manage_video_chats\":true,"
                + "\"can_restrict_members\":true,\"can_promote_members\":false,\"can_change_info\":true,"
                + "\"can_invite_users\":true,\"can_post_stories\":false,\"can_edit_stories\":false,"
                + "\"can_delete_stories\":false" : "";
        return "{\"status\":\"" + status + "\",\"user\":{\"id\":" + userId
                + ",\"is_bot\":false,\"first_name\":\"Member\"}" + rights + "}";
    }

    /** A text message sent in a group by one of its members. */
    public static String groupMessageUpdate(int updateId, long groupChatId, String type, long fromId, String firstName,
                                            String text) {
        String command = text.startsWith("/") ? text.split("\\s", 2)[0] : null;
        String entities = command == null ? "" : ",\"entities\":[{\"offset\":0,\"length\":" + command.length()
                + ",\"type\":\"bot_command\"}]";
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId * 10)
                + ",\"from\":{\"id\":" + fromId + ",\"is_bot\":false,\"first_name\":\"" + firstName
                + "\",\"language_code\":\"en\"},\"chat\":" + groupChat(groupChatId, type)
                + ",\"date\":1764061200,\"text\":" + quote(text) + entities + "}}";
    }

    /** A press on a button under one of the bot's messages in a group. */
    public static String groupCallbackUpdate(int updateId, String callbackId, long groupChatId, long fromId,
                                             String firstName, String data) {
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"" + callbackId + "\",\"from\":{\"id\":"
                + fromId + ",\"is_bot\":false,\"first_name\":\"" + firstName + "\",\"language_code\":\"en\"},"
                + "\"message\":{\"message_id\":7,\"from\":{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":"
                + "\"FX Alert\",\"username\":\"FxAlertBot\"},\"chat\":" + groupChat(groupChatId, "group")
                + ",\"date\":1764061200,\"text\":\"Your alerts:\"},"
                + "\"chat_instance\":\"-8761234\",\"data\":" + quote(data) + "}}";
    }

    /**
     * The service messages of an upgrade to a supergroup: in the old group one with migrate_to_chat_id, in the new
     * supergroup one with migrate_from_chat_id (Telegram sends both).
     */
    public static String migratedToUpdate(int updateId, long groupChatId, long supergroupChatId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId * 10)
                + ",\"from\":{\"id\":777,\"is_bot\":false,\"first_name\":\"Owner\"},\"chat\":"
                + groupChat(groupChatId, "group") + ",\"date\":1764061200,\"migrate_to_chat_id\":" + supergroupChatId + "}}";
    }

    public static String migratedFromUpdate(int updateId, long groupChatId, long supergroupChatId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId * 10)
                + ",\"from\":{\"id\":777,\"is_bot\":false,\"first_name\":\"Owner\"},\"chat\":"
                + groupChat(supergroupChatId, "supergroup") + ",\"date\":1764061200,\"migrate_from_chat_id\":"
                + groupChatId + "}}";
    }

    /** my_chat_member: the bot's own status in a group changed from {@code oldStatus} to {@code newStatus}. */
    public static String myChatMemberUpdate(int updateId, long groupChatId, String oldStatus, String newStatus) {
        return "{\"update_id\":" + updateId + ",\"my_chat_member\":{\"chat\":" + groupChat(groupChatId, "supergroup")
                + ",\"from\":{\"id\":777,\"is_bot\":false,\"first_name\":\"Owner\",\"language_code\":\"en\"},"
                + "\"date\":1764061200,\"old_chat_member\":" + botMember(oldStatus)
                + ",\"new_chat_member\":" + botMember(newStatus) + "}}";
    }

    /** What a person typing {@code @FxAlertBot <query>} in any chat makes Telegram send. */
    public static String inlineQueryUpdate(int updateId, String queryId, long fromId, String language, String query) {
        return "{\"update_id\":" + updateId + ",\"inline_query\":{\"id\":\"" + queryId + "\",\"from\":{\"id\":"
                + fromId + ",\"is_bot\":false,\"first_name\":\"Mina\",\"language_code\":\"" + language + "\"},"
                + "\"query\":" + quote(query) + ",\"offset\":\"\",\"chat_type\":\"sender\"}}";
    }

    private static String groupChat(long chatId, String type) {
        return "{\"id\":" + chatId + ",\"title\":\"Tuition fund\",\"type\":\"" + type + "\"}";
    }

    private static String botMember(String status) {
        String user = "\"user\":{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":\"FX Alert\",\"username\":\"FxAlertBot\"}";
        return switch (status) {
            case "kicked" -> "{\"status\":\"kicked\"," + user + ",\"until_date\":0}";
            default -> "{\"status\":\"" + status + "\"," + user + "}";
        };
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
            case "sendphoto":
                if (body.path("photo_file_name").isMissingNode()) {
                    return error(400, "Bad Request: there is no photo in the request");
                }
                return ok("{\"message_id\":" + messageIds.incrementAndGet() + ",\"from\":{\"id\":" + BOT_ID
                        + ",\"is_bot\":true,\"first_name\":\"FX Alert\",\"username\":\"FxAlertBot\"},\"chat\":{\"id\":"
                        + body.path("chat_id").asText() + ",\"type\":\"private\"},\"date\":1764061201,\"photo\":[{"
                        + "\"file_id\":\"AgACAgQAAxkDAAI\",\"file_unique_id\":\"AQAD\",\"width\":1080,\"height\":900}],"
                        + "\"caption\":" + quote(body.path("caption").asText()) + "}");
            case "editmessagetext":
                // Telegram answers with the edited message; the bot only needs a success.
                return ok("{\"message_id\":" + body.path("message_id").asText() + ",\"chat\":{\"id\":"
                        + body.path("chat_id").asText() + ",\"type\":\"private\"},\"date\":1764061201,\"text\":"
                        + quote(body.path("text").asText()) + "}");
            case "answercallbackquery":
            case "setmycommands":
            case "deletewebhook":
            case "answerinlinequery":
                return ok("true");
            case "getchatmember":
                return ok(chatMember(body.path("chat_id").asLong(), body.path("user_id").asLong()));
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
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.startsWith("multipart/form-data")) {
            return readMultipart(request, contentType);
        }
        try {
            String text = request.getBody().readUtf8();
            return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /**
     * A multipart body as Telegram reads it: text parts become fields of the recorded body; the file part is kept
     * in {@link #photos()} and named in the body as {@code <field>_file_name} and {@code <field>_bytes}.
     */
    private JsonNode readMultipart(RecordedRequest request, String contentType) {
        com.fasterxml.jackson.databind.node.ObjectNode fields = json.createObjectNode();
        String boundary = okhttp3.MediaType.get(contentType).parameter("boundary");
        byte[] file = null;
        String fileName = null;
        try (okhttp3.MultipartReader reader = new okhttp3.MultipartReader(request.getBody(), boundary)) {
            okhttp3.MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = String.valueOf(part.headers().get("Content-Disposition"));
                String name = attribute(disposition, "name");
                String partFile = attribute(disposition, "filename");
                if (partFile != null) {
                    file = part.body().readByteArray();
                    fileName = partFile;
                    fields.put(name + "_file_name", partFile);
                    fields.put(name + "_bytes", file.length);
                } else {
                    String value = part.body().readUtf8();
                    fields.put(name, value);
                    if (name.equals("reply_markup")) {
                        fields.set(name, json.readTree(value));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (file != null) {
            photos.add(new Photo(fields.path("chat_id").asLong(), fields.path("caption").asText(null), fileName, file));
        }
        return fields;
    }

    /** {@code name="x"} out of a Content-Disposition header, or null. */
    private static String attribute(String disposition, String attribute) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?:^|;)\\s*" + attribute + "=\"([^\"]*)\"")
                .matcher(disposition);
        return matcher.find() ? matcher.group(1) : null;
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
