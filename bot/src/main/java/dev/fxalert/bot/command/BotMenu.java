package dev.fxalert.bot.command;

import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;

import java.util.List;
import java.util.Set;

/** The commands people see in Telegram's menu (published with setMyCommands at start-up) and in /help. */
public final class BotMenu {

    /** A menu line: the command, what it does and a correct use, both from the reader's catalogue. */
    public record Entry(String command, Msg description, Msg example) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("alert", Msg.MENU_ALERT, Msg.EXAMPLE_ALERT),
            new Entry("alerts", Msg.MENU_ALERTS, Msg.EXAMPLE_ALERTS),
            new Entry("rate", Msg.MENU_RATE, Msg.EXAMPLE_RATE),
            new Entry("convert", Msg.MENU_CONVERT, Msg.EXAMPLE_CONVERT),
            new Entry("chart", Msg.MENU_CHART, Msg.EXAMPLE_CHART), // charts (issue 16)
            new Entry("currencies", Msg.MENU_CURRENCIES, Msg.EXAMPLE_CURRENCIES),
            new Entry("sources", Msg.MENU_SOURCES, Msg.EXAMPLE_SOURCES),
            new Entry("pause", Msg.MENU_PAUSE, Msg.EXAMPLE_PAUSE),
            new Entry("resume", Msg.MENU_RESUME, Msg.EXAMPLE_RESUME),
            new Entry("delete", Msg.MENU_DELETE, Msg.EXAMPLE_DELETE),
            new Entry("snooze", Msg.MENU_SNOOZE, Msg.EXAMPLE_SNOOZE), // typed twins of the push buttons (issue 14)
            new Entry("move", Msg.MENU_MOVE, Msg.EXAMPLE_MOVE),
            new Entry("share", Msg.MENU_SHARE, Msg.EXAMPLE_SHARE), // copy-an-alert links (issue 16)
            new Entry("settings", Msg.MENU_SETTINGS, Msg.EXAMPLE_SETTINGS),
            new Entry("lang", Msg.MENU_LANG, Msg.EXAMPLE_LANG),
            new Entry("timezone", Msg.MENU_TIMEZONE, Msg.EXAMPLE_TIMEZONE),
            new Entry("quiet", Msg.MENU_QUIET, Msg.EXAMPLE_QUIET), // quiet hours (issue 15)
            new Entry("digest", Msg.MENU_DIGEST, Msg.EXAMPLE_DIGEST), // daily digest (issue 15)
            new Entry("help", Msg.MENU_HELP, Msg.EXAMPLE_HELP),
            new Entry("start", Msg.MENU_START, Msg.EXAMPLE_START));

    /**
     * Group alerts belong to the group (issue 16): in a group these change its alerts, so only its administrators
     * may use them, and the menu group members see leaves them out ({@link #forGroupMembers()}).
     */
    public static final Set<String> GROUP_ADMIN_COMMANDS =
            Set.of("alert", "pause", "resume", "delete", "snooze", "move"); // snooze, move: issue 14

    /**
     * The chat's settings: in a group, changed (with an argument) by its administrators only, shown (without one) to
     * anyone, so they stay in members' menus.
     */
    public static final Set<String> GROUP_SETTING_COMMANDS = Set.of("lang", "timezone", "quiet", "digest");

    private BotMenu() {
    }

    /** The menu for members of a group who are not its administrators. */
    public static List<Entry> forGroupMembers() {
        return ENTRIES.stream().filter(entry -> !GROUP_ADMIN_COMMANDS.contains(entry.command())).toList();
    }

    static String helpText(Messages messages) {
        StringBuilder text = new StringBuilder(messages.text(Msg.HELP_INTRO)).append('\n');
        for (Entry entry : ENTRIES) {
            text.append('\n').append(messages.text(Msg.HELP_LINE, messages.text(entry.example()),
                    messages.text(entry.description())));
        }
        text.append("\n\n").append(messages.text(Msg.HELP_ALERT_DETAILS));
        text.append("\n").append(messages.text(Msg.HELP_ALERT_MOVE)); // issue 14: percent moves and expiry
        text.append("\n\n").append(messages.text(Msg.HELP_PUSH_ACTIONS));
        text.append("\n\n").append(messages.text(Msg.HELP_SEE_AND_SHARE)); // issue 16
        return text.toString();
    }
}
