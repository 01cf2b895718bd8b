package dev.fxalert.bot.command;

import dev.fxalert.core.port.ChatAdministrators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each answer of another {@link ChatAdministrators} briefly, so a group's admin pressing five buttons
 * costs one getChatMember rather than five, while a demoted admin loses the right within {@code ttl}. Failures
 * are not remembered. Thread-safe; time from the injected clock.
 */
public final class CachedChatAdministrators implements ChatAdministrators {

    /** Long enough for a burst of presses, short enough that a change of admins is soon honoured. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(1);
    /** Past this many remembered answers, the expired ones are dropped before adding another. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Key(long chatId, long userId) {
    }

    private record Answer(boolean administrator, Instant expires) {
    }

    private final ChatAdministrators delegate;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

    public CachedChatAdministrators(ChatAdministrators delegate, Clock clock, Duration ttl) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public boolean isAdministrator(long chatId, long userId) {
        Key key = new Key(chatId, userId);
        Instant now = clock.instant();
        Answer known = answers.get(key);
        if (known != null && now.isBefore(known.expires())) {
            return known.administrator();
        }
        boolean administrator = delegate.isAdministrator(chatId, userId);
        if (answers.size() > PRUNE_ABOVE) {
            answers.values().removeIf(answer -> !now.isBefore(answer.expires()));
        }
        answers.put(key, new Answer(administrator, now.plus(ttl)));
        return administrator;
    }
}
