package dev.fxalert.evaluation.message;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.port.OutgoingMessage;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The push for a fired alert: pair, new rate, threshold and direction, provider and observation time, the owner's
 * note, and buttons to re-arm, pause or delete the alert (handled by the bot through {@link AlertCallback}).
 * Plain text: a note can never break formatting. Times are shown in UTC because we do not know the reader's zone.
 */
public final class PushMessages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** The message for the alert's last firing, in {@code language} (a Telegram language code; null means English). */
    public OutgoingMessage fired(Alert alert, String language) {
        Firing firing = Objects.requireNonNull(alert.lastFiring(), "alert has not fired");
        Language lang = Language.of(language);
        String text = lang == Language.KOREAN ? korean(alert, firing) : english(alert, firing);
        return new OutgoingMessage(alert.owner().chatId(), text, List.of(buttons(alert.id(), lang)));
    }

    private static String english(Alert alert, Firing firing) {
        StringBuilder text = new StringBuilder()
                .append("🔔 ").append(alert.pair()).append(" is ").append(firing.rate().toPlainString())
                .append(alert.direction() == Direction.ABOVE ? " — at or above" : " — at or below")
                .append(" your threshold ").append(alert.threshold().toPlainString()).append('\n')
                .append("Source: ").append(firing.provider()).append(", ")
                .append(TIME.format(firing.observedAt())).append(" UTC");
        if (alert.note() != null) {
            text.append('\n').append("Note: ").append(alert.note());
        }
        text.append('\n').append("Alert ").append(alert.id()).append(": ");
        if (alert.mode() == AlertMode.REARM) {
            text.append("re-arms by itself once the rate goes back ")
                    .append(alert.direction() == Direction.ABOVE ? "below " : "above ")
                    .append(alert.rearmBoundary().toPlainString()).append('.');
        } else {
            text.append("fired once; tap Re-arm to watch it again.");
        }
        return text.toString();
    }

    private static String korean(Alert alert, Firing firing) {
        StringBuilder text = new StringBuilder()
                .append("🔔 ").append(alert.pair()).append(" 환율이 ").append(firing.rate().toPlainString())
                .append("입니다 — 설정한 기준 ").append(alert.threshold().toPlainString())
                .append(alert.direction() == Direction.ABOVE ? " 이상" : " 이하").append('\n')
                .append("출처: ").append(firing.provider()).append(", ")
                .append(TIME.format(firing.observedAt())).append(" UTC");
        if (alert.note() != null) {
            text.append('\n').append("메모: ").append(alert.note());
        }
        text.append('\n').append("알림 ").append(alert.id()).append(": ");
        if (alert.mode() == AlertMode.REARM) {
            text.append("환율이 ").append(alert.rearmBoundary().toPlainString())
                    .append(alert.direction() == Direction.ABOVE ? " 미만으로" : " 초과로")
                    .append(" 돌아가면 자동으로 다시 켜집니다.");
        } else {
            text.append("한 번 울렸습니다. 다시 받으려면 '다시 켜기'를 누르세요.");
        }
        return text.toString();
    }

    private static List<OutgoingMessage.Button> buttons(String alertId, Language lang) {
        boolean ko = lang == Language.KOREAN;
        return List.of(
                button(ko ? "다시 켜기" : "Re-arm", AlertCallback.Action.REARM, alertId),
                button(ko ? "일시정지" : "Pause", AlertCallback.Action.PAUSE, alertId),
                button(ko ? "삭제" : "Delete", AlertCallback.Action.DELETE, alertId));
    }

    private static OutgoingMessage.Button button(String label, AlertCallback.Action action, String alertId) {
        return new OutgoingMessage.Button(label, new AlertCallback(action, alertId).encode());
    }
}
