package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.port.EvaluationAlerts;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.delivery.PacingConfig;
import dev.fxalert.evaluation.delivery.PushSender;
import dev.fxalert.evaluation.message.PushMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a rate event into pushes, exactly once per alert firing:
 * <ol>
 *   <li>reads only the alerts the rate crosses or re-arms (index range reads, never a scan), of the event's pair
 *       and rate kind: a bank's selling rate never fires an alert on the mid rate;</li>
 *   <li>issue 14, percent moves, on mid-rate events only (a move alert always watches the mid rate and its base
 *       is a mid rate, so a bank's buying or selling rate neither fires nor re-arms one): for each window the
 *       pair's move alerts use ({@link EvaluationAlerts#moveWindows}, a registry, not a read of alerts), reads the
 *       base rate (the latest stored mid rate observed at or before the new rate's observation time minus the
 *       window, {@link RateHistory#atOrBefore}; when the history does not reach back that far, or that rate is
 *       more than two windows old (a gap: a backfilled pair's daily rates under a 1h window), nothing fires or
 *       re-arms on that window), computes the signed move in percent, and reads only the move alerts it fires
 *       ({@link EvaluationAlerts#findMoved}) or re-arms ({@link EvaluationAlerts#findMoveRearmable}): range reads
 *       on the percent per (pair, window, way), so the cost grows with the windows present and the alerts fired,
 *       not with the alerts stored. Those fired join the crossed alerts in step 4 with the base in their
 *       {@link Firing}; the re-arm hysteresis is {@link Alert}'s;</li>
 *   <li>issue 14, expiry: an alert past its {@code expiresAt} is never fired, even before the sweep
 *       ({@link ExpirySweep}) marked it EXPIRED;</li>
 *   <li>fires each crossed alert with a conditional ARMED-to-FIRED write that also records the pending push;
 *       only the caller whose write won sends, so duplicate, replayed or concurrent deliveries of one event notify
 *       once;</li>
 *   <li>re-arms re-arm alerts the rate took back past their band;</li>
 *   <li>delivers the pushes it won, in one of two ways:
 *     <ul>
 *       <li><b>recorded</b> (with a {@link DeliveryTrigger}, the default wiring of both runtimes): evaluation only
 *           records them in the outbox and wakes the delivery worker ({@link OutboxDelivery}), after the first
 *           win already, so the first push goes out while the other alerts are still being fired. Ingestion and
 *           evaluation never wait for Telegram. Each push won is due at firing time + its send slot x
 *           {@code pushSpacing} ({@link SlotPlan}: the i-th push in slot i, unless a chat spacing spreads one
 *           chat's pushes apart): a fan-out's pushes are spread over the slots they will be sent in, so a later
 *           event's push sorts between them in the outbox and is not stuck behind the whole fan-out. Issue 14: a
 *           snoozed alert's push is due at the later of its slot and its snooze end ({@link Alert#pushDueAt},
 *           decided by the store in the firing write);</li>
 *       <li><b>inline</b> (no trigger): sends them through the sender and clears each as soon as Telegram
 *           accepted it.</li>
 *     </ul></li>
 * </ol>
 * A crash between 4 and 6 leaves the push pending; {@link #sweepPendingPushes()} (inline) or the next drain
 * (recorded) sends it later.
 */
public final class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

    private final EvaluationAlerts alerts;
    private final UserStore users;
    private final PushSender sender;
    private final Clock clock;
    private final EvaluationConfig config;
    private final PushMessages messages = new PushMessages();
    private final DeliveryTrigger trigger;
    private final Duration pushSpacing;
    /** Issue 12: a chat's pushes of one event are scheduled at least this far apart (the sender's per-chat interval). */
    private final Duration chatSpacing;
    private final Executor writes;
    private final int concurrentWrites;
    /** Issue 14: the base rates of percent moves; null reads no moves (a wiring without the rate history). */
    private final RateHistory history;

    /** Inline delivery: evaluation sends the pushes it won itself. */
    public EvaluationService(EvaluationAlerts alerts, UserStore users, PushSender sender, Clock clock,
                             EvaluationConfig config) {
        this(alerts, users, sender, clock, config, null, Duration.ZERO, Duration.ZERO, Runnable::run, 1, null);
    }

    /**
     * Issue 14: this service also evaluating percent-move alerts, with base rates from {@code history}. Every
     * wiring of both runtimes uses it; without it, move alerts never fire.
     */
    public EvaluationService withMoves(RateHistory history) {
        return new EvaluationService(alerts, users, sender, clock, config, trigger, pushSpacing, chatSpacing, writes,
                concurrentWrites, java.util.Objects.requireNonNull(history, "history"));
    }

    private EvaluationService(EvaluationAlerts alerts, UserStore users, PushSender sender, Clock clock,
                              EvaluationConfig config, DeliveryTrigger trigger, Duration pushSpacing,
                              Duration chatSpacing, Executor writes, int concurrentWrites, RateHistory history) {
        this.chatSpacing = chatSpacing;
        this.history = history;
        this.writes = writes;
        this.concurrentWrites = concurrentWrites;
        this.alerts = alerts;
        this.users = users;
        this.sender = sender;
        this.clock = clock;
        this.config = config;
        this.trigger = trigger;
        this.pushSpacing = pushSpacing;
    }

    /**
     * Recorded delivery: pushes go to the outbox, due one {@code pushSpacing} (the sender's global interval) apart,
     * and {@code trigger} wakes the delivery worker. The sweep then belongs to the worker, too: see
     * {@link #sweepPendingPushes()}.
     */
    public static EvaluationService recording(EvaluationAlerts alerts, UserStore users, Clock clock, EvaluationConfig config,
                                              DeliveryTrigger trigger, Duration pushSpacing) {
        return recording(alerts, users, clock, config, trigger, pushSpacing, Runnable::run, 1);
    }

    /**
     * {@link #recording(EvaluationAlerts, UserStore, Clock, EvaluationConfig, DeliveryTrigger, Duration)} with the
     * conditional writes of a fan-out run on {@code writes}, at most {@code concurrentWrites} at a time: on DynamoDB
     * each is a round trip, so a 1,000-alert fan-out fires in a fraction of the sequential time.
     */
    public static EvaluationService recording(EvaluationAlerts alerts, UserStore users, Clock clock, EvaluationConfig config,
                                              DeliveryTrigger trigger, Duration pushSpacing, Executor writes,
                                              int concurrentWrites) {
        return recording(alerts, users, clock, config, trigger, pushSpacing, Duration.ZERO, writes, concurrentWrites);
    }

    /**
     * {@link #recording(EvaluationAlerts, UserStore, Clock, EvaluationConfig, DeliveryTrigger, Duration, Executor,
     * int)} that also schedules a chat's pushes of one event at least {@code chatSpacing} (the sender's per-chat
     * interval) apart, other chats' pushes filling the slots between ({@link SlotPlan}).
     */
    public static EvaluationService recording(EvaluationAlerts alerts, UserStore users, Clock clock, EvaluationConfig config,
                                              DeliveryTrigger trigger, Duration pushSpacing, Duration chatSpacing,
                                              Executor writes, int concurrentWrites) {
        if (pushSpacing.isNegative() || chatSpacing.isNegative() || concurrentWrites < 1) {
            throw new IllegalArgumentException(
                    "pushSpacing and chatSpacing cannot be negative, concurrentWrites must be positive");
        }
        return new EvaluationService(alerts, users, null, clock, config, java.util.Objects.requireNonNull(trigger),
                pushSpacing, chatSpacing, writes, concurrentWrites, null);
    }

    public EvaluationResult onRateUpdated(RateUpdated event) {
        Rate rate = event.toRate();
        Instant now = clock.instant();
        // Each kind of rate (mid, a bank's buying or selling rate) reads only the alerts on that kind.
        List<Alert> crossedAlerts = alerts.findCrossed(event.pair(), event.kind(), event.rate());
        List<Alert> rearmable = alerts.findRearmable(event.pair(), event.kind(), event.rate());

        // The store's range read is the filter; firesAt and the kind guard against an adapter bug firing wrongly,
        // and an alert past its expiry never fires (the sweep marks it EXPIRED later).
        List<Candidate> crossed = new ArrayList<>();
        for (Alert alert : crossedAlerts) {
            crossed.add(new Candidate(alert, null,
                    alert.firesAt(event.rate()) && alert.kind() == event.kind() && !alert.isExpiredAt(now)));
        }
        int rearmed = 0;
        // Percent moves are evaluated on mid-rate events only: a move alert is always on the mid rate
        // (Alert.createMove) and its base comes from the mid series, so a bank's buying or selling rate neither fires
        // nor re-arms one (measured against a mid base it would report the bank's spread as a move).
        if (history != null && event.kind() == RateKind.MID) {
            rearmed += addMoves(event, rate, now, crossed);
        }

        List<Alert> won = new ArrayList<>();
        int alreadyFired = 0;
        if (trigger != null) {
            won = fireRecorded(event, rate, crossed);
            alreadyFired = (int) crossed.stream().filter(Candidate::fires).count() - won.size();
        }
        for (Candidate candidate : trigger != null ? List.<Candidate>of() : crossed) {
            if (!candidate.fires()) {
                continue;
            }
            Firing firing = candidate.firing(event.eventId(), rate, clock.instant());
            if (alerts.markFired(candidate.alert().id(), firing)) {
                won.add(candidate.alert().fire(firing));
            } else {
                alreadyFired++;
            }
        }

        for (Alert alert : rearmable) {
            if (alert.rearmsAt(event.rate()) && alerts.rearm(alert.id())) {
                rearmed++;
            }
        }

        int ownerGone = 0;
        DeliveryCounts counts = DeliveryCounts.NONE;
        if (trigger == null) {
            PushBatch pushes = PushBatch.of(won, alerts, users, messages, PushBatch.newOwnerCache(), clock.instant());
            ownerGone = pushes.ownerGone();
            counts = pushes.toSend().isEmpty() ? DeliveryCounts.NONE : DeliveryCounts.of(sender.send(pushes.toSend()));
        } else if (won.size() > 1) {
            wake(event.eventId(), won.size());
        }
        EvaluationResult result = new EvaluationResult(event.eventId(), crossed.size(), won.size(), alreadyFired,
                rearmed, ownerGone, counts);
        log.info("evaluated {} {} = {}: {}", event.eventId(), event.pair(), event.rate().toPlainString(), result);
        return result;
    }

    /**
     * Recorded mode: fires the crossed alerts with at most {@code concurrentWrites} conditional writes in flight.
     * The n-th crossed alert's push (from 0) is due n send slots after the event's first firing, so the fan-out
     * occupies the slots it will be sent in; with a {@code chatSpacing}, a chat's pushes take slots that far apart
     * ({@link SlotPlan}). Delivery is woken by the first win, while the rest is still being
     * fired. A write that failed (the store, not a lost race) fails the whole call once every write has ended,
     * so the event is retried; the writes that won stay won (a retry finds them FIRED and does not fire again).
     */
    private List<Alert> fireRecorded(RateUpdated event, Rate rate, List<Candidate> crossed) {
        List<Candidate> firable = crossed.stream().filter(Candidate::fires).toList();
        Alert[] won = new Alert[firable.size()];
        Instant base = clock.instant();
        AtomicBoolean woken = new AtomicBoolean();
        Semaphore inFlight = new Semaphore(concurrentWrites);
        CountDownLatch done = new CountDownLatch(firable.size());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int[] slots = SlotPlan.plan(firable.stream().map(Candidate::alert).toList(), pushSpacing, chatSpacing);
        try {
            for (int n = 0; n < firable.size(); n++) {
                Candidate candidate = firable.get(n);
                Alert alert = candidate.alert();
                // The slot's due time; a snoozed alert's push is due at the snooze end if that is later: the store
                // records max(slotDue, snoozedUntil) in the same conditional write (Alert#pushDueAt), so a snooze
                // pressed after this read still holds the push.
                Instant slotDue = base.plus(pushSpacing.multipliedBy(slots[n]));
                int slot = n;
                inFlight.acquire();
                try {
                    writes.execute(() -> {
                        try {
                            Firing firing = candidate.firing(event.eventId(), rate, clock.instant());
                            if (alerts.markFired(alert, firing, slotDue)) {
                                won[slot] = alert.fire(firing);
                                if (woken.compareAndSet(false, true)) {
                                    // The first push can go out now, while the rest is still being fired.
                                    wake(event.eventId(), 1);
                                }
                            }
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                            done.countDown();
                        }
                    });
                } catch (RuntimeException rejected) {
                    inFlight.release();
                    done.countDown();
                    failure.compareAndSet(null, rejected);
                }
            }
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while firing " + event.eventId(), e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Alert> result = new ArrayList<>();
        for (Alert alert : won) {
            if (alert != null) {
                result.add(alert);
            }
        }
        return result;
    }

    /**
     * Issue 12: which send slot each push of one event gets. Without a chat spacing the n-th push gets slot n. With
     * one, a user's several alerts crossed together must not sit next to each other in the outbox: a drained batch
     * would then hold a few chats waiting a second per push while the bot's budget idles (4.7 x N/30 in the
     * simulation at 5 adjacent alerts per chat). So the pushes are taken round-robin by chat (every chat's first
     * push in crossing order, then every chat's second, ...), each into the earliest free slot at least one chat
     * interval after its chat's previous push; the fan-out still occupies consecutive slots whenever enough chats
     * are left to fill them.
     */
    static final class SlotPlan {
        private SlotPlan() {
        }

        static int[] plan(List<Alert> pushes, Duration pushSpacing, Duration chatSpacing) {
            int[] slots = new int[pushes.size()];
            if (pushSpacing.isZero() || chatSpacing.isZero()) {
                for (int n = 0; n < slots.length; n++) {
                    slots[n] = n;
                }
                return slots;
            }
            // Round-robin: the j-th push of a chat (from 0) goes in round j; within a round, crossing order.
            Map<Long, Integer> seen = new HashMap<>();
            int[] round = new int[slots.length];
            List<Integer> order = new ArrayList<>(slots.length);
            for (int n = 0; n < slots.length; n++) {
                round[n] = seen.merge(pushes.get(n).owner().chatId(), 1, Integer::sum) - 1;
                order.add(n);
            }
            order.sort(java.util.Comparator.comparingInt((Integer n) -> round[n]).thenComparingInt(n -> n));
            java.util.BitSet taken = new java.util.BitSet();
            Map<Long, Integer> lastSlotOfChat = new HashMap<>();
            for (int n : order) {
                long chatId = pushes.get(n).owner().chatId();
                Integer last = lastSlotOfChat.get(chatId);
                int slot = taken.nextClearBit(last == null ? 0 : last + slotsApart(chatId, pushSpacing, chatSpacing));
                taken.set(slot);
                lastSlotOfChat.put(chatId, slot);
                slots[n] = slot;
            }
            return slots;
        }

        /** The chat's interval (a group's is longer, {@link PacingConfig#chatInterval}) in whole send slots. */
        private static int slotsApart(long chatId, Duration pushSpacing, Duration chatSpacing) {
            long interval = PacingConfig.chatInterval(chatId, chatSpacing).toNanos();
            return (int) Math.min(Integer.MAX_VALUE / 4, (interval + pushSpacing.toNanos() - 1) / pushSpacing.toNanos());
        }
    }

    /**
     * Issue 14: adds the move alerts the event fires to {@code crossed} (with their base rate) and re-arms those
     * it re-arms, one window at a time (see the class comment); returns how many it re-armed.
     */
    /**
     * How old a move's base may be, in windows: a night without rates under a 24h window still measures the move
     * since the last rate; a day-old rate under a 1h window does not. The price of never firing on a gap: after a
     * weekend (no quotes for ~48 h) a 24h move is measured again only once the history has a rate one window old.
     */
    private static final int MAX_BASE_AGE_IN_WINDOWS = 2;

    private int addMoves(RateUpdated event, Rate rate, Instant now, List<Candidate> crossed) {
        int rearmed = 0;
        for (Duration window : alerts.moveWindows(event.pair())) {
            Optional<Rate> base = history.atOrBefore(event.pair(), rate.observedAt().minus(window));
            if (base.isEmpty()) {
                continue; // the history does not reach back one window yet: no move to measure
            }
            if (base.get().observedAt().isBefore(rate.observedAt().minus(window.multipliedBy(MAX_BASE_AGE_IN_WINDOWS)))) {
                // A gap in the history (a backfilled pair has daily rates only; ingestion was down): a move since
                // then is not a move within the window, and firing on it would break the alert's promise.
                continue;
            }
            BigDecimal move = Move.percentChange(base.get().value(), event.rate());
            for (Alert alert : alerts.findMoved(event.pair(), window, move)) {
                crossed.add(new Candidate(alert, base.get().value(), alert.firesOnMove(move) && !alert.isExpiredAt(now)));
            }
            for (Alert alert : alerts.findMoveRearmable(event.pair(), window, move)) {
                if (alert.rearmsOnMove(move) && alerts.rearm(alert.id())) {
                    rearmed++;
                }
            }
        }
        return rearmed;
    }

    /** An alert the event may fire: {@code base} is the rate one window ago for a move alert, null otherwise. */
    private record Candidate(Alert alert, BigDecimal base, boolean fires) {
        Firing firing(String eventId, Rate rate, Instant firedAt) {
            return base == null ? Firing.of(eventId, rate, firedAt) : Firing.ofMove(eventId, rate, base, firedAt);
        }
    }

    private void wake(String eventId, int count) {
        try {
            trigger.pushesRecorded(eventId, count);
        } catch (RuntimeException e) {
            // The pushes are in the outbox: the next timer or sweep drains them.
            log.warn("could not wake delivery after {}: {}", eventId, e.toString());
        }
    }

    /**
     * Sends pushes still pending from earlier firings (a crash after the transition, a failed round, a shutdown),
     * at most one batch of those that are due, earliest next attempt first: a push that keeps failing is moved
     * back after each round (and dead-lettered after the last allowed one), so it cannot hold the batch and starve
     * newer pushes. Skips never-tried pushes younger than the grace period: the evaluation that fired them is
     * probably sending them right now. In recorded mode nothing is sent here (the delivery worker is the only
     * sender): the sweep only wakes the worker, which drains everything due.
     */
    public SweepResult sweepPendingPushes() {
        if (trigger != null) {
            wake("sweep", 0); // the drain it wakes also expires what is due (OutboxDelivery)
            return new SweepResult(0, 0, 0, DeliveryCounts.NONE);
        }
        new ExpirySweep(alerts, clock).expireDue(); // issue 14: their notices are pending pushes, sent below
        Instant now = clock.instant();
        List<Alert> pending = alerts.findPendingPushes(now, config.sweepBatchSize());
        Instant freshAfter = now.minus(config.sweepGrace());
        List<Alert> due = new ArrayList<>();
        int tooFresh = 0;
        for (Alert alert : pending) {
            if (!alert.pushPending() || alert.lastFiring() == null) {
                continue;
            }
            if (alert.push().attempts() == 0 && alert.lastFiring().firedAt().isAfter(freshAfter)) {
                tooFresh++;
            } else {
                due.add(alert);
            }
        }
        PushBatch pushes = PushBatch.of(due, alerts, users, messages, PushBatch.newOwnerCache(), now);
        DeliveryCounts counts = pushes.toSend().isEmpty() ? DeliveryCounts.NONE : DeliveryCounts.of(sender.send(pushes.toSend()));
        SweepResult result = new SweepResult(pending.size(), tooFresh, pushes.ownerGone(), counts);
        log.info("swept pending pushes: {}", result);
        return result;
    }
}
