package dev.fxalert.evaluation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.evaluation.support.TelegramResponses;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A Bot API that enforces Telegram's real limits strictly: more than 30 accepted messages in any sliding second,
 * or two messages to one chat less than a second apart, get a 429 with retry_after 1 (as Telegram does). Counts
 * what it accepted per push text, so duplicates show.
 */
final class FakeTelegramLimits extends Dispatcher {

    private static final long SECOND = 1_000_000_000L;

    private final ObjectMapper mapper = new ObjectMapper();
    private final int globalPerSecond;
    private final Deque<Long> acceptedInLastSecond = new ArrayDeque<>();
    private final Map<Long, Long> lastAcceptedByChat = new HashMap<>();
    private final Map<String, Integer> acceptedByText = new HashMap<>();
    private final Map<String, Long> firstAcceptedAt = new HashMap<>();
    private long tooManyRequests;
    private long firstAccepted = -1;
    private long lastAccepted;
    private int messageIds;

    FakeTelegramLimits(int globalPerSecond) {
        this.globalPerSecond = globalPerSecond;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        long now = System.nanoTime();
        JsonNode body;
        try {
            body = mapper.readTree(request.getUtf8Body());
        } catch (IOException e) {
            return TelegramResponses.badRequest("can't parse request JSON");
        }
        long chatId = body.path("chat_id").asLong();
        while (!acceptedInLastSecond.isEmpty() && now - acceptedInLastSecond.peekFirst() >= SECOND) {
            acceptedInLastSecond.pollFirst();
        }
        Long lastToChat = lastAcceptedByChat.get(chatId);
        if (acceptedInLastSecond.size() >= globalPerSecond || lastToChat != null && now - lastToChat < SECOND) {
            tooManyRequests++;
            return TelegramResponses.tooManyRequests(1);
        }
        acceptedInLastSecond.addLast(now);
        lastAcceptedByChat.put(chatId, now);
        acceptedByText.merge(body.path("text").asText(), 1, Integer::sum);
        firstAcceptedAt.putIfAbsent(body.path("text").asText(), now);
        if (firstAccepted < 0) {
            firstAccepted = now;
        }
        lastAccepted = now;
        return TelegramResponses.sent(chatId, ++messageIds);
    }

    synchronized long tooManyRequests() {
        return tooManyRequests;
    }

    synchronized int accepted(String text) {
        return acceptedByText.getOrDefault(text, 0);
    }

    synchronized long duplicates() {
        return acceptedByText.values().stream().mapToLong(count -> count - 1).sum();
    }

    synchronized long acceptedTotal() {
        return acceptedByText.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** System.nanoTime() when a message with this text was first accepted, or -1. */
    synchronized long acceptedAt(String text) {
        return firstAcceptedAt.getOrDefault(text, -1L);
    }

    /** System.nanoTime() when a message containing {@code fragment} was first accepted, or -1. */
    synchronized long acceptedAtContaining(String fragment) {
        return firstAcceptedAt.entrySet().stream().filter(e -> e.getKey().contains(fragment))
                .mapToLong(Map.Entry::getValue).min().orElse(-1L);
    }

    /** System.nanoTime() of the first message accepted at or after {@code since}, or -1. */
    synchronized long firstAcceptedSince(long since) {
        return firstAcceptedAt.values().stream().mapToLong(Long::longValue).filter(t -> t >= since).min().orElse(-1L);
    }

    /** System.nanoTime() of the first and the last accepted message (-1 before the first). */
    synchronized long firstAcceptedNanos() {
        return firstAccepted;
    }

    synchronized long lastAcceptedNanos() {
        return lastAccepted;
    }

    /** Seconds from the first to the last accepted message. */
    synchronized double acceptingSeconds() {
        return (lastAccepted - firstAccepted) / 1e9;
    }
}
