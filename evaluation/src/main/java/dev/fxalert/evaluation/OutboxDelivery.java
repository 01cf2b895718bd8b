package dev.fxalert.evaluation;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.QuietHours;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.EvaluationAlerts;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.delivery.Push;
import dev.fxalert.evaluation.delivery.PushOutcome;
import dev.fxalert.evaluation.delivery.PushSender;
import dev.fxalert.core.retry.Sleeper;
import dev.fxalert.evaluation.message.PushMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The delivery worker: drains the outbox (the pending pushes evaluation recorded) through the one
 * {@link PushSender} that owns the bot's send budget. Evaluation only records; this is the only sender of pushes
 * (locally one drainer thread, on AWS the Delivery function with reserved concurrency 1).
 * <p>
 * Protocol of {@link #drain(Instant)}:
 * <ol>
 *   <li>first expires the alerts whose expiry has come ({@link ExpirySweep}, issue 14): their notices are pending
 *       pushes, drained below like any other;</li>
 *   <li>reads a small batch of the earliest due pushes ({@link EvaluationAlerts#findPendingPushes}, a little ahead of
 *       now so the sender never idles between batches); about one second of sending, so a push another event
 *       records meanwhile is read within about a second: evaluation spreads a fan-out's pushes over their send
 *       slots ({@link EvaluationService}), and the outbox's order then interleaves events (fair by age);</li>
 *   <li>hands the batch to the sender as one round on {@code rounds} and reads the next batch while it sends, at
 *       most {@link Config#roundsInFlight()} rounds at once (the sender's limiter paces them together), so the
 *       budget never idles between batches;</li>
 *   <li>a push is tried at most once per drain (a failed round moved it back in the store anyway), so a drain
 *       always ends; never-tried pushes scheduled later are waited for (they are a fan-out's next slots), failed
 *       ones are left to a later drain;</li>
 *   <li>stops when nothing is due (the outbox is empty or only holds later retries) or when {@code until} passes
 *       with pushes still due ({@link DrainResult#moreLeft()}).</li>
 * </ol>
 * Quiet hours (issue 15; {@link PushBatch} decides per push):
 * <ol>
 *   <li><b>hold</b>: a due push whose owner is in quiet hours now is not sent; it stays pending in the outbox with
 *       its next attempt at the quiet end ({@link EvaluationAlerts#holdPush}, no attempt counted). The outbox is
 *       the store, so a crash or restart during quiet hours loses nothing. A held push is not "more left": it is
 *       released by the first drain after the quiet end (the sweep timer or schedule, or any trigger);</li>
 *   <li><b>release</b>: a due push that fired during its owner's quiet hours, now over, is part of a summary. The
 *       drainer adds the owner's other due held pushes ({@link AlertStore#listByOwner}, at most the per-user
 *       alert limit) so one owner's held pushes become <b>one</b> message, sent as one {@link Push} whose
 *       {@link Push#grouped()} entries the sender settles together with it;</li>
 *   <li><b>settle</b>: each entry is marked delivered only after Telegram accepted the summary, right after its
 *       200 ({@code PacedSender}); a failed round counts an attempt on each (the group is re-formed when they are
 *       due again); no answer (outcome unknown) dead-letters every entry with the outcome-unknown mark, so the
 *       summary is never sent twice. The one window is the documented one (docs/delivery.md): Telegram accepted,
 *       the process dies before the marks are written: that summary can come once more (at most the entries not
 *       yet marked), never lost.</li>
 * </ol>
 */
public final class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    /** Never poll the store faster than this while waiting for a fan-out's next slots. */
    private static final Duration MIN_WAIT = Duration.ofMillis(50);
    /** Held pushes {@link #nextScheduled} may read past to find a fan-out's next slot. */
    private static final int HELD_SKIP = 50;

    /**
     * @param batchSize      pushes per round: about one second of sending at the limit (fairness granularity)
     * @param lookahead      how far ahead of now a spread push counts as due, so the sender never waits for the
     *                       schedule between batches
     * @param roundsInFlight rounds sending at once (two: one sends while the next is read)
     */
    public record Config(int batchSize, Duration lookahead, int roundsInFlight) {
        /**
         * 24 pushes = 0.83 s of sending at 29/s: a push recorded just after a read waits at most about that long to
         * be read (the next read comes when a round ends), which keeps a small event's push under a second behind a
         * fan-out; 30 made that 1.03 s (issue 12's virtual-time simulation, {@code DeliverySimulationTest}).
         */
        public static final Config DEFAULTS = new Config(24, Duration.ofSeconds(2), 2);

        public Config {
            if (batchSize < 1 || roundsInFlight < 1 || lookahead.isNegative()) {
                throw new IllegalArgumentException("batchSize and roundsInFlight must be positive, lookahead not negative");
            }
        }
    }

    private final AlertStore alerts;
    private final UserStore users;
    private final PushSender sender;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Executor rounds;
    private final Config config;
    private final PushMessages messages = new PushMessages();
    private final ExpirySweep expiry;

    public OutboxDelivery(AlertStore alerts, UserStore users, PushSender sender, Clock clock, Sleeper sleeper,
                          Executor rounds, Config config) {
        this.alerts = alerts;
        this.users = users;
        this.sender = sender;
        this.clock = clock;
        this.sleeper = sleeper;
        this.rounds = rounds;
        this.config = config;
        this.expiry = new ExpirySweep(alerts, clock);
    }

    /** Drains until nothing is due or {@code until} has passed; see the class comment. */
    public DrainResult drain(Instant until) throws InterruptedException {
        try {
            expiry.expireDue();
        } catch (RuntimeException e) {
            // Expiry is retried by the next drain; delivering what is pending must not wait for it.
            log.warn("could not expire due alerts: {}", e.toString());
        }
        Set<String> attempted = new HashSet<>();
        Set<String> outstanding = new HashSet<>();
        Set<String> leftPending = new HashSet<>(); // attempted here, still pending: they fill the head of the order
        LinkedBlockingQueue<RoundDone> done = new LinkedBlockingQueue<>();
        Map<String, User> owners = PushBatch.newOwnerCache();
        List<PushOutcome> outcomes = new ArrayList<>();
        int running = 0;
        int roundCount = 0;
        int ownerGone = 0;
        boolean moreLeft = false;
        try {
            while (true) {
                for (RoundDone finished = done.poll(); finished != null; finished = done.poll()) {
                    running--;
                    settle(finished, outstanding, leftPending, outcomes);
                }
                if (running >= config.roundsInFlight()) {
                    running--;
                    settle(done.take(), outstanding, leftPending, outcomes);
                    continue;
                }
                Instant now = clock.instant();
                List<Alert> due = alerts.findPendingPushes(now.plus(config.lookahead()),
                        config.batchSize() + outstanding.size() + leftPending.size());
                List<Alert> fresh = new ArrayList<>();
                for (Alert alert : due) {
                    String key = key(alert);
                    if (alert.pushPending() && alert.lastFiring() != null && !outstanding.contains(key)
                            && !attempted.contains(key) && fresh.size() < config.batchSize()) {
                        fresh.add(alert);
                    }
                }
                if (!now.isBefore(until)) {
                    // Time is up: more is left if a push is due now, or scheduled later (a fan-out's next slot,
                    // a group's next message), so the caller drains again rather than leaving it to the sweep.
                    moreLeft = !fresh.isEmpty() || nextScheduled(attempted, owners, now) != null;
                    break;
                }
                fresh.addAll(heldWithThem(fresh, owners, outstanding, attempted, now));
                if (fresh.isEmpty()) {
                    if (running > 0) {
                        running--;
                        settle(done.take(), outstanding, leftPending, outcomes);
                        continue;
                    }
                    Instant next = nextScheduled(attempted, owners, now);
                    if (next == null || !next.isBefore(until)) {
                        moreLeft = next != null;
                        break;
                    }
                    Duration wait = Duration.between(now, next.minus(config.lookahead()));
                    sleeper.sleep(wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait);
                    continue;
                }
                PushBatch batch = PushBatch.of(fresh, alerts, users, messages, owners, now);
                ownerGone += batch.ownerGone();
                List<String> keys = new ArrayList<>();
                for (Alert alert : fresh) {
                    keys.add(key(alert));
                }
                attempted.addAll(keys);
                outstanding.addAll(keys);
                running++;
                roundCount++;
                send(batch.toSend(), keys, done);
            }
        } finally {
            // Every round handed out is waited for: its outcomes are settled in the store by the sender.
            while (running > 0) {
                try {
                    running--;
                    settle(done.take(), outstanding, leftPending, outcomes);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        DrainResult result = new DrainResult(roundCount, ownerGone, DeliveryCounts.of(outcomes), moreLeft);
        if (roundCount > 0 || moreLeft) {
            log.info("drained the outbox: {}", result);
        }
        return result;
    }

    private void send(List<Push> pushes, List<String> keys, LinkedBlockingQueue<RoundDone> done) {
        try {
            rounds.execute(() -> {
                List<PushOutcome> result = List.of();
                try {
                    result = pushes.isEmpty() ? List.of() : sender.send(pushes);
                } catch (RuntimeException e) {
                    // The sender settles each push it sent; anything it did not stays pending in the store.
                    log.error("a delivery round failed; its unsettled pushes stay pending", e);
                } finally {
                    done.add(new RoundDone(keys, result));
                }
            });
        } catch (RuntimeException rejected) {
            done.add(new RoundDone(keys, List.of()));
        }
    }

    private static void settle(RoundDone finished, Set<String> outstanding, Set<String> leftPending,
                               List<PushOutcome> outcomes) {
        outstanding.removeAll(finished.keys());
        outcomes.addAll(finished.outcomes());
        for (PushOutcome outcome : finished.outcomes()) {
            if (outcome.status() == PushOutcome.Status.LEFT_PENDING
                    || outcome.status() == PushOutcome.Status.ALREADY_IN_PROGRESS) {
                for (Push.Entry entry : outcome.push().entries()) {
                    leftPending.add(entry.alertId() + "|" + entry.eventId());
                }
            }
        }
    }

    /**
     * Quiet hours: when {@code fresh} holds a push to release in a summary, the owner's other held pushes that are
     * due too, so the summary lists them all (a batch is read in due order across all users, so it may hold only
     * part of one owner's). Empty when there is nothing to release; one indexed read per releasing owner.
     */
    private List<Alert> heldWithThem(List<Alert> fresh, Map<String, User> owners, Set<String> outstanding,
                                     Set<String> attempted, Instant now) {
        PushBatch.loadOwners(fresh, users, owners);
        Set<String> releasing = new java.util.LinkedHashSet<>();
        Set<String> taken = new HashSet<>();
        for (Alert alert : fresh) {
            taken.add(key(alert));
            User owner = owners.get(alert.owner().userId());
            if (owner != null && owner.active() && !inQuietHours(owner, now) && PushBatch.firedInQuietHours(alert, owner)) {
                releasing.add(owner.id());
            }
        }
        List<Alert> more = new ArrayList<>();
        Instant dueBy = now.plus(config.lookahead());
        for (String ownerId : releasing) {
            User owner = owners.get(ownerId);
            for (Alert alert : alerts.listByOwner(ownerId)) {
                if (alert.pushPending() && alert.lastFiring() != null && alert.push().nextAttemptAt() != null
                        && !alert.push().nextAttemptAt().isAfter(dueBy) && PushBatch.firedInQuietHours(alert, owner)
                        && !taken.contains(key(alert)) && !outstanding.contains(key(alert))
                        && !attempted.contains(key(alert))) {
                    more.add(alert);
                }
            }
        }
        return more;
    }

    private static boolean inQuietHours(User owner, Instant now) {
        QuietHours quiet = owner.quiet();
        return quiet != null && quiet.endIfQuiet(now, owner.zone()) != null;
    }

    /**
     * When the next never-tried push not yet attempted is scheduled (a fan-out's later slots), or null when only
     * retries of failed rounds are left: those wait for a later drain (timer, trigger or sweep). A push held for
     * an owner in quiet hours is skipped: it is due hours later and must not keep the drain (or the Lambda's
     * re-invocation) going; the first drain after the quiet end releases it.
     */
    private Instant nextScheduled(Set<String> attempted, Map<String, User> owners, Instant now) {
        List<Alert> candidates = new ArrayList<>();
        for (Alert alert : alerts.findPendingPushes(AlertStore.LATEST, attempted.size() + HELD_SKIP)) {
            if (!attempted.contains(key(alert)) && alert.pushPending() && alert.lastFiring() != null
                    && alert.push().attempts() == 0 && alert.push().nextAttemptAt() != null) {
                candidates.add(alert);
            }
        }
        PushBatch.loadOwners(candidates, users, owners);
        for (Alert alert : candidates) {
            User owner = owners.get(alert.owner().userId());
            if (owner == null || !inQuietHours(owner, now)) {
                return alert.push().nextAttemptAt();
            }
        }
        return null;
    }

    private static String key(Alert alert) {
        return alert.id() + "|" + alert.lastFiring().eventId();
    }

    private record RoundDone(List<String> keys, List<PushOutcome> outcomes) {
    }
}
