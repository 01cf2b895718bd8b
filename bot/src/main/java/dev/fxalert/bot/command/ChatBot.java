package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertLimitExceededException;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.AlertStore;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.core.port.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation, independent of how messages arrive: routes a message to its command, links the chat to a
 * user, guards against floods, and turns every refusal or failure into a specific reply. Thread-safe.
 */
public final class ChatBot {

    private static final Logger log = LoggerFactory.getLogger(ChatBot.class);
    static final String SLOW_DOWN = "You're sending commands faster than I can keep up with (at most %d a minute). "
            + "Please wait a minute and try again.";
    static final String INTERNAL_ERROR = "Sorry, something went wrong on my side. Please try again in a minute.";

    private final UserStore users;
    private final AlertActions actions;
    private final AlertStore alerts;
    private final ChatRateLimiter limiter;
    private final BotSettings settings;
    private final Map<String, CommandHandler> handlers = new LinkedHashMap<>();

    /** @param catalogue the currencies the configured rate sources quote: what /alert accepts and /currencies lists */
    public ChatBot(UserStore users, AlertStore alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, Clock clock, BotSettings settings) {
        this(users, alerts, history, lookup, catalogue, RateSources.none(), clock, settings);
    }

    /**
     * @param catalogue the currencies the configured rate sources quote: what /alert accepts and /currencies lists
     * @param sources   what /rate says a number is, why there is none, and what /sources lists
     */
    public ChatBot(UserStore users, AlertStore alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, RateSources sources, Clock clock, BotSettings settings) {
        this.users = users;
        this.alerts = alerts;
        this.actions = new AlertActions(alerts);
        this.limiter = new ChatRateLimiter(settings.commandsPerMinute(), clock);
        this.settings = settings;
        RateQuotes quotes = new RateQuotes(history, lookup, clock, settings.rateFreshness());
        register(new StartCommand());
        register(new HelpCommand());
        register(new AlertCommand(alerts, quotes, catalogue, clock));
        register(new AlertsCommand(alerts));
        register(new AlertActionCommand(AlertCallback.Action.PAUSE, actions));
        register(new AlertActionCommand(AlertCallback.Action.RESUME, actions));
        register(new AlertActionCommand(AlertCallback.Action.DELETE, actions));
        SourceReport report = new SourceReport(catalogue, sources, clock);
        register(new RateCommand(quotes, report));
        register(new ConvertCommand(quotes, clock, report));
        register(new CurrenciesCommand(catalogue));
        register(new SourcesCommand(report));
    }

    private void register(CommandHandler handler) {
        handlers.put(handler.name(), handler);
    }

    /** Empty when the chat may be answered; otherwise what to answer instead (one notice, then nothing). */
    private Optional<List<OutgoingMessage>> refusal(long chatId) {
        return switch (limiter.check(chatId)) {
            case REFUSED_FIRST -> Optional.of(List.of(OutgoingMessage.text(chatId, SLOW_DOWN.formatted(limiter.perMinute()))));
            case REFUSED_AGAIN -> Optional.of(List.of());
            case ALLOWED -> Optional.empty();
        };
    }

    /** The replies to one message: usually one, none for group chatter or commands meant for another bot. */
    public List<OutgoingMessage> handle(IncomingMessage message) {
        long chatId = message.chatId();
        Optional<CommandLine> parsed = CommandLine.parse(message.text());
        if (parsed.isEmpty()) {
            if (!message.privateChat()) {
                return List.of();
            }
            // Plain text gets an answer too, so it counts against the same limit: a flood of it must not become
            // a flood of replies competing with alert pushes for the bot's 30 messages a second.
            Optional<List<OutgoingMessage>> refused = refusal(chatId);
            return refused.orElseGet(() -> List.of(OutgoingMessage.text(chatId,
                    "I understand commands that start with a slash, like " + AlertRequestParser.EXAMPLE
                            + ". /help lists them all.")));
        }
        CommandLine command = parsed.get();
        if (!command.isAddressedTo(settings.botUsername())) {
            return List.of();
        }
        Optional<List<OutgoingMessage>> refused = refusal(chatId);
        if (refused.isPresent()) {
            return refused.get();
        }
        int length = message.text().strip().codePointCount(0, message.text().strip().length());
        if (length > BotSettings.MAX_TEXT_LENGTH) {
            return List.of(OutgoingMessage.text(chatId, "That message is " + length + " characters long; commands "
                    + "can be at most " + BotSettings.MAX_TEXT_LENGTH + ". Example: " + AlertRequestParser.EXAMPLE));
        }
        CommandHandler handler = handlers.get(command.name());
        if (handler == null) {
            return List.of(OutgoingMessage.text(chatId, "I don't know /" + NumberInput.abbreviate(command.name())
                    + ". /help lists what I understand."));
        }
        try {
            User user = linkedUser(chatId, message.displayName(), message.language(), handler.name().equals("start"));
            return List.of(handler.handle(new CommandContext(user, chatId, command.arguments(), message)));
        } catch (AlertLimitExceededException e) {
            return List.of(OutgoingMessage.text(chatId, e.getMessage()));
        } catch (InvalidInputException e) {
            return List.of(OutgoingMessage.text(chatId, refusal(e.getMessage(), handler.example())));
        } catch (RuntimeException e) {
            log.error("Command /{} in chat {} failed", handler.name(), chatId, e);
            return List.of(OutgoingMessage.text(chatId, INTERNAL_ERROR));
        }
    }

    /** Answers a button press; always returns an answer, so the client's spinner always stops. */
    public CallbackOutcome handle(IncomingCallback callback) {
        long chatId = callback.chatId();
        if (limiter.check(chatId) != ChatRateLimiter.Verdict.ALLOWED) {
            return CallbackOutcome.answerOnly("Too many presses; please wait a minute.");
        }
        try {
            User user = linkedUser(chatId, callback.displayName(), callback.language(), false);
            AlertCallback action = AlertCallback.decode(callback.data());
            if (action != null) {
                String text = switch (action.action()) {
                    case PAUSE -> actions.pause(user.id(), action.alertId());
                    case RESUME, REARM -> actions.resume(user.id(), action.alertId());
                    case DELETE -> actions.delete(user.id(), action.alertId());
                };
                return new CallbackOutcome(firstSentence(text), List.of(OutgoingMessage.text(chatId, text)));
            }
            int page = AlertsView.decodePage(callback.data());
            if (page > 0) {
                try {
                    return new CallbackOutcome("", List.of(AlertsView.render(chatId, alerts.listByOwner(user.id()), page)));
                } catch (InvalidInputException e) {
                    return CallbackOutcome.answerOnly("That page is gone; send /alerts for a fresh list.");
                }
            }
            return CallbackOutcome.answerOnly("This button no longer works; send /alerts for fresh ones.");
        } catch (RuntimeException e) {
            log.error("Button press in chat {} failed", chatId, e);
            return CallbackOutcome.answerOnly(INTERNAL_ERROR);
        }
    }

    private User linkedUser(long chatId, String displayName, String language, boolean relink) {
        if (!relink) {
            Optional<User> known = users.findByChatId(chatId);
            if (known.isPresent() && known.get().active()) {
                return known.get();
            }
        }
        return users.linkChat(chatId, displayName, language);
    }

    static String refusal(String problem, String example) {
        return problem.contains("Example:") ? problem : problem + "\nExample: " + example;
    }

    /** Telegram shows at most 200 characters in a callback answer; the first sentence says what happened. */
    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String first = end < 0 ? text : text.substring(0, end + 1);
        return first.length() <= 190 ? first : first.substring(0, 190) + "…";
    }
}
