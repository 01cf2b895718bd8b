package dev.fxalert.admin.alerts;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.PushState;

import java.time.Instant;

/**
 * An alert as the admin API shows it: decimals as plain strings (never doubles), times as ISO-8601.
 *
 * <p>polish14 (issue 14 follow-up): {@code kind} is the rate it watches ({@code MID}, {@code BANK_BUY},
 * {@code BANK_SELL}); {@code move} is set for a percent-move alert, whose {@code direction} and {@code threshold} are
 * then null (it has no rate threshold: the percent is {@code move.percent}); for a threshold alert {@code move} is
 * null and every older field means what it meant. {@code expiresAt} and {@code snoozedUntil} are null when unset.
 */
public record AlertView(String id, String userId, long chatId, String pair, String kind, String direction,
                        String threshold, MoveView move, String mode, String state, String rearmBand, String createdAt,
                        String firedAt, int fireCount, String note, boolean pushPending, FiringView lastFiring,
                        PushView push, String expiresAt, String snoozedUntil) {

    /** What makes an alert a percent move: {@code way} UP, DOWN or EITHER, the percent, the window as ISO-8601. */
    public record MoveView(String way, String percent, String window) {
        static MoveView of(Move move, java.math.BigDecimal percent) {
            return move == null ? null : new MoveView(move.way().name(), percent.toPlainString(), move.window().toString());
        }
    }

    /** The outbox bookkeeping of the last firing's push; {@code deadLetter} is why it was given up, or null. */
    public record PushView(int attempts, String nextAttemptAt, boolean outcomeUnknown, String deadLetter) {
        static PushView of(PushState push) {
            return new PushView(push.attempts(), push.nextAttemptAt() == null ? null : push.nextAttemptAt().toString(),
                    push.outcomeUnknown(), push.deadLetter());
        }
    }

    public record FiringView(String eventId, String rate, String provider, String observedAt, String firedAt) {
        static FiringView of(Firing firing) {
            return firing == null ? null : new FiringView(firing.eventId(), firing.rate().toPlainString(),
                    firing.provider(), firing.observedAt().toString(), firing.firedAt().toString());
        }
    }

    public static AlertView of(Alert alert) {
        boolean move = alert.isMove();
        return new AlertView(alert.id(), alert.owner().userId(), alert.owner().chatId(), alert.pair().toString(),
                alert.kind().name(), move ? null : alert.direction().name(),
                move ? null : alert.threshold().toPlainString(), MoveView.of(alert.move(), alert.threshold()),
                alert.mode().name(), alert.state().name(), alert.rearmBand().toPlainString(),
                alert.createdAt().toString(), iso(alert.firedAt()), alert.fireCount(), alert.note(),
                alert.pushPending(), FiringView.of(alert.lastFiring()), PushView.of(alert.push()),
                iso(alert.expiresAt()), iso(alert.snoozedUntil()));
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
