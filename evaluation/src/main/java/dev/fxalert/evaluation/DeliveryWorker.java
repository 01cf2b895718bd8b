package dev.fxalert.evaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The in-process delivery path (the local app): one daemon thread that drains the outbox whenever evaluation
 * recorded pushes ({@link #pushesRecorded}, which only sets a flag, so ingestion and evaluation never wait for
 * Telegram) and at least every {@code every} (pushes whose failed round moved them back, pushes left by a stop).
 * Each drain is a slice of at most {@code slice}, so a push that failed in one slice is tried again in a later one.
 */
public final class DeliveryWorker implements DeliveryTrigger, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** What the worker runs: {@link OutboxDelivery#drain(Instant)}. */
    @FunctionalInterface
    public interface Drain {
        DrainResult drain(Instant until) throws InterruptedException;
    }

    private final Drain drain;
    private final Clock clock;
    private final Duration every;
    private final Duration slice;
    private final Object lock = new Object();
    private final Thread thread;
    private boolean woken;
    private volatile boolean closed;

    public DeliveryWorker(Drain drain, Clock clock, Duration every, Duration slice) {
        this.drain = drain;
        this.clock = clock;
        this.every = every;
        this.slice = slice;
        this.thread = new Thread(this::run, "fx-delivery");
        thread.setDaemon(true);
    }

    /** Starts the thread; it drains once at once (whatever a previous run left pending). */
    public DeliveryWorker start() {
        thread.start();
        return this;
    }

    @Override
    public void pushesRecorded(String eventId, int count) {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    private void run() {
        while (!closed) {
            try {
                DrainResult result = drain.drain(clock.instant().plus(slice));
                if (result.moreLeft()) {
                    continue;
                }
                synchronized (lock) {
                    if (!woken && !closed) {
                        lock.wait(Math.max(1, every.toMillis()));
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // One failed drain must not end delivery; what is pending stays pending for the next one.
                log.warn("outbox drain failed: {}", e.toString());
                synchronized (lock) {
                    try {
                        lock.wait(Math.max(1, Math.min(every.toMillis(), 5_000)));
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    /** Stops the thread: a drain in progress waits for its rounds in flight (the sender's shutdown bounds them). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
