package dev.fxalert.bot.command;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertIds;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.Owner;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The slash commands, each a small handler. */
final class Commands {

    private Commands() {
    }

    static final class Start implements CommandHandler {
        public String name() { return "start"; }
        public String example() { return "/start"; }

        public OutgoingMessage handle(CommandContext context) {
            String name = context.user().displayName().isBlank() ? "" : " " + context.user().displayName();
            return context.reply("Hi" + name + "! I watch exchange rates and tell you when one reaches your number.\n\n"
                    + "Try:\n"
                    + "/alert USD KRW above 1400 – a push when 1 USD costs 1,400 KRW or more\n"
                    + "/rate USD KRW – the latest rate\n"
                    + "/alerts – your alerts, with buttons to pause or delete them\n"
                    + "/help – everything I understand");
        }
    }

    static final class Help implements CommandHandler {
        public String name() { return "help"; }
        public String example() { return "/help"; }

        public OutgoingMessage handle(CommandContext context) {
            return context.reply(BotMenu.helpText());
        }
    }

    static final class CreateAlert implements CommandHandler {
        private final AlertRequestParser parser = new AlertRequestParser();
        private final AlertIds ids = new AlertIds();
        private final AlertStore alerts;
        private final RateQuotes quotes;
        private final Clock clock;

        CreateAlert(AlertStore alerts, RateQuotes quotes, Clock clock) {
            this.alerts = alerts;
            this.quotes = quotes;
            this.clock = clock;
        }

        public String name() { return "alert"; }
        public String example() { return AlertRequestParser.EXAMPLE; }

        public OutgoingMessage handle(CommandContext context) {
            AlertRequest request = parser.parse(context.arguments());
            Alert alert = alerts.create(Alert.create(ids.next(), new Owner(context.user().id(), context.chatId()),
                    request.pair(), request.direction(), request.threshold(), request.mode(), request.note(),
                    clock.instant()));
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
    }

    static final class ListAlerts implements CommandHandler {
        private final AlertStore alerts;

        ListAlerts(AlertStore alerts) {
            this.alerts = alerts;
        }

        public String name() { return "alerts"; }
        public String example() { return "/alerts 2"; }

        public OutgoingMessage handle(CommandContext context) {
            int page = 1;
            String typed = context.arguments().strip();
            if (!typed.isEmpty()) {
                if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) < 1) {
                    throw new InvalidInputException("'" + NumberInput.abbreviate(typed) + "' is not a page number.");
                }
                page = Integer.parseInt(typed);
            }
            return AlertsView.render(context.chatId(), alerts.listByOwner(context.user().id()), page);
        }
    }

    static final class AlertAction implements CommandHandler {
        private final AlertCallback.Action action;
        private final AlertActions actions;

        AlertAction(AlertCallback.Action action, AlertActions actions) {
            this.action = action;
            this.actions = actions;
        }

        public String name() { return action.name().toLowerCase(java.util.Locale.ROOT); }
        public String example() { return "/" + name() + " k3m9x2qa"; }

        public OutgoingMessage handle(CommandContext context) {
            String id = AlertIdInput.parse(context.arguments(), name());
            String userId = context.user().id();
            return context.reply(switch (action) {
                case PAUSE -> actions.pause(userId, id);
                case RESUME, REARM -> actions.resume(userId, id);
                case DELETE -> actions.delete(userId, id);
            });
        }
    }

    static final class ShowRate implements CommandHandler {
        private final RateQuotes quotes;
        private final Clock clock;

        ShowRate(RateQuotes quotes, Clock clock) {
            this.quotes = quotes;
            this.clock = clock;
        }

        public String name() { return "rate"; }
        public String example() { return "/rate USD KRW"; }

        public OutgoingMessage handle(CommandContext context) {
            List<String> tokens = AlertRequestParser.tokens(context.arguments());
            if (tokens.isEmpty()) {
                throw new InvalidInputException("Tell me which pair.");
            }
            PairInput.Parsed parsed = PairInput.parse(tokens, 0, List.of("to", "in"));
            if (parsed.tokensUsed() < tokens.size()) {
                throw new InvalidInputException("I did not understand '" + NumberInput.abbreviate(
                        String.join(" ", tokens.subList(parsed.tokensUsed(), tokens.size()))) + "' after the pair.");
            }
            return context.reply(quotes.current(parsed.pair())
                    .map(rate -> "1 " + rate.pair().base() + " = " + Formats.number(rate.value()) + " "
                            + rate.pair().quote() + " (" + rate.provider() + ", "
                            + Formats.age(rate.observedAt(), clock.instant()) + ")")
                    .orElse("I have no rate for " + parsed.pair() + " yet; I'm fetching it now, ask again in a few minutes."));
        }
    }

    static final class Convert implements CommandHandler {
        private final ConvertRequestParser parser = new ConvertRequestParser();
        private final RateQuotes quotes;
        private final Clock clock;

        Convert(RateQuotes quotes, Clock clock) {
            this.quotes = quotes;
            this.clock = clock;
        }

        public String name() { return "convert"; }
        public String example() { return ConvertRequestParser.EXAMPLE; }

        public OutgoingMessage handle(CommandContext context) {
            ConvertRequest request = parser.parse(context.arguments());
            return context.reply(quotes.current(request.pair())
                    .map(rate -> Formats.number(request.amount()) + " " + request.pair().base() + " = "
                            + Formats.number(converted(request.amount(), rate.value())) + " " + request.pair().quote()
                            + " (at " + Formats.rateWithSource(rate, clock.instant()) + ")")
                    .orElse("I have no rate for " + request.pair() + " yet; I'm fetching it now, ask again in a few minutes."));
        }

        /** Two decimals like money; more for small results, so 1 KRW in USD does not read as 0. */
        static BigDecimal converted(BigDecimal amount, BigDecimal rate) {
            BigDecimal exact = amount.multiply(rate);
            if (exact.abs().compareTo(BigDecimal.ONE) >= 0) {
                return exact.setScale(2, RoundingMode.HALF_EVEN);
            }
            return exact.round(new MathContext(4, RoundingMode.HALF_EVEN));
        }
    }
}
