package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.retry.Sleeper;
import dev.fxalert.core.port.EvaluationAlerts;
import dev.fxalert.core.port.ChatChanges;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends pushes through any {@link Notifier} within Telegram's limits and settles each one in the store:
 * <ul>
 *   <li>at most {@link PacingConfig#maxPerSecond()} overall and one per {@link PacingConfig#perChatInterval()} to a
 *       chat, across all concurrent callers; the rest waits in a queue;</li>
 *   <li>429 (RetryAfter): the whole bot waits that long (Telegram's flood limit is per bot), then the same push
 *       is sent again;</li>
 *   <li>recipient gone: the user is deactivated, their alerts paused, the push closed; no retries;</li>
 *   <li>rejected (a permanent 400): the push is dead-lettered with Telegram's reason; no retries;</li>
 *   <li>chat migrated (group upgraded): sent once more, to the new chat id; a second migration dead-letters it;</li>
 *   <li>outcome unknown (no answer after the request was written): never sent again, since Telegram may have
 *       shown it; dead-lettered with the outcome-unknown mark;</li>
 *   <li>other failures (5xx, not sent): retried with exponential backoff; when the round gives up the push stays
 *       pending, counted and due again later ({@link PacingConfig#delayAfterRounds}), and after
 *       {@link PacingConfig#maxRounds()} failed rounds it is dead-lettered;</li>
 *   <li>delivered: the pending push is cleared right away, so a crash later in a long fan-out repeats nothing.</li>
 * </ul>
 * {@link #close()} stops dispatching: requests in flight finish and are settled, queued pushes stay pending.
 */
public final class PacedSender implements PushSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PacedSender.class);

    private final Notifier notifier;
    private final EvaluationAlerts alerts;
    private final UserStore users;
    private final DeliveryObserver observer;
    private final PacingConfig config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ExecutorService executor;
    private final SendLimiter limiter;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();

    public PacedSender(Notifier notifier, EvaluationAlerts alerts, UserStore users, DeliveryObserver observer,
                       PacingConfig config, Clock clock, Sleeper sleeper, ExecutorService executor) {
        this.notifier = notifier;
        this.alerts = alerts;
        this.users = users;
        this.observer = observer;
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.executor = executor;
        this.limiter = new SendLimiter(config.globalInterval(), config.perChatInterval());
    }

    /** Production wiring: real time, a pool of {@link PacingConfig#maxInFlight()} daemon threads. */
    public static PacedSender create(Notifier notifier, EvaluationAlerts alerts, UserStore users, DeliveryObserver observer,
                                     PacingConfig config, Clock clock) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(config.maxInFlight(), task -> {
            Thread thread = new Thread(task, "push-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new PacedSender(notifier, alerts, users, observer, config, clock, Sleeper.system(), pool);
    }

    @Override
    public List<PushOutcome> send(List<Push> pushes) {
        return new Round(pushes).run();
    }

    /**
     * Sends one message that belongs to no alert (an operator's broadcast) through the same limiter as pushes,
     * so broadcasts, replies and pushes together stay within Telegram's limits. Blocks; waits out 429s (at most
     * {@link PacingConfig#maxRateLimitWaits()} times; they pause every sender) and retries failures that certainly
     * did not reach Telegram with the same backoff as pushes. Never repeats an unknown outcome or a permanent
     * refusal. Deactivating a gone recipient is left to the caller, which knows the user.
     */
    public DeliveryResult sendOne(OutgoingMessage message) throws InterruptedException {
        return sendOne(message, true);
    }

    /**
     * {@link #sendOne(OutgoingMessage)}; {@code first} puts the message ahead of every push (a reply: a person is
     * waiting for it), otherwise it takes its turn with them (a broadcast, which must not starve pushes).
     */
    private DeliveryResult sendOne(OutgoingMessage message, boolean first) throws InterruptedException {
        int failures = 0;
        int rateLimitWaits = 0;
        while (true) {
            if (closing.get()) {
                return new DeliveryResult.Failed("sender shutting down");
            }
            if (!acquire(message.chatId(), first)) {
                return new DeliveryResult.Failed("sender shutting down");
            }
            DeliveryResult result;
            try {
                result = notifier.send(message);
            } catch (RuntimeException e) {
                result = new DeliveryResult.OutcomeUnknown("notifier threw " + e);
            }
            if (result instanceof DeliveryResult.RetryAfter retry) {
                limiter.pauseAll(clock.instant().plus(retry.retryAfter()));
            }
            if (result instanceof DeliveryResult.RetryAfter && ++rateLimitWaits <= config.maxRateLimitWaits()) {
                continue;
            } else if (result instanceof DeliveryResult.Failed && ++failures < config.maxAttempts()) {
                sleeper.sleep(config.backoffAfter(failures));
            } else {
                return result;
            }
        }
    }

    /**
     * Waits for a slot ahead of every push (replies first, see {@link SendLimiter#tryAcquireFirst}); false when
     * the sender is closing.
     */
    private boolean acquire(long chatId, boolean first) throws InterruptedException {
        if (first) {
            limiter.replyWaiting(chatId, 1);
        }
        try {
            while (true) {
                if (closing.get()) {
                    return false;
                }
                Instant retryAt = first ? limiter.tryAcquireFirst(chatId, clock.instant())
                        : limiter.tryAcquire(chatId, clock.instant());
                if (retryAt == null) {
                    return true;
                }
                Duration wait = Duration.between(clock.instant(), retryAt);
                sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
            }
        } finally {
            if (first) {
                limiter.replyWaiting(chatId, -1);
            }
        }
    }

    /**
     * This sender's budget as a {@link Notifier}: bot replies and broadcasts sent through it take their slots from
     * the same limiter as pushes ({@link #sendOne}), so all the bot's messages together respect Telegram's global
     * and per-chat limits, and a 429 any of them gets pauses all of them.
     */
    public Notifier sharedBudget() {
        return budget(true);
    }

    /**
     * The same budget for an operator's broadcast: its messages take their turn with the pushes instead of going
     * first, so a broadcast to every user does not hold alert pushes back until it is done.
     */
    public Notifier broadcastBudget() {
        return budget(false);
    }

    private Notifier budget(boolean first) {
        return message -> {
            try {
                return sendOne(message, first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new DeliveryResult.Failed("interrupted before sending");
            }
        };
    }

    /** Stops dispatching; lets requests in flight finish (up to the shutdown grace). Queued pushes stay pending. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("push requests still running after {}; their pushes stay pending", config.shutdownGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One caller's batch: a priority queue of attempts by earliest send time, and the completions of its requests. */
    private final class Round {
        private final PriorityQueue<Attempt> queue = new PriorityQueue<>(
                Comparator.comparing((Attempt a) -> a.notBefore).thenComparingLong(a -> a.sequence));
        private final LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
        private final List<PushOutcome> outcomes = new ArrayList<>();
        private final Set<Long> goneChats = new HashSet<>();
        private final Set<Attempt> flying = new HashSet<>();
        private int inFlight;

        Round(List<Push> pushes) {
            Instant now = clock.instant();
            long sequence = 0;
            for (Push push : pushes) {
                if (inProgress.add(push.key())) {
                    queue.add(new Attempt(push, sequence++, now));
                } else {
                    outcomes.add(new PushOutcome(push, PushOutcome.Status.ALREADY_IN_PROGRESS, 0,
                            "another sender in this process is delivering it"));
                }
            }
        }

        List<PushOutcome> run() {
            try {
                while (!queue.isEmpty() || inFlight > 0) {
                    step();
                }
            } catch (InterruptedException e) {
                awaitInFlightQuietly();
                leaveQueuedPending("interrupted");
                abandonInFlight();
                Thread.currentThread().interrupt();
            }
            return outcomes;
        }

        private void step() throws InterruptedException {
            drain(completions.poll());
            if (closing.get()) {
                leaveQueuedPending("sender shutting down");
                if (inFlight > 0) {
                    drain(completions.take());
                }
                return;
            }
            Attempt head = queue.peek();
            if (head == null) {
                if (inFlight > 0) {
                    drain(completions.take());
                }
                return;
            }
            if (goneChats.contains(head.push.chatId())) {
                queue.poll();
                closeForGoneRecipient(head, "an earlier push to this chat found it gone");
                return;
            }
            Instant now = clock.instant();
            if (head.notBefore.isAfter(now)) {
                waitFor(Duration.between(now, head.notBefore));
                return;
            }
            if (inFlight >= config.maxInFlight()) {
                drain(completions.take());
                return;
            }
            Instant retryAt = limiter.tryAcquire(head.message.chatId(), now);
            queue.poll();
            if (retryAt != null) {
                head.notBefore = retryAt;
                queue.add(head);
            } else {
                dispatch(head);
            }
        }

        /** Sleeps until the next slot, or less when a request in flight completes first. */
        private void waitFor(Duration duration) throws InterruptedException {
            if (inFlight > 0) {
                drain(completions.poll(Math.max(1, duration.toNanos()), TimeUnit.NANOSECONDS));
            } else {
                sleeper.sleep(duration);
            }
        }

        private void dispatch(Attempt attempt) {
            attempt.attempts++;
            inFlight++;
            flying.add(attempt);
            try {
                executor.execute(() -> {
                    DeliveryResult result;
                    try {
                        result = notifier.send(attempt.message);
                    } catch (RuntimeException e) {
                        // It may have thrown after the request left: as unknown as a timeout.
                        result = new DeliveryResult.OutcomeUnknown("notifier threw " + e);
                    }
                    // Timed at the answer: push lag ends when Telegram accepted the message, not when we asked.
                    completions.add(new Completion(attempt, result, clock.instant()));
                });
            } catch (RejectedExecutionException e) {
                inFlight--;
                flying.remove(attempt);
                finish(attempt, PushOutcome.Status.LEFT_PENDING, "sender shutting down");
            }
        }

        private void drain(Completion completion) {
            while (completion != null) {
                inFlight--;
                flying.remove(completion.attempt);
                settle(completion);
                completion = completions.poll();
            }
        }

        private void settle(Completion completion) {
            Attempt attempt = completion.attempt;
            Push push = attempt.push;
            DeliveryResult result = completion.result;
            notifyObserver(new DeliveryReport(push, result, attempt.attempts, completion.answeredAt));
            Instant now = clock.instant();
            if (result instanceof DeliveryResult.Delivered) {
                clearPending(push);
                finish(attempt, PushOutcome.Status.DELIVERED, "");
            } else if (result instanceof DeliveryResult.RetryAfter retry) {
                attempt.rateLimitWaits++;
                limiter.pauseAll(now.plus(retry.retryAfter()));
                if (attempt.rateLimitWaits > config.maxRateLimitWaits()) {
                    finish(attempt, PushOutcome.Status.LEFT_PENDING,
                            "still rate limited after " + config.maxRateLimitWaits() + " waits");
                } else {
                    requeue(attempt, now.plus(retry.retryAfter()));
                }
            } else if (result instanceof DeliveryResult.RecipientGone gone) {
                goneChats.add(push.chatId());
                deactivateOwner(push, gone.reason());
                closeForGoneRecipient(attempt, gone.reason());
            } else if (result instanceof DeliveryResult.Rejected rejected) {
                deadLetter(attempt, PushOutcome.Status.DEAD_LETTERED, rejected.reason(), false);
            } else if (result instanceof DeliveryResult.OutcomeUnknown unknown) {
                // Telegram may have shown it: sending again could be a duplicate, so it is never sent again.
                deadLetter(attempt, PushOutcome.Status.OUTCOME_UNKNOWN, "outcome unknown: " + unknown.reason(), true);
            } else if (result instanceof DeliveryResult.ChatMigrated migrated) {
                if (attempt.migrated) {
                    deadLetter(attempt, PushOutcome.Status.DEAD_LETTERED,
                            "chat migrated again, to " + migrated.newChatId(), false);
                } else {
                    log.info("chat {} of user {} became supergroup {}; sending there", attempt.message.chatId(),
                            push.userId(), migrated.newChatId());
                    moveChat(push, migrated.newChatId());
                    attempt.migrated = true;
                    attempt.message = new OutgoingMessage(migrated.newChatId(), attempt.message.text(),
                            attempt.message.buttons(), attempt.message.photo()); // a chart stays a chart
                    requeue(attempt, now);
                }
            } else {
                String reason = result instanceof DeliveryResult.Failed failed ? failed.reason() : String.valueOf(result);
                attempt.failures++;
                if (attempt.failures >= config.maxAttempts()) {
                    endFailedRound(attempt, reason, now);
                } else {
                    requeue(attempt, now.plus(config.backoffAfter(attempt.failures)));
                }
            }
        }

        /** Counts the failed round in the outbox; dead-letters the push when it was the last allowed one. */
        private void endFailedRound(Attempt attempt, String reason, Instant now) {
            Push push = attempt.push;
            int rounds = push.attempts() + 1;
            if (rounds >= config.maxRounds()) {
                deadLetter(attempt, PushOutcome.Status.DEAD_LETTERED,
                        "failed in " + rounds + " rounds, last: " + reason, false);
                return;
            }
            log.warn("push {} for alert {} failed {} times in round {}, left pending: {}", push.eventId(),
                    push.alertId(), attempt.failures, rounds, reason);
            for (Push.Entry entry : push.entries()) { // a quiet-hours summary settles every push it carries
                try {
                    alerts.recordPushFailure(entry.alertId(), entry.eventId(), now.plus(config.delayAfterRounds(rounds)));
                } catch (RuntimeException e) {
                    log.error("could not record the failed round of push {} for alert {}", entry.eventId(),
                            entry.alertId(), e);
                }
            }
            finish(attempt, PushOutcome.Status.LEFT_PENDING, reason);
        }

        private void deadLetter(Attempt attempt, PushOutcome.Status status, String reason, boolean outcomeUnknown) {
            Push push = attempt.push;
            log.warn("push {} for alert {} given up: {}", push.eventId(), push.alertId(), reason);
            for (Push.Entry entry : push.entries()) {
                try {
                    alerts.deadLetterPush(entry.alertId(), entry.eventId(), reason, outcomeUnknown);
                } catch (RuntimeException e) {
                    log.error("could not dead-letter push {} for alert {}; it stays pending", entry.eventId(),
                            entry.alertId(), e);
                }
            }
            finish(attempt, status, reason);
        }

        private void requeue(Attempt attempt, Instant notBefore) {
            attempt.notBefore = notBefore;
            queue.add(attempt);
        }

        private void deactivateOwner(Push push, String reason) {
            try {
                int paused = ChatChanges.chatGone(users, alerts, push.userId());
                log.info("chat of user {} is gone ({}); deactivated, {} alerts paused", push.userId(), reason, paused);
            } catch (RuntimeException e) {
                log.error("could not deactivate user {} whose chat is gone", push.userId(), e);
            }
        }

        /** The user and their alerts follow the group to its supergroup, so later pushes go there directly. */
        private void moveChat(Push push, long newChatId) {
            try {
                if (!ChatChanges.moveChat(users, alerts, push.userId(), newChatId)) {
                    log.warn("could not move user {} to chat {} (another user has it)", push.userId(), newChatId);
                }
            } catch (RuntimeException e) {
                log.error("could not move user {} to chat {}", push.userId(), newChatId, e);
            }
        }

        /** Nobody can receive it any more; closing the pending push stops the sweep from retrying forever. */
        private void closeForGoneRecipient(Attempt attempt, String reason) {
            clearPending(attempt.push);
            finish(attempt, PushOutcome.Status.RECIPIENT_GONE, reason);
        }

        private void clearPending(Push push) {
            for (Push.Entry entry : push.entries()) {
                try {
                    alerts.markPushDelivered(entry.alertId(), entry.eventId());
                } catch (RuntimeException e) {
                    // Telegram has the message but the store does not know: the one documented duplicate window.
                    log.error("push {} for alert {} was sent but could not be marked; a sweep may send it again",
                            entry.eventId(), entry.alertId(), e);
                }
            }
        }

        private void notifyObserver(DeliveryReport report) {
            try {
                observer.onAttempt(report);
            } catch (RuntimeException e) {
                log.warn("delivery observer failed", e);
            }
        }

        private void leaveQueuedPending(String reason) {
            Attempt attempt;
            while ((attempt = queue.poll()) != null) {
                finish(attempt, PushOutcome.Status.LEFT_PENDING, reason);
            }
        }

        /** After an interrupt: settle what is already in flight, waiting at most the shutdown grace per request. */
        private void awaitInFlightQuietly() {
            try {
                while (inFlight > 0) {
                    Completion completion = completions.poll(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
                    if (completion == null) {
                        return;
                    }
                    drain(completion);
                }
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }

        /** Requests that never answered in time: their pushes stay pending in the store for a later sweep. */
        private void abandonInFlight() {
            for (Attempt attempt : List.copyOf(flying)) {
                finish(attempt, PushOutcome.Status.LEFT_PENDING, "no answer before the sender stopped");
            }
            flying.clear();
        }

        private void finish(Attempt attempt, PushOutcome.Status status, String detail) {
            inProgress.remove(attempt.push.key());
            outcomes.add(new PushOutcome(attempt.push, status, attempt.attempts, detail));
        }
    }

    private static final class Attempt {
        final Push push;
        final long sequence;
        /** The push's message, or the same text to the supergroup its group became. */
        OutgoingMessage message;
        boolean migrated;
        Instant notBefore;
        int attempts;
        int failures;
        int rateLimitWaits;

        Attempt(Push push, long sequence, Instant notBefore) {
            this.push = push;
            this.sequence = sequence;
            this.message = push.message();
            this.notBefore = notBefore;
        }
    }

    private record Completion(Attempt attempt, DeliveryResult result, Instant answeredAt) {
    }
}
