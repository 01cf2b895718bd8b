package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertIds;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.AlertLimitExceededException;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OwnerAlerts;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;
import dev.fxalert.core.domain.Move;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * /alert: stores a new alert and says whether the current rate would already fire it. Only alerts that can fire
 * are stored: both currencies must be quoted by one configured source (the {@link CurrencyCatalogue}), and an
 * alert identical to one the owner already has (pair, condition, threshold, mode) is shown instead of doubled.
 */
final class AlertCommand implements CommandHandler {
    private final AlertRequestParser parser = new AlertRequestParser();
    private final AlertIds ids = new AlertIds();
    private final OwnerAlerts alerts;
    private final RateQuotes quotes;
    private final CurrencyCatalogue catalogue;
    private final Clock clock;
    private final Consumer<CurrencyPair> watched;

    /**
     * @param watched told the pair of every alert stored (typed, guided or from a shared link): the history backfill
     *                on first watch (issue 16), which returns at once and decides in the background whether
     *                anything is missing
     */
    AlertCommand(OwnerAlerts alerts, RateQuotes quotes, CurrencyCatalogue catalogue, Clock clock,
                 Consumer<CurrencyPair> watched) {
        this.alerts = alerts;
        this.quotes = quotes;
        this.catalogue = catalogue;
        this.clock = clock;
        this.watched = watched;
    }

    @Override
    public String name() {
        return "alert";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_ALERT;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        return create(context.user(), context.chatId(), context.messages(), parser.parse(context.arguments()),
                context.message().deliveryId());
    }

