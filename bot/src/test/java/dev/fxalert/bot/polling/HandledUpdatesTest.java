package dev.fxalert.bot.polling;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HandledUpdatesTest {

    private final HandledUpdates updates = new HandledUpdates();

    @Test
    void nothingTakenNothingToAcknowledge() {
        assertThat(updates.handledUpTo()).isZero();
    }

    @Test
    void anUpdateInFlightHoldsBackLaterOnesThatFinished() {
        updates.taken(7);
        updates.taken(8);
        updates.taken(9);
        updates.handled(8);
        updates.handled(9);

        assertThat(updates.handledUpTo()).isEqualTo(6);

        updates.handled(7);
        assertThat(updates.handledUpTo()).isEqualTo(9);
    }

    @Test
    void waitingForNothingInFlightReturnsAtOnce() throws InterruptedException {
        updates.taken(3);
        updates.handled(3);

        assertThat(updates.awaitHandled(Duration.ofDays(1))).isEqualTo(3);
    }
}
