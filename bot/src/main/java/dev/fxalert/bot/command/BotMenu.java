package dev.fxalert.bot.command;

import java.util.List;

/** The commands people see in Telegram's menu (published with setMyCommands at start-up) and in /help. */
public final class BotMenu {

    public record Entry(String command, String description, String example) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("alert", "Alert me when a rate crosses a number", "/alert USD KRW above 1400"),
            new Entry("alerts", "List my alerts", "/alerts"),
            new Entry("rate", "Latest rate of a pair", "/rate USD KRW"),
            new Entry("convert", "Convert an amount", "/convert 100 USD KRW"),
            new Entry("currencies", "Currencies I can watch, and their sources", "/currencies"),
            new Entry("sources", "My rate sources: what they give and how current", "/sources"),
            new Entry("pause", "Pause an alert", "/pause k3m9x2qa"),
            new Entry("resume", "Resume or re-arm an alert", "/resume k3m9x2qa"),
            new Entry("delete", "Delete an alert", "/delete k3m9x2qa"),
            new Entry("help", "What I understand", "/help"),
            new Entry("start", "Start over", "/start"));

    private BotMenu() {
    }

    static String helpText() {
        StringBuilder text = new StringBuilder("Here is what I understand:\n");
        for (Entry entry : ENTRIES) {
            text.append('\n').append(entry.example()).append(" – ").append(entry.description());
        }
        text.append("\n\n/alert also takes below, over, under, > or <; pairs as USD/KRW or USDKRW; ")
                .append("numbers like 1,400.50; 'once' to fire only once; and a short note at the end, ")
                .append("e.g. /alert EUR USD below 1.05 once summer trip");
        return text.toString();
    }
}
