package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;

import dev.fxalert.core.domain.AlertState;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a person's alerts: a line per alert with its state (and expiry), a keyboard row per alert (pause or
 * resume or re-arm, delete, share), Chart buttons for the pairs on the page and, past one page, a row to turn pages
 * whose callback data is {@code alerts:p:<page>}.
 */
final class AlertsView {

    static final int PAGE_SIZE = 10;
    private static final String PAGE_PREFIX = "alerts:p:";

    private AlertsView() {
    }

    static String pageData(int page) {
        return PAGE_PREFIX + page;
    }

    /** The page number in pagination callback data, or -1 when the data is something else. */
    static int decodePage(String data) {
        if (data == null || !data.startsWith(PAGE_PREFIX) || data.length() > PAGE_PREFIX.length() + 3) {
            return -1;
        }
        try {
            int page = Integer.parseInt(data.substring(PAGE_PREFIX.length()));
            return page >= 1 ? page : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Issue 14: with expiry and snooze-end times (those still ahead at {@code now}) in the owner's {@code zone}. */
    static OutgoingMessage render(Messages messages, long chatId, List<Alert> alerts, int page, ZoneId zone,
                                  Instant now) {
        if (alerts.isEmpty()) {
            return OutgoingMessage.text(chatId, messages.text(Msg.ALERTS_NONE, messages.text(Msg.EXAMPLE_ALERT)));
        }
        int pages = (alerts.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        if (page > pages) {
            throw new InvalidInputException(Msg.ALERTS_NO_SUCH_PAGE, page, pages);
        }
        int from = (page - 1) * PAGE_SIZE;
        List<Alert> shown = alerts.subList(from, Math.min(from + PAGE_SIZE, alerts.size()));
        StringBuilder text = new StringBuilder(pages > 1
                ? messages.text(Msg.ALERTS_HEADER_PAGED, page, pages) : messages.text(Msg.ALERTS_HEADER));
        List<List<Button>> keyboard = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Alert alert = shown.get(i);
            text.append('\n').append(from + i + 1).append(". ").append(alert.id()).append("  ")
                    .append(Formats.condition(messages, alert)).append(" – ").append(Formats.state(messages, alert))
                    .append(", ").append(Formats.afterFiring(messages, alert));
            if (alert.isSnoozedAt(now) && alert.state() != AlertState.EXPIRED) { // polish14: say until when
                text.append(", ").append(messages.text(Msg.FORMAT_SNOOZED_UNTIL,
                        Messages.time(alert.snoozedUntil(), zone)));
            }
            if (alert.expiresAt() != null && alert.state() != AlertState.EXPIRED) {
                text.append(", ").append(Formats.expiry(messages, alert, zone));
            }
            if (alert.note() != null) {
                text.append(" – ").append(alert.note());
            }
            keyboard.add(buttonsFor(messages, alert));
        }
        // charts (issue 16): one Chart button per pair on the page, three to a row
        List<dev.fxalert.core.domain.CurrencyPair> pairs = shown.stream().map(Alert::pair).distinct().toList();
        for (int i = 0; i < pairs.size(); i += 3) {
            keyboard.add(pairs.subList(i, Math.min(i + 3, pairs.size())).stream()
                    .map(pair -> ChartCommand.button(messages, pair)).toList());
        }
        List<Button> turn = new ArrayList<>();
        if (page > 1) {
            turn.add(new Button(messages.text(Msg.BUTTON_PAGE_PREVIOUS, page - 1), pageData(page - 1)));
        }
        if (page < pages) {
            turn.add(new Button(messages.text(Msg.BUTTON_PAGE_NEXT, page + 1), pageData(page + 1)));
        }
        if (!turn.isEmpty()) {
            keyboard.add(turn);
        }
        return new OutgoingMessage(chatId, text.toString(), keyboard);
    }

    /**
     * The alert's own row: pause, resume or re-arm by state, delete, and share (issue 16; a move alert too since its
     * link says "move", polish14). An expired alert (issue 14) has only delete.
     */
    static List<Button> buttonsFor(Messages messages, Alert alert) {
        String id = alert.id();
        Button delete = new Button(messages.text(Msg.BUTTON_DELETE_ID, id),
                new AlertCallback(AlertCallback.Action.DELETE, id).encode());
        if (alert.state() == AlertState.EXPIRED) {
            return List.of(delete); // final: nothing to pause, resume or re-arm
        }
        Button toggle = switch (alert.state()) {
            case ARMED -> new Button(messages.text(Msg.BUTTON_PAUSE_ID, id),
                    new AlertCallback(AlertCallback.Action.PAUSE, id).encode());
            case PAUSED -> new Button(messages.text(Msg.BUTTON_RESUME_ID, id),
                    new AlertCallback(AlertCallback.Action.RESUME, id).encode());
            case FIRED, EXPIRED -> new Button(messages.text(Msg.BUTTON_REARM_ID, id),
                    new AlertCallback(AlertCallback.Action.REARM, id).encode());
        };
        return List.of(toggle, delete,
                new Button(messages.text(Msg.BUTTON_SHARE), new AlertCallback(AlertCallback.Action.SHARE, id).encode()));
    }
}
