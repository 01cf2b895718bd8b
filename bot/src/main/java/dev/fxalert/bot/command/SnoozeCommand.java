package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /snooze ID 1h: the typed twin of the Snooze buttons on a push (issue 14), and what the console shows for them.
 * From 1 hour to 7 days: {@code 1h}..{@code 48h}, {@code 1d}..{@code 7d}.
 */
final class SnoozeCommand implements CommandHandler {

    private static final Pattern LENGTH = Pattern.compile("(\\d{1,2})\\s*([hd])");
    private static final int MAX_HOURS = 48;
    private static final int MAX_DAYS = 7;

    private final AlertActions actions;

    SnoozeCommand(AlertActions actions) {
        this.actions = actions;
    }

    @Override
    public String name() {
        return "snooze";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_SNOOZE;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        String[] parts = context.arguments() == null ? new String[0] : context.arguments().strip().split("\\s+", 2);
        String id = AlertIdInput.parse(parts.length == 0 ? "" : parts[0], name());
        Duration length = length(parts.length < 2 ? "" : parts[1]);
        return OutgoingMessage.text(context.chatId(), actions.snooze(context.messages(), context.user(), id, length).text());
    }

    /** How a length is typed: {@code 1d}, {@code 1h}. */
    static String typed(Duration length) {
        return length.toHours() % 24 == 0 ? String.valueOf(length.toDays()) + 'd' : String.valueOf(length.toHours()) + 'h';
    }

    static Duration length(String typed) {
        Matcher matcher = LENGTH.matcher(typed.strip().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            int count = Integer.parseInt(matcher.group(1));
            boolean hours = matcher.group(2).charAt(0) == 'h';
            if (count >= 1 && count <= (hours ? MAX_HOURS : MAX_DAYS)) {
                return hours ? Duration.ofHours(count) : Duration.ofDays(count);
            }
        }
        throw new InvalidInputException(Msg.SNOOZE_DURATION_INVALID);
    }
}
