package dev.fxalert.core.testing;

import dev.fxalert.core.retry.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one manual clock of every module's tests (shared through core's test-jar): it moves only when a test
 * {@linkplain #advance advances} or {@linkplain #set sets} it, or when the code under test sleeps through its
 * {@link #sleeper()}, which moves it instead of sleeping. Deterministic and instant; safe to read from sender threads.
 * Its zone is UTC; {@link #withZone} gives a view in another zone that follows this clock (a provider asking for
 * "today in Seoul" sees the date move when the test moves time).
 */
public final class MutableClock extends Clock {

    private Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public MutableClock(Instant start) {
        this.now = start;
    }

    public static MutableClock at(String instant) {
        return new MutableClock(Instant.parse(instant));
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    /** A sleeper that records each sleep and moves this clock by it. */
    public Sleeper sleeper() {
        return duration -> {
            synchronized (this) {
                sleeps.add(duration);
                now = now.plus(duration);
            }
        };
    }

    /** Every sleep taken through {@link #sleeper()}, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new Zoned(this, zone);
    }

    private static final class Zoned extends Clock {
        private final MutableClock clock;
        private final ZoneId zone;

        Zoned(MutableClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}