    /**
     * Stores what {@code request} asks for as the user's alert and answers as /alert does; also what the
     * "Create this alert for me" button of a shared alert does.
     *
     * @param deliveryId the same for every delivery of the request (an alert id is derived from it), or null
     */
    OutgoingMessage create(User user, long chatId, Messages messages, AlertRequest request, String deliveryId) {
        requireQuoted(request.pair());
        String id = deliveryId == null ? ids.next() : AlertIds.derivedFrom(deliveryId);
        // A redelivered update (same derived id) is answered like the first delivery, not as a duplicate request.
        Optional<Alert> twin = alerts.get(user.id(), id).isPresent()
                ? Optional.empty() : identical(user.id(), request);
        if (twin.isPresent()) {
            Alert existing = twin.get();
            return new OutgoingMessage(chatId, messages.text(Msg.ALERT_TWIN, existing.id(),
                    Formats.condition(messages, existing), Formats.state(messages, existing),
                    Formats.afterFiring(messages, existing)), List.of(AlertsView.buttonsFor(messages, existing)));
        }
        Instant expiresAt = request.expiresAt(clock.instant(), user.zone());
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new InvalidInputException(Msg.ALERT_PARSE_EXPIRY_PAST, String.valueOf(request.expiresOn()));
        }
        Alert alert = create(request, new Owner(user.id(), chatId), user, id);
        watched.accept(alert.pair()); // backfill on first watch (issue 16): queued, never waited for
        StringBuilder text = new StringBuilder(messages.text(Msg.ALERT_SET, alert.id(),
                Formats.condition(messages, alert), Formats.afterFiring(messages, alert)));
        if (alert.expiresAt() != null) {
            text.append('\n').append(messages.text(Msg.ALERT_EXPIRES,
                    Messages.time(alert.expiresAt(), user.zone())));
        }
        if (alert.note() != null) {
            text.append('\n').append(messages.text(Msg.ALERT_NOTE, alert.note()));
        }
        Optional<Rate> current = alert.kind() == RateKind.MID ? quotes.withoutInterest(alert.pair())
                : quotes.stored(alert.pair(), alert.kind());
        text.append('\n');
        if (alert.isMove()) {
            text.append(moveNow(messages, alert, current));
        } else if (current.isEmpty()) {
            text.append(messages.text(Msg.ALERT_NO_RATE_YET, alert.pair().toString()));
        } else {
            String now = alert.kind() == RateKind.MID ? Formats.rateWithSource(messages, current.get(), clock.instant())
                    : Formats.number(current.get().value());
            text.append(messages.text(alert.firesAt(current.get().value())
                    ? Msg.ALERT_FIRES_NOW : Msg.ALERT_NOT_FIRING_NOW, now));
        }
        return new OutgoingMessage(chatId, text.toString(), buttons(messages, alert));
    }

    /**
     * Issue 14: how far the rate moved over the alert's window, from the stored history (the latest rate at or
     * before one window ago, as evaluation reads it), or that the history does not reach back that far yet.
     */
    private String moveNow(Messages messages, Alert alert, Optional<Rate> current) {
        if (current.isEmpty()) {
            return messages.text(Msg.ALERT_NO_RATE_YET, alert.pair().toString());
        }
        Optional<Rate> base = quotes.storedAt(alert.pair(), current.get().observedAt().minus(alert.move().window()));
        if (base.isEmpty()) {
            return messages.text(Msg.ALERT_MOVE_NO_HISTORY, alert.pair().toString(), messages.window(alert.move()));
        }
        BigDecimal move = Move.percentChange(base.get().value(), current.get().value());
        return messages.text(Msg.ALERT_MOVE_NOW, messages.window(alert.move()), Formats.signedPercent(move),
                base.get().value(), current.get().value(), alert.firesOnMove(move) ? "fires" : "not");
    }

    /** Refuses a pair no configured source quotes, naming the currency that is missing. */
    private void requireQuoted(CurrencyPair pair) {
        for (String currency : List.of(pair.base(), pair.quote())) {
            if (!catalogue.supports(currency)) {
                throw new InvalidInputException(Msg.ALERT_UNQUOTED_CURRENCY, currency);
            }
        }
        if (!catalogue.supports(pair)) {
            throw new InvalidInputException(Msg.ALERT_NO_COMMON_SOURCE,
                    pair.base(), String.join(", ", catalogue.sources(pair.base())),
                    pair.quote(), String.join(", ", catalogue.sources(pair.quote())));
        }
    }

    /** The owner's alert asking for exactly the same thing, whatever its state (but expired) or note. */
    private Optional<Alert> identical(String userId, AlertRequest request) {
        return alerts.listByOwner(userId).stream()
                .filter(alert -> alert.state() != AlertState.EXPIRED // an expired one is asked for again
                        && alert.pair().equals(request.pair())
                        && alert.direction() == request.direction()
                        && alert.threshold().compareTo(request.threshold()) == 0
                        && alert.mode() == request.mode()
                        && alert.kind() == request.kind()
                        && java.util.Objects.equals(alert.move(), request.move()))
                .findFirst();
    }

    private static List<List<Button>> buttons(Messages messages, Alert alert) {
        return List.of(List.of(
                new Button(messages.text(Msg.BUTTON_PAUSE), new AlertCallback(AlertCallback.Action.PAUSE, alert.id()).encode()),
                new Button(messages.text(Msg.BUTTON_DELETE), new AlertCallback(AlertCallback.Action.DELETE, alert.id()).encode())));
    }

    /**
     * A redelivered command derives the same id, and the store's create returns the alert it made the first
     * time. Should the derived id already be someone else's or another alert of this user (a 40-bit
     * collision, not a redelivery), a random id is used instead.
     */
    private Alert create(AlertRequest request, Owner owner, User user, String id) {
        Alert requested = requested(request, owner, user, id);
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
        return alerts.create(requested(request, owner, user, ids.next()));
    }

    /** A move alert is always on the mid rate (the parser gives it {@link RateKind#MID}). */
    private Alert requested(AlertRequest request, Owner owner, User user, String id) {
        Instant now = clock.instant();
        return request.toAlert(id, owner, now).expiringAt(request.expiresAt(now, user.zone()));
    }

    private static boolean sameRequest(Alert stored, Alert requested) {
        return stored.pair().equals(requested.pair()) && stored.direction() == requested.direction()
                && stored.threshold().compareTo(requested.threshold()) == 0 && stored.mode() == requested.mode()
                && stored.kind() == requested.kind()
                && java.util.Objects.equals(stored.move(), requested.move());
    }
}
