package dev.fxalert.evaluation.sim;

import dev.fxalert.core.retry.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Virtual time for the delivery simulation: a clock that only moves when the code under test sleeps (its
 * {@link #sleeper()}) or the driver {@linkplain #advanceTo advances} it, plus actions scheduled at virtual instants
 * (a rate event being evaluated), run on the sleeping thread when time passes them. One thread, no wall clock:
 * every run of a scenario gives the same numbers.
 */
final class VirtualTime extends Clock {

    private record Scheduled(Instant at, long sequence, Runnable action) {
    }

    private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>((a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : Long.compare(a.sequence(), b.sequence());
    });
    private long sequence;
    private Instant now;

    VirtualTime(Instant start) {
        this.now = start;
    }

    void schedule(Instant at, Runnable action) {
        scheduled.add(new Scheduled(at, sequence++, action));
    }

    boolean hasScheduled() {
        return !scheduled.isEmpty();
    }

    Instant nextScheduled() {
        return scheduled.isEmpty() ? null : scheduled.peek().at();
    }

    /** Moves time to {@code target}, running every action scheduled up to it at its own instant. */
    void advanceTo(Instant target) {
        while (!scheduled.isEmpty() && !scheduled.peek().at().isAfter(target)) {
            Scheduled next = scheduled.poll();
            if (next.at().isAfter(now)) {
                now = next.at();
            }
            next.action().run();
        }
        if (target.isAfter(now)) {
            now = target;
        }
    }

    Sleeper sleeper() {
        return duration -> advanceTo(now.plus(duration.isNegative() ? Duration.ZERO : duration));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
