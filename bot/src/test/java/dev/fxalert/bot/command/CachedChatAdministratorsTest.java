package dev.fxalert.bot.command;

import dev.fxalert.core.port.ChatAdministrators;
import dev.fxalert.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedChatAdministratorsTest {

    private final MutableClock clock = MutableClock.at("2026-11-25T09:00:00Z");
    private final List<Long> asked = new ArrayList<>();
    private volatile Set<Long> admins = Set.of(1L);
    private volatile boolean failing;
    private final ChatAdministrators telegram = (chatId, userId) -> {
        asked.add(userId);
        if (failing) {
            throw new IllegalStateException("getChatMember failed");
        }
        return admins.contains(userId);
    };
    private final CachedChatAdministrators cached = new CachedChatAdministrators(telegram, clock, Duration.ofMinutes(1));

    @Test
    void answersFromMemoryWithinTheTtlThenAsksAgain() {
        assertThat(cached.isAdministrator(-5L, 1L)).isTrue();
        assertThat(cached.isAdministrator(-5L, 2L)).isFalse();
        admins = Set.of(2L); // 1 demoted, 2 promoted

        clock.advance(Duration.ofSeconds(59));
        assertThat(cached.isAdministrator(-5L, 1L)).isTrue();
        assertThat(cached.isAdministrator(-5L, 2L)).isFalse();
        assertThat(asked).containsExactly(1L, 2L);

        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.isAdministrator(-5L, 1L)).isFalse();
        assertThat(cached.isAdministrator(-5L, 2L)).isTrue();
        assertThat(asked).containsExactly(1L, 2L, 1L, 2L);
    }

    @Test
    void aFailureIsNotRemembered() {
        failing = true;
        assertThatThrownBy(() -> cached.isAdministrator(-5L, 1L)).isInstanceOf(IllegalStateException.class);

        failing = false;
        assertThat(cached.isAdministrator(-5L, 1L)).isTrue();
        assertThat(asked).containsExactly(1L, 1L);
    }

    @Test
    void eachGroupIsAskedAboutSeparately() {
        assertThat(cached.isAdministrator(-5L, 1L)).isTrue();
        assertThat(cached.isAdministrator(-6L, 1L)).isTrue();
        assertThat(asked).containsExactly(1L, 1L);
    }
}
