package dev.fxalert.bot.command;

import java.util.Locale;
import java.util.Optional;

/**
 * A slash command split into its name and arguments: {@code /alert@FxAlertBot USD KRW above 1400} has the name
 * {@code alert}, the addressee {@code FxAlertBot} and the arguments {@code USD KRW above 1400}.
 *
 * @param addressee the bot named after {@code @} (group chats), or null
 */
public record CommandLine(String name, String addressee, String arguments) {

    /** Empty when the text is not a command (does not start with a slash). */
    public static Optional<CommandLine> parse(String text) {
        String stripped = text == null ? "" : text.strip();
        if (!stripped.startsWith("/") || stripped.length() < 2) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(stripped);
        String head = space < 0 ? stripped.substring(1) : stripped.substring(1, space);
        String arguments = space < 0 ? "" : stripped.substring(space).strip();
        String addressee = null;
        int at = head.indexOf('@');
        if (at >= 0) {
            addressee = head.substring(at + 1);
            head = head.substring(0, at);
        }
        return Optional.of(new CommandLine(head.toLowerCase(Locale.ROOT), addressee, arguments));
    }

    /** In a group, {@code /help@OtherBot} is for another bot; without a known own name every command is ours. */
    public boolean isAddressedTo(String botUsername) {
        return addressee == null || addressee.isEmpty() || botUsername == null || botUsername.isBlank()
                || addressee.equalsIgnoreCase(botUsername.startsWith("@") ? botUsername.substring(1) : botUsername);
    }

    public boolean hasArguments() {
        return !arguments.isEmpty();
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
