package dev.fxalert.evaluation.digest;

import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the digests due at the same time of day in batches (issue 15), so 10,000 digests due at 08:30 go out at the
 * send budget's pace (29/s) instead of one Delivery invocation, and one Telegram round trip, after another.
 * <p>
 * Protocol, for the user whose schedule fired ({@link #send}):
 * <ol>
 *   <li>that user's digest, exactly as {@link DigestService#send(String)} (claimed once per local date, a stale
 *       schedule deleted). Only an invocation that <em>claimed</em> it (sent, or claimed and refused by Telegram)
 *       goes on: one whose digest was already claimed was covered by an earlier batch and returns at once, so the
 *       10,000 queued schedule invocations after the first cost one user read and one refused claim each;</li>
 *   <li>the other active users with the same digest time ({@link UserStore#listByDigestTime}, a page at a time by
 *       id, whatever their zone) whose digest of their local date is due: today's digest time in their zone is
 *       at or before now and at most {@link #GRACE} ago (a time not reached yet in their zone is left to their own
 *       schedule; one long past is not sent at a surprising hour). Each goes through {@link DigestService#send(User)}:
 *       claimed before it is sent, so a batch, a racing batch and the user's own schedule send one digest;</li>
 *   <li>up to {@code inFlight} digests at once on {@code executor}, all through the one send budget (the paced
 *       sender's limiter sets the pace, 29/s and 1/s per chat, and a 429 pauses everything);</li>
 *   <li>{@code betweenPages} runs before each page: Delivery drains the pushes that became due meanwhile, so an
 *       alert's push waits at most one page of digests;</li>
 *   <li>no page is started, and no digest submitted, at or after {@code until}; then {@link Result#moreLeft()}.
 *       Nothing is lost: every user not reached has their own schedule invocation still queued (reserved
 *       concurrency 1), and the first of them that claims its digest leads the next batch.</li>
 * </ol>
 */
public final class DigestBatch {

    /** How long after its time a digest is still sent by another user's batch (the schedules' retry window). */
    public static final Duration GRACE = Duration.ofHours(1);
    static final int PAGE = 100;

    private static final Logger log = LoggerFactory.getLogger(DigestBatch.class);

    private final UserStore users;
    private final DigestService digests;
    private final Clock clock;
    private final Executor executor;
    private final int inFlight;

    /** What one batch did. {@code own}: the invoking user's digest; the counts: the other users'. */
    public record Result(DigestService.Outcome own, int sent, int alreadySent, int failed, boolean moreLeft) {
    }

    /**
     * @param executor runs the sends of the other users (a pool of at least {@code inFlight} threads; a direct
     *                 executor sends them one after another)
     * @param inFlight digests in flight at once: enough to keep the budget busy while Telegram answers (~100 ms)
     */
    public DigestBatch(UserStore users, DigestService digests, Clock clock, Executor executor, int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be at least 1, got " + inFlight);
        }
        this.users = users;
        this.digests = digests;
        this.clock = clock;
        this.executor = executor;
        this.inFlight = inFlight;
    }

    public Result send(String userId, Instant until, Runnable betweenPages) {
        DigestService.Outcome own = digests.send(userId);
        if (own != DigestService.Outcome.SENT && own != DigestService.Outcome.FAILED) {
            return new Result(own, 0, 0, 0, false);
        }
        Optional<User> leader = users.findById(userId);
        if (leader.isEmpty() || leader.get().digestTime() == null) {
            return new Result(own, 0, 0, 0, false);
        }
        String time = leader.get().digestTime();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger alreadySent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore slots = new Semaphore(inFlight);
        boolean moreLeft = false;
        String after = null;
        try {
            pages:
            while (true) {
                if (!clock.instant().isBefore(until)) {
                    moreLeft = true;
                    break;
                }
                betweenPages.run();
                List<User> page = users.listByDigestTime(time, after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).id();
                for (User user : page) {
                    if (user.id().equals(userId) || !due(user, time, clock.instant())) {
                        continue;
                    }
                    if (!clock.instant().isBefore(until)) {
                        moreLeft = true;
                        break pages;
                    }
                    slots.acquire();
                    try {
                        executor.execute(() -> {
                            try {
                                switch (digests.send(user)) {
                                    case SENT -> sent.incrementAndGet();
                                    case FAILED -> failed.incrementAndGet();
                                    default -> alreadySent.incrementAndGet(); // claimed elsewhere (or just stopped)
                                }
                            } catch (RuntimeException e) {
                                // A store failure before the claim: the user's own schedule invocation tries again.
                                failed.incrementAndGet();
                                log.warn("digest of user {} not sent in the batch", user.id(), e);
                            } finally {
                                slots.release();
                            }
                        });
                    } catch (RejectedExecutionException e) {
                        slots.release();
                        moreLeft = true;
                        break pages;
                    }
                }
                // The page is settled before the pushes due meanwhile are drained and the next page is read.
                slots.acquire(inFlight);
                slots.release(inFlight);
            }
            slots.acquire(inFlight);
            slots.release(inFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            moreLeft = true;
        }
        return new Result(own, sent.get(), alreadySent.get(), failed.get(), moreLeft);
    }

    /** Today's digest time in the user's zone is at or before {@code now}, and at most {@link #GRACE} ago. */
    static boolean due(User user, String time, Instant now) {
        LocalTime at;
        try {
            at = LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            return false;
        }
        ZoneId zone = user.zone();
        Instant today = now.atZone(zone).toLocalDate().atTime(at).atZone(zone).toInstant();
        return !today.isAfter(now) && today.isAfter(now.minus(GRACE));
    }
}
