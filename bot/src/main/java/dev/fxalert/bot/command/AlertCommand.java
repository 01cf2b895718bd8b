package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertIds;
import dev.fxalert.core.domain.AlertLimitExceededException;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** /alert: stores a new alert and says whether the current rate would already fire it. */
final class AlertCommand implements CommandHandler {
    private final AlertRequestParser parser = new AlertRequestParser();
    private final AlertIds ids = new AlertIds();
    private final AlertStore alerts;
    private final RateQuotes quotes;
    private final Clock clock;

    AlertCommand(AlertStore alerts, RateQuotes quotes, Clock clock) {
        this.alerts = alerts;
        this.quotes = quotes;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alert";
    }

    @Override
    public String example() {
        return AlertRequestParser.EXAMPLE;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        AlertRequest request = parser.parse(context.arguments());
        String deliveryId = context.message().deliveryId();
        Alert alert = create(request, context, deliveryId == null ? ids.next() : AlertIds.derivedFrom(deliveryId));
        StringBuilder text = new StringBuilder("Alert ").append(alert.id()).append(" set: ")
                .append(Formats.condition(alert)).append(" (").append(Formats.afterFiring(alert)).append(").");
        if (alert.note() != null) {
            text.append("\nNote: ").append(alert.note());
        }
        Optional<Rate> current = quotes.current(alert.pair());
        if (current.isEmpty()) {
            text.append("\nI have no rate for ").append(alert.pair()).append(" yet; I'm fetching it now.");
        } else if (alert.firesAt(current.get().value())) {
            text.append("\nNow ").append(Formats.rateWithSource(current.get(), clock.instant()))
                    .append(": it would fire right now, so expect a push with the next rate update.");
        } else {
            text.append("\nNow ").append(Formats.rateWithSource(current.get(), clock.instant()))
                    .append(": it would not fire right now.");
        }
        return context.reply(text.toString(), List.of(List.of(
                new Button("Pause", new AlertCallback(AlertCallback.Action.PAUSE, alert.id()).encode()),
                new Button("Delete", new AlertCallback(AlertCallback.Action.DELETE, alert.id()).encode()))));
    }

    /**
     * A redelivered command derives the same id, and the store's create returns the alert it made the first
     * time. Should the derived id already be someone else's or another alert of this user (a 40-bit
     * collision, not a redelivery), a random id is used instead.
     */
    private Alert create(AlertRequest request, CommandContext context, String id) {
        Alert requested = requested(request, context, id);
        try {
            Alert stored = alerts.create(requested);
            if (sameRequest(stored, requested)) {
                return stored;
            }
        } catch (AlertLimitExceededException e) {
            throw e;
        } catch (IllegalArgumentException taken) {
            // Fall through to a fresh id.
        }
        return alerts.create(requested(request, context, ids.next()));
    }

    private Alert requested(AlertRequest request, CommandContext context, String id) {
        return Alert.create(id, new Owner(context.user().id(), context.chatId()), request.pair(), request.direction(),
                request.threshold(), request.mode(), request.note(), clock.instant());
    }

    private static boolean sameRequest(Alert stored, Alert requested) {
        return stored.pair().equals(requested.pair()) && stored.direction() == requested.direction()
                && stored.threshold().compareTo(requested.threshold()) == 0 && stored.mode() == requested.mode();
    }
}
