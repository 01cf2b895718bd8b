package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /move ID +0.5%: the typed twin of the move-target buttons on a push (issue 14), and what the console shows for
 * them. The new target is rounded to the precision the pair is quoted in, and the alert is armed at it.
 */
final class MoveCommand implements CommandHandler {

    private static final Pattern PERCENT = Pattern.compile("([+\\-\u2212]?)(\\d{1,2}(\\.\\d{1,2})?)\\s*%?");
    private static final BigDecimal MAX_PERCENT = new BigDecimal("50");

    private final AlertActions actions;

    MoveCommand(AlertActions actions) {
        this.actions = actions;
    }

    @Override
    public String name() {
        return "move";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_MOVE;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String[] parts = context.arguments() == null ? new String[0] : context.arguments().strip().split("\\s+", 2);
        String id = AlertIdInput.parse(parts.length == 0 ? "" : parts[0], name());
        BigDecimal percent = percent(parts.length < 2 ? "" : parts[1]);
        return OutgoingMessage.text(context.chatId(),
                actions.move(context.messages(), context.user().id(), id, percent).text());
    }

    /** How a move is typed: {@code +0.5%}, {@code -1%}. */
    static String typed(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : "-") + percent.abs().stripTrailingZeros().toPlainString() + "%";
    }

    static BigDecimal percent(String typed) {
        Matcher matcher = PERCENT.matcher(typed.strip());
        if (matcher.matches()) {
            BigDecimal value = new BigDecimal(matcher.group(2));
            if (value.signum() != 0 && value.compareTo(MAX_PERCENT) <= 0) {
                return matcher.group(1).isEmpty() || matcher.group(1).equals("+") ? value : value.negate();
            }
        }
        throw new InvalidInputException(Msg.MOVE_PERCENT_INVALID);
    }
}
