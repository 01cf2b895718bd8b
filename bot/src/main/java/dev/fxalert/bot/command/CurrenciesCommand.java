package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.OutgoingMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * /currencies: the currencies /alert accepts, grouped by the sources that quote them (in failover order), so
 * people see why a pair is refused and which source a rate comes from. {@code /currencies VND} answers for one code.
 */
final class CurrenciesCommand implements CommandHandler {

    private final CurrencyCatalogue catalogue;

    CurrenciesCommand(CurrencyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String name() {
        return "currencies";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_CURRENCIES_ONE;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        List<String> tokens = AlertRequestParser.tokens(context.arguments());
        if (tokens.size() > 1) {
            throw new InvalidInputException(Msg.CURRENCIES_TOO_MANY);
        }
        if (tokens.size() == 1) {
            return OutgoingMessage.text(context.chatId(), one(context.messages(), tokens.get(0).toUpperCase(Locale.ROOT)));
        }
        return OutgoingMessage.text(context.chatId(), all(context.messages()));
    }

    private String one(Messages messages, String code) {
        if (!code.matches("[A-Z]{3}")) {
            throw new InvalidInputException(Msg.CURRENCIES_BAD_CODE, NumberInput.abbreviate(code));
        }
        List<String> sources = catalogue.sources(code);
        if (sources.isEmpty()) {
            return messages.text(Msg.CURRENCIES_UNQUOTED, code, catalogue.all().size());
        }
        return messages.text(Msg.CURRENCIES_ONE, code, String.join(", ", sources), messages.text(Msg.EXAMPLE_ALERT));
    }

    /**
     * One paragraph per group of sources, widest coverage first, e.g. {@code frankfurter + open-er-api (30): AUD,
     * BRL, ...}; five characters a code, so Telegram's 4,096 characters hold some 700 codes.
     */
    private String all(Messages messages) {
        Map<List<String>, SortedSet<String>> bySources = new LinkedHashMap<>();
        for (String code : catalogue.all()) {
            bySources.computeIfAbsent(catalogue.sources(code), s -> new TreeSet<>()).add(code);
        }
        List<Map.Entry<List<String>, SortedSet<String>>> groups = new ArrayList<>(bySources.entrySet());
        groups.sort((a, b) -> Integer.compare(b.getKey().size(), a.getKey().size())); // widest coverage first
        StringBuilder text = new StringBuilder(messages.text(Msg.CURRENCIES_HEADER, catalogue.all().size()));
        for (Map.Entry<List<String>, SortedSet<String>> group : groups) {
            text.append("\n\n").append(String.join(" + ", group.getKey())).append(" (")
                    .append(group.getValue().size()).append("): ").append(String.join(", ", group.getValue()));
        }
        return text.toString();
    }
}
