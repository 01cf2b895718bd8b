package dev.fxalert.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The Telegram Bot API as the app meets it, on loopback, in its real JSON formats.
 *
 * <p>{@code getUpdates} is real long polling: updates stay until a later call's {@code offset} confirms them
 * (so an update the bot fetched but did not confirm is delivered again after a restart, as Telegram does), and
 * the call is held until an update arrives or its {@code timeout} (capped at 2 s) ends.
 *
 * <p>{@code sendMessage} records every attempt with its arrival time and what became of it. A message the fake
 * <em>delivered</em> is one the user saw: a 200, but also a slow 200 the client gave up on and a request whose
 * connection was dropped before the answer (the outcome the client cannot know). Faults: a rule per attempt
 * ({@link #onSend}), a bot-wide 429 storm ({@link #storm}) and enforcement of Telegram's limits
 * ({@link #enforceLimits}: more than 30 deliveries in a second, or two to one chat within a second, answer 429).
 */
final class FakeTelegram implements AutoCloseable {

    static final String TOKEN = "123456:FAULT-token";
    static final long BOT_ID = 123456L;
    private static final long MAX_HOLD_MS = 2_000;
    static final int GLOBAL_PER_SECOND = 30;

    /** What the fake does with one sendMessage attempt. */
    sealed interface Fault {
        /** Deliver, but answer only after this delay (longer than the client waits). */
        record Slow(long millis) implements Fault {
        }

        /** Deliver, then close the connection before answering. */
        record Drop() implements Fault {
        }

        /** Do not deliver; answer with this Bot API error. */
        record Error(int code, String description, String parameters) implements Fault {
        }
    }

    /** Decides a fault for an attempt: the chat, the text, how many attempts of this text to this chat got past the storm and limits before. */
    interface SendRule {
        Fault decide(long chatId, String text, int previousAttempts);
    }

    enum Outcome { DELIVERED, DELIVERED_SLOW, DELIVERED_DROPPED, REJECTED }

    record Send(long atMillis, long chatId, String text, Outcome outcome, int status) {
        boolean delivered() {
            return outcome != Outcome.REJECTED;
        }

        boolean isPush() {
            return text.startsWith("🔔");
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final Object updatesLock = new Object();
    private final Object closing = new Object();
    private final List<Update> updates = new ArrayList<>();
    private long confirmedBelow;
    private int nextUpdateId = 5000;
    private final List<Send> sends = new ArrayList<>();
    private final Map<String, AtomicInteger> attemptsByMessage = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private volatile SendRule rule = (chat, text, previous) -> null;
    private volatile long armedStormMillis;
    private volatile long stormUntilMillis;
    private volatile int stormRetryAfter;
    private volatile boolean enforceLimits;
    private volatile boolean closed;

    private record Update(long id, String json) {
    }

    FakeTelegram() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        try {
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    void onSend(SendRule rule) {
        this.rule = rule;
    }

    /** From now for this long, every sendMessage answers 429 with this retry_after (Telegram's flood limit is per bot). */
    void storm(long millis, int retryAfterSeconds) {
        stormRetryAfter = retryAfterSeconds;
        stormUntilMillis = System.currentTimeMillis() + millis;
    }

    /** The first push attempt from now on starts a {@link #storm}. */
    void stormAtFirstPush(long millis, int retryAfterSeconds) {
        stormRetryAfter = retryAfterSeconds;
        armedStormMillis = millis;
    }

    long stormUntilMillis() {
        return stormUntilMillis;
    }

    void enforceLimits(boolean enforce) {
        this.enforceLimits = enforce;
    }

    /** Queues a text message from a private chat (chat id = user id), as a person typing it would produce. */
    void userSends(long chatId, String text) {
        synchronized (updatesLock) {
            long id = ++nextUpdateId;
            updates.add(new Update(id, messageUpdate(id, chatId, "User" + chatId, text)));
            updatesLock.notifyAll();
        }
    }

    /** Updates the bot has not confirmed yet (by asking for a later offset). */
    int unconfirmedUpdates() {
        synchronized (updatesLock) {
            return (int) updates.stream().filter(u -> u.id() >= confirmedBelow).count();
        }
    }

    List<Send> sends() {
        synchronized (sends) {
            return List.copyOf(sends);
        }
    }

    List<Send> delivered(Predicate<Send> filter) {
        return sends().stream().filter(Send::delivered).filter(filter).toList();
    }

    long lastSendMillis() {
        synchronized (sends) {
            return sends.isEmpty() ? 0 : sends.get(sends.size() - 1).atMillis();
        }
    }

    /** The most sendMessage requests that arrived within any one second (sliding window), however answered. */
    static int maxPerSecond(List<Send> sends) {
        List<Long> times = sends.stream().map(Send::atMillis).sorted().toList();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= 1_000) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String path = request.getPath() == null ? "" : request.getPath();
        String prefix = "/bot" + TOKEN + "/";
        if (!path.startsWith(prefix)) {
            return error(401, "Unauthorized", null);
        }
        String method = path.substring(prefix.length());
        int query = method.indexOf('?');
        if (query >= 0) {
            method = method.substring(0, query);
        }
        JsonNode body = readBody(request);
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "getupdates" -> ok("[" + String.join(",", takeUpdates(body)) + "]");
            case "sendmessage" -> send(body);
            case "getme" -> ok("{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":\"FX Alert\",\"username\":\"FxAlertBot\"}");
            default -> ok("true"); // answerCallbackQuery, setMyCommands, deleteWebhook, ...
        };
    }

    private List<String> takeUpdates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, body.path("limit").asInt(100)));
        long hold = Math.min(MAX_HOLD_MS, body.path("timeout").asLong(0) * 1_000);
        long deadline = System.currentTimeMillis() + hold;
        synchronized (updatesLock) {
            if (offset > confirmedBelow) {
                confirmedBelow = offset; // Telegram forgets every update below the offset asked for
            }
            while (true) {
                List<String> batch = updates.stream().filter(u -> u.id() >= confirmedBelow).limit(limit)
                        .map(Update::json).toList();
                long left = deadline - System.currentTimeMillis();
                if (!batch.isEmpty() || left <= 0 || closed) {
                    return batch;
                }
                updatesLock.wait(left);
            }
        }
    }

    private MockResponse send(JsonNode body) throws InterruptedException {
        long chatId = body.path("chat_id").asLong();
        String text = body.path("text").asText("");
        long now = System.currentTimeMillis();
        long slowFor;
        MockResponse answer;
        synchronized (sends) {
            if (armedStormMillis > 0 && text.startsWith("🔔")) {
                stormUntilMillis = now + armedStormMillis;
                armedStormMillis = 0;
            }
            if (now < stormUntilMillis) {
                return reject(now, chatId, text, 429, "Too Many Requests: retry after " + stormRetryAfter,
                        "{\"retry_after\":" + stormRetryAfter + "}");
            }
            if (enforceLimits && overLimit(now, chatId)) {
                return reject(now, chatId, text, 429, "Too Many Requests: retry after 1", "{\"retry_after\":1}");
            }
            // Attempts the storm or the limits turned away do not count: the rule sees the ones that got through.
            int previous = attemptsByMessage.computeIfAbsent(chatId + "\n" + text, c -> new AtomicInteger()).getAndIncrement();
            Fault fault = rule.decide(chatId, text, previous);
            if (fault instanceof Fault.Error e) {
                return reject(now, chatId, text, e.code(), e.description(), e.parameters());
            }
            Outcome outcome = fault instanceof Fault.Slow ? Outcome.DELIVERED_SLOW
                    : fault instanceof Fault.Drop ? Outcome.DELIVERED_DROPPED : Outcome.DELIVERED;
            sends.add(new Send(now, chatId, text, outcome, 200));
            MockResponse response = ok("{\"message_id\":" + messageIds.incrementAndGet() + ",\"from\":{\"id\":" + BOT_ID
                    + ",\"is_bot\":true,\"first_name\":\"FX Alert\",\"username\":\"FxAlertBot\"},\"chat\":{\"id\":"
                    + chatId + ",\"type\":\"private\"},\"date\":" + now / 1000 + ",\"text\":" + quote(text) + "}");
            if (fault instanceof Fault.Drop) {
                response.setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            }
            slowFor = fault instanceof Fault.Slow slow ? slow.millis() : 0;
            answer = response;
        }
        // Outside the lock: this connection's thread holds the answer back, the others go on; closing ends the wait.
        long end = now + slowFor;
        synchronized (closing) {
            for (long left = end - System.currentTimeMillis(); left > 0 && !closed; left = end - System.currentTimeMillis()) {
                closing.wait(left);
            }
        }
        return answer;
    }

    /** Telegram's limits: about 30 messages a second per bot, about one a second per chat. */
    private boolean overLimit(long now, long chatId) {
        int inLastSecond = 0;
        for (int i = sends.size() - 1; i >= 0 && now - sends.get(i).atMillis() < 1_000; i--) {
            Send send = sends.get(i);
            if (send.delivered()) {
                inLastSecond++;
                if (send.chatId() == chatId) {
                    return true;
                }
            }
        }
        return inLastSecond >= GLOBAL_PER_SECOND;
    }

    private MockResponse reject(long now, long chatId, String text, int code, String description, String parameters) {
        sends.add(new Send(now, chatId, text, Outcome.REJECTED, code));
        return error(code, description, parameters);
    }

    private JsonNode readBody(RecordedRequest request) {
        try {
            String text = request.getBody().readUtf8();
            if (text.isEmpty()) {
                return json.createObjectNode();
            }
            if (text.startsWith("{")) {
                return json.readTree(text);
            }
            // application/x-www-form-urlencoded
            var node = json.createObjectNode();
            for (String pair : text.split("&")) {
                String[] kv = pair.split("=", 2);
                node.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                        kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
            return node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    static String messageUpdate(long updateId, long chatId, String firstName, String text) {
        String command = text.startsWith("/") ? text.split("\\s", 2)[0] : null;
        String entities = command == null ? "" : ",\"entities\":[{\"offset\":0,\"length\":" + command.length()
                + ",\"type\":\"bot_command\"}]";
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId * 10)
                + ",\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"" + firstName
                + "\",\"language_code\":\"en\"},\"chat\":{\"id\":" + chatId + ",\"first_name\":\"" + firstName
                + "\",\"type\":\"private\"},\"date\":" + System.currentTimeMillis() / 1000 + ",\"text\":"
                + quote(text) + entities + "}}";
    }

    private static MockResponse ok(String result) {
        return new MockResponse().addHeader("Content-Type", "application/json")
                .setBody("{\"ok\":true,\"result\":" + result + "}");
    }

    private static MockResponse error(int code, String description, String parameters) {
        return new MockResponse().setResponseCode(code).addHeader("Content-Type", "application/json")
                .setBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":" + quote(description)
                        + (parameters == null ? "" : ",\"parameters\":" + parameters) + "}");
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
        closed = true;
        synchronized (updatesLock) {
            updatesLock.notifyAll();
        }
        synchronized (closing) {
            closing.notifyAll();
        }
        server.shutdown();
    }
}
