package dev.fxalert.evaluation.sim;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The Bot API's flood limits in virtual time, enforced strictly as Telegram does: at most 30 accepted messages in
 * any sliding second per bot, one per second to a chat, 20 in any sliding minute to a group (negative chat id).
 * Anything over gets a 429 whose {@code retry_after} is the whole seconds until the limit it hit frees up (at least
 * 1), as the real one answers. Counts what it accepted per (chat, text), so losses and duplicates show.
 */
final class VirtualTelegram implements Notifier {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int PER_BOT_PER_SECOND = 30;
    private static final int PER_GROUP_PER_MINUTE = 20;

    private final Clock clock;
    private final Deque<Instant> lastSecond = new ArrayDeque<>();
    private final Map<Long, Instant> lastToChat = new HashMap<>();
    private final Map<Long, Deque<Instant>> groupMinute = new HashMap<>();
    private final Map<String, Integer> acceptedByMessage = new HashMap<>();
    private final Map<Long, Instant> firstAcceptedByChat = new HashMap<>();
    private long accepted;
    private long tooManyRequests;
    private long botLimitHits;
    private long chatLimitHits;
    private long groupLimitHits;
    private Instant firstAccepted;
    private Instant lastAccepted;

    VirtualTelegram(Clock clock) {
        this.clock = clock;
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        Instant now = clock.instant();
        while (!lastSecond.isEmpty() && !lastSecond.peekFirst().plus(SECOND).isAfter(now)) {
            lastSecond.pollFirst();
        }
        if (lastSecond.size() >= PER_BOT_PER_SECOND) {
            botLimitHits++;
            return tooMany(lastSecond.peekFirst().plus(SECOND), now);
        }
        Instant last = lastToChat.get(message.chatId());
        if (last != null && last.plus(SECOND).isAfter(now)) {
            chatLimitHits++;
            return tooMany(last.plus(SECOND), now);
        }
        Deque<Instant> group = null;
        if (message.chatId() < 0) {
            group = groupMinute.computeIfAbsent(message.chatId(), c -> new ArrayDeque<>());
            while (!group.isEmpty() && !group.peekFirst().plus(MINUTE).isAfter(now)) {
                group.pollFirst();
            }
            if (group.size() >= PER_GROUP_PER_MINUTE) {
                groupLimitHits++;
                return tooMany(group.peekFirst().plus(MINUTE), now);
            }
            group.addLast(now);
        }
        lastSecond.addLast(now);
        lastToChat.put(message.chatId(), now);
        acceptedByMessage.merge(message.chatId() + "|" + message.text(), 1, Integer::sum);
        firstAcceptedByChat.putIfAbsent(message.chatId(), now);
        accepted++;
        if (firstAccepted == null) {
            firstAccepted = now;
        }
        lastAccepted = now;
        return DeliveryResult.delivered();
    }

    private DeliveryResult tooMany(Instant freeAt, Instant now) {
        tooManyRequests++;
        long millis = Duration.between(now, freeAt).toMillis();
        return new DeliveryResult.RetryAfter(Duration.ofSeconds(Math.max(1, (millis + 999) / 1000)));
    }

    long accepted() {
        return accepted;
    }

    long distinctAccepted() {
        return acceptedByMessage.size();
    }

    long duplicates() {
        return accepted - acceptedByMessage.size();
    }

    long tooManyRequests() {
        return tooManyRequests;
    }

    String limitHits() {
        return "bot " + botLimitHits + ", chat " + chatLimitHits + ", group " + groupLimitHits;
    }

    Instant firstAcceptedTo(long chatId) {
        return firstAcceptedByChat.get(chatId);
    }

    Instant firstAccepted() {
        return firstAccepted;
    }

    Instant lastAccepted() {
        return lastAccepted;
    }
}
