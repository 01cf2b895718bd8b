package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.AlertLimitExceededException;
import dev.fxalert.core.domain.ChartCallback;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.ChatDrafts;
import dev.fxalert.core.port.OwnerAlerts;
import dev.fxalert.core.port.ChatAdministrators;
import dev.fxalert.core.port.ChatChanges;
import dev.fxalert.core.port.CurrencyCatalogue;
import dev.fxalert.core.port.RateSources;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.RateHistory;
import dev.fxalert.core.port.RateLookup;
import dev.fxalert.core.port.UserStore;
import dev.fxalert.evaluation.message.PushMessages;
import dev.fxalert.ingestion.HistoryBackfill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
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
    /** Between a push's own text and what a press on it did (a push's text has no blank line of its own). */
    private static final String PUSH_STATUS_SEPARATOR = "\n\n";

    private final UserStore users;
    private final AlertActions actions;
    private final OwnerAlerts alerts;
    private final ChatRateLimiter limiter;
    private final Clock clock;
    private final BotSettings settings;
    private final Map<String, CommandHandler> handlers = new LinkedHashMap<>();
    private final SettingsCommand settingsCommand;
    private final AlertCommand alertCommand;
    private final ShareCommand shareCommand;
    private final InlineRateCards inlineCards;
    /** Daily digest (issue 15): where /digest puts the user's schedule; null until the runtime provides one. */
    private volatile dev.fxalert.core.port.ScheduleManager digestSchedules;
    /** Its schedule group: the stack's own on AWS (DIGEST_SCHEDULE_GROUP). */
    private volatile String digestGroup = dev.fxalert.core.digest.DigestSchedules.GROUP;
    private final CommandObserver observer;
    private final ChartCommand chartCommand;
    /** Guided creation (issue 14), or null when the bot has no draft store. */
    private final GuidedAlert guided;
    /** Quiet hours released (issue 15, branch quiet15b): what a change of quiet hours or zone does to held pushes. */
    private final HeldPushes heldPushes;

    /** @param catalogue the currencies the configured rate sources quote: what /alert accepts and /currencies lists */
    public ChatBot(UserStore users, OwnerAlerts alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, Clock clock, BotSettings settings) {
        this(users, alerts, history, lookup, catalogue, RateSources.none(), clock, settings, CommandObserver.NONE);
    }

    /** As the full constructor, telling nobody how commands ended. */
    public ChatBot(UserStore users, OwnerAlerts alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, RateSources sources, Clock clock, BotSettings settings) {
        this(users, alerts, history, lookup, catalogue, sources, clock, settings, CommandObserver.NONE);
    }

    /** As the full constructor, with no rate-source status (/rate then cannot say why a rate is missing). */
    public ChatBot(UserStore users, OwnerAlerts alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, Clock clock, BotSettings settings, CommandObserver observer) {
        this(users, alerts, history, lookup, catalogue, RateSources.none(), clock, settings, observer);
    }

    /** As the full constructor, without charts (/chart says they are not available). */
    public ChatBot(UserStore users, OwnerAlerts alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, RateSources sources, Clock clock, BotSettings settings,
                   CommandObserver observer) {
        this(users, alerts, history, lookup, catalogue, sources, clock, settings, observer, Charts.none());
    }

    /** As the full constructor, without guided creation (no draft store: {@code /alert} alone is refused). */
    public ChatBot(UserStore users, OwnerAlerts alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, RateSources sources, Clock clock, BotSettings settings,
                   CommandObserver observer, Charts charts) {
        this(users, alerts, history, lookup, catalogue, sources, clock, settings, observer, charts, null);
    }

    /**
     * As the full constructor, without charts, with guided creation (issue 14): {@code /alert} alone walks through
     * pair, direction and threshold with buttons, the draft kept in {@code drafts}.
     */
    public ChatBot(UserStore users, OwnerAlerts alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, RateSources sources, Clock clock, BotSettings settings,
                   CommandObserver observer, ChatDrafts drafts) {
        this(users, alerts, history, lookup, catalogue, sources, clock, settings, observer, Charts.none(), drafts);
    }

    /**
     * The full constructor.
     *
     * @param catalogue the currencies the configured rate sources quote: what /alert accepts and /currencies lists
     * @param sources   what /rate says a number is, why there is none, and what /sources lists
     * @param observer  told how every command and button press ended: the local app counts them (metrics), the
     *                  webhook turns {@link CommandObserver.Outcome#ERROR} (the user got {@link Msg#CHAT_INTERNAL_ERROR})
     *                  into a metric an alarm watches
     * @param charts    how /chart draws and where a pair's past rates come from (issue 16)
     * @param drafts    guided creation (issue 14): {@code /alert} alone walks through pair, direction and threshold
     *                  with buttons, the draft kept here (the store, so the webhook Lambda can continue it); null
     *                  for none ({@code /alert} alone is then refused with an example, as before)
     */
    public ChatBot(UserStore users, OwnerAlerts alerts, RateHistory history, RateLookup lookup,
                   CurrencyCatalogue catalogue, RateSources sources, Clock clock, BotSettings settings,
                   CommandObserver observer, Charts charts, ChatDrafts drafts) {
        this.observer = observer;
        this.users = users;
        this.alerts = alerts;
        this.actions = new AlertActions(alerts, clock);
        this.limiter = new ChatRateLimiter(settings.commandsPerMinute(), clock);
        this.clock = clock;
        this.settings = settings;
        RateQuotes quotes = new RateQuotes(history, lookup, clock, settings.rateFreshness());
        register(new StartCommand());
        register(new HelpCommand());
        // History backfill (issue 16): one per bot, shared by /chart and, on first watch, by alert creation.
        HistoryBackfill backfill = new HistoryBackfill(history, charts.past(), clock);
        java.util.function.Consumer<CurrencyPair> watched = charts.backfills() == null ? pair -> { }
                : pair -> backfill.ensureYearInBackground(pair, charts.backfills());
        this.alertCommand = new AlertCommand(alerts, quotes, catalogue, clock, watched);
        this.guided = drafts == null ? null : new GuidedAlert(drafts, alerts, quotes, catalogue, alertCommand, clock);
        register(guided == null ? alertCommand : new GuidedOrTyped(alertCommand, guided));
        register(new AlertsCommand(alerts, clock));
        register(new AlertActionCommand(AlertCallback.Action.PAUSE, actions));
        register(new AlertActionCommand(AlertCallback.Action.RESUME, actions));
        register(new AlertActionCommand(AlertCallback.Action.DELETE, actions));
        register(new SnoozeCommand(actions));
        register(new MoveCommand(actions));
        SourceReport report = new SourceReport(catalogue, sources, clock);
        register(new RateCommand(quotes, report));
        register(new ConvertCommand(quotes, clock, report));
        register(new CurrenciesCommand(catalogue));
        register(new LangCommand(users));
        this.heldPushes = new HeldPushes(alerts, clock); // quiet hours released (issue 15, branch quiet15b)
        DigestCommand digest = new DigestCommand(users, () -> digestSchedules, () -> digestGroup); // daily digest (issue 15)
        register(new TimezoneCommand(users, clock, heldPushes, digest));
        register(new QuietCommand(users, heldPushes)); // quiet hours (issue 15)
        register(digest);
        this.settingsCommand = new SettingsCommand(users, clock, digest, heldPushes);
        register(settingsCommand);
        register(new SourcesCommand(report));
        // --- charts (issue 16) ---
        this.chartCommand = new ChartCommand(history, alerts, charts, backfill, clock);
        register(chartCommand);
        // Inline rate cards (issue 16).
        this.inlineCards = new InlineRateCards(quotes, report, clock);
        // Copy-an-alert links (issue 16).
        this.shareCommand = new ShareCommand(alerts, settings.botUsername());
        register(shareCommand);
    }

    /**
     * Daily digest (issue 15): /digest creates, replaces and deletes the user's schedule on {@code schedules}
     * (the local scheduler, or EventBridge Scheduler on AWS).
     */
    public void scheduleDigestsWith(dev.fxalert.core.port.ScheduleManager schedules) {
        scheduleDigestsWith(schedules, dev.fxalert.core.digest.DigestSchedules.GROUP);
    }

    /** {@link #scheduleDigestsWith(dev.fxalert.core.port.ScheduleManager)} in the given schedule group (AWS). */
    public void scheduleDigestsWith(dev.fxalert.core.port.ScheduleManager schedules, String group) {
        this.digestGroup = group;
        this.digestSchedules = schedules;
    }

    /**
     * Quiet hours released (issue 15, branch quiet15b): when /quiet off, new quiet hours or a new zone make pushes
     * already held due again, {@code delivery} is woken, the same signal evaluation gives after recording pushes
     * (locally the delivery worker, on AWS an asynchronous Invoke of the Delivery function). Without one, the
     * released pushes wait for the next sweep.
     */
    public void wakeDeliveryWith(dev.fxalert.evaluation.DeliveryTrigger delivery) {
        heldPushes.wakeWith(delivery);
    }

    /** The commands this bot answers (tests: the language walk must cover each). */
    java.util.Set<String> commandNames() {
        return java.util.Set.copyOf(handlers.keySet());
    }

    private void register(CommandHandler handler) {
        handlers.put(handler.name(), handler);
    }

    /**
     * Empty when the chat may be answered; otherwise what to answer instead: once per episode, when commands are
     * accepted again (in the user's zone), then nothing until then.
     */
    private Optional<List<OutgoingMessage>> refusal(long chatId, String telegramLanguage) {
        ChatRateLimiter.Decision decision = limiter.check(chatId);
        return switch (decision.verdict()) {
            case REFUSED_FIRST -> {
                Optional<User> known = storedUser(chatId);
                Messages messages = messagesFor(known, telegramLanguage);
                long seconds = Math.max(1, (Duration.between(clock.instant(), decision.acceptedFrom()).toMillis() + 999) / 1000);
                yield Optional.of(List.of(OutgoingMessage.text(chatId, messages.text(Msg.CHAT_SLOW_DOWN,
                        limiter.perMinute(), Messages.timeOfDay(decision.acceptedFrom(), zoneOf(known)), seconds))));
            }
            case REFUSED_AGAIN -> Optional.of(List.of());
            case ALLOWED -> Optional.empty();
        };
    }

    /** The replies to one message from a transport without groups (the console): the sender may do anything. */
    public List<OutgoingMessage> handle(IncomingMessage message) {
        return handle(message, ChatAdministrators.EVERYONE);
    }

    /**
     * The replies to one message: usually one, none for group chatter or commands meant for another bot.
     *
     * @param administrators asked only when a group member sends a command that changes the group's alerts
     */
    public List<OutgoingMessage> handle(IncomingMessage message, ChatAdministrators administrators) {
        long chatId = message.chatId();
        Optional<CommandLine> parsed = CommandLine.parse(message.text());
        if (parsed.isEmpty()) {
            if (!message.privateChat()) {
                return List.of();
            }
            // Plain text gets an answer too, so it counts against the same limit: a flood of it must not become
            // a flood of replies competing with alert pushes for the bot's 30 messages a second.
            Optional<List<OutgoingMessage>> refused = refusal(chatId, message.language());
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<List<OutgoingMessage>> draftStep = draftStep(message);
            if (draftStep.isPresent()) {
                return draftStep.get();
            }
            Messages messages = messagesFor(chatId, message.language());
            return List.of(OutgoingMessage.text(chatId,
                    messages.text(Msg.CHAT_NOT_A_COMMAND, messages.text(Msg.EXAMPLE_ALERT))));
        }
        CommandLine command = parsed.get();
        if (!command.isAddressedTo(settings.botUsername())) {
            return List.of();
        }
        Optional<List<OutgoingMessage>> refused = refusal(chatId, message.language());
        if (refused.isPresent()) {
            observe(handlers.containsKey(command.name()) ? command.name() : "unknown", CommandObserver.Outcome.RATE_LIMITED);
            return refused.get();
        }
        int length = message.text().strip().codePointCount(0, message.text().strip().length());
        if (length > BotSettings.MAX_TEXT_LENGTH) {
            observe(handlers.containsKey(command.name()) ? command.name() : "unknown", CommandObserver.Outcome.REFUSED);
            Messages messages = messagesFor(chatId, message.language());
            return List.of(OutgoingMessage.text(chatId, messages.text(Msg.CHAT_TOO_LONG, length,
                    BotSettings.MAX_TEXT_LENGTH, messages.text(Msg.EXAMPLE_ALERT))));
        }
        CommandHandler handler = handlers.get(command.name());
        if (handler == null) {
            observe("unknown", CommandObserver.Outcome.UNKNOWN);
            return List.of(OutgoingMessage.text(chatId, messagesFor(chatId, message.language())
                    .text(Msg.CHAT_UNKNOWN_COMMAND, NumberInput.abbreviate(command.name()))));
        }
        Messages messages = Messages.forCode(message.language());
        try {
            User user = linkedUser(chatId, message.displayName(), message.language(), handler.name().equals("start"));
            messages = Messages.forCode(user.language());
            if (handler.changesChat(command.arguments()) && !mayChangeAlerts(administrators, message.privateChat(), chatId,
                    message.senderId())) {
                observe(handler.name(), CommandObserver.Outcome.REFUSED);
                return List.of(OutgoingMessage.text(chatId, messages.text(Msg.GROUP_ADMINS_ONLY)));
            }
            OutgoingMessage reply = handler.handle(new CommandContext(user, chatId, command.arguments(), message, messages));
            observe(handler.name(), CommandObserver.Outcome.OK);
            return List.of(reply);
        } catch (AlertLimitExceededException e) {
            observe(handler.name(), CommandObserver.Outcome.REFUSED);
            return List.of(OutgoingMessage.text(chatId, messages.text(e)));
        } catch (InvalidInputException e) {
            observe(handler.name(), CommandObserver.Outcome.REFUSED);
            return List.of(OutgoingMessage.text(chatId, refusal(messages, messages.text(e), handler.example())));
        } catch (RuntimeException e) {
            log.error("Command /{} in chat {} failed", handler.name(), chatId, e);
            observe(handler.name(), CommandObserver.Outcome.ERROR);
            return List.of(OutgoingMessage.text(chatId, messages.text(Msg.CHAT_INTERNAL_ERROR)));
        }
    }

    /**
     * Issue 14: text typed while the chat's guided creation waits is the answer to its step (a refusal says what
     * was wrong, with the /alert example). Empty when the chat has no live draft (or no user yet).
     */
    private Optional<List<OutgoingMessage>> draftStep(IncomingMessage message) {
        if (guided == null) {
            return Optional.empty();
        }
        long chatId = message.chatId();
        Messages messages = Messages.forCode(message.language());
        try {
            Optional<User> known = users.findByChatId(chatId).filter(User::active);
            if (known.isEmpty()) {
                return Optional.empty();
            }
            messages = Messages.forCode(known.get().language());
            Optional<OutgoingMessage> reply = guided.typed(known.get(), message, messages);
            reply.ifPresent(r -> observe("alert", CommandObserver.Outcome.OK));
            return reply.map(List::of);
        } catch (AlertLimitExceededException e) {
            observe("alert", CommandObserver.Outcome.REFUSED);
            return Optional.of(List.of(OutgoingMessage.text(chatId, messages.text(e))));
        } catch (InvalidInputException e) {
            observe("alert", CommandObserver.Outcome.REFUSED);
            return Optional.of(List.of(OutgoingMessage.text(chatId, refusal(messages, messages.text(e), Msg.EXAMPLE_ALERT))));
        } catch (RuntimeException e) {
            log.error("Guided creation step in chat {} failed", chatId, e);
            observe("alert", CommandObserver.Outcome.ERROR);
            return Optional.of(List.of(OutgoingMessage.text(chatId, messages.text(Msg.CHAT_INTERNAL_ERROR))));
        }
    }

    /** Answers a button press from a transport without groups (the console). */
    public CallbackOutcome handle(IncomingCallback callback) {
        return handle(callback, ChatAdministrators.EVERYONE);
    }

    /**
     * Answers a button press; always returns an answer, so the client's spinner always stops.
     *
     * @param administrators asked only when a group member presses a button that changes the group's alerts
     */
    public CallbackOutcome handle(IncomingCallback callback, ChatAdministrators administrators) {
        long chatId = callback.chatId();
        ChatRateLimiter.Decision decision = limiter.check(chatId);
        if (!decision.allowed()) {
            // A press is always answered (the client's spinner), so every refused one says when.
            observe("button", CommandObserver.Outcome.RATE_LIMITED);
            Optional<User> known = storedUser(chatId);
            return CallbackOutcome.answerOnly(messagesFor(known, callback.language()).text(Msg.CALLBACK_TOO_MANY,
                    Messages.timeOfDay(decision.acceptedFrom(), zoneOf(known))));
        }
        Messages messages = Messages.forCode(callback.language());
        try {
            User user = linkedUser(chatId, callback.displayName(), callback.language(), false);
            messages = Messages.forCode(user.language());
            AlertCallback action = AlertCallback.decode(callback.data());
            Optional<AlertRequest> copy = AlertLink.decodeCreate(callback.data());
            boolean guidedStep = callback.data() != null && callback.data().startsWith(GuidedAlert.PREFIX);
            boolean changesAlerts = copy.isPresent() || guidedStep || SettingsCommand.isChange(callback.data())
                    || action != null && action.action() != AlertCallback.Action.SHARE;
            if (changesAlerts && !mayChangeAlerts(administrators, callback.privateChat(), chatId, callback.senderId())) {
                observe("button", CommandObserver.Outcome.REFUSED);
                return CallbackOutcome.answerOnly(firstSentence(messages.text(Msg.GROUP_ADMINS_ONLY)));
            }
            if (action != null) {
                AlertActions.Done done = switch (action.action()) {
                    case PAUSE -> actions.pause(messages, user.id(), action.alertId());
                    case RESUME, REARM -> actions.resume(messages, user.id(), action.alertId());
                    case DELETE -> actions.delete(messages, user.id(), action.alertId());
                    case SHARE -> new AlertActions.Done(shareCommand.text(messages, user.id(), action.alertId()),
                            Optional.empty());
                    case SNOOZE_1H, SNOOZE_1D -> actions.snooze(messages, user, action.alertId(), action.action().snooze());
                    case DOWN_1, DOWN_05, UP_05, UP_1 ->
                            actions.move(messages, user.id(), action.alertId(), action.action().percent());
                };
                String text = done.text();
                observe("button", CommandObserver.Outcome.OK);
                if (action.onPush()) {
                    return CallbackOutcome.edit(firstSentence(text), editedPush(callback, action, done, messages));
                }
                return new CallbackOutcome(firstSentence(text), List.of(OutgoingMessage.text(chatId, text)));
            }
            ChartCallback chart = ChartCallback.decode(callback.data());
            if (chart != null) {
                OutgoingMessage picture = chartCommand.chart(user, chatId, messages, chart.pair(), chart.period());
                observe("button", CommandObserver.Outcome.OK);
                return new CallbackOutcome("", List.of(picture));
            }
            if (copy.isPresent()) {
                return copy(messages, user, chatId, copy.get());
            }
            if (guided != null) {
                Optional<CallbackOutcome> step = guided.press(user, callback, messages);
                if (step.isPresent()) {
                    observe("button", CommandObserver.Outcome.OK);
                    return step.get();
                }
            }
            Optional<OutgoingMessage> settings = settingsCommand.press(user, chatId, callback.data());
            if (settings.isPresent()) {
                return new CallbackOutcome("", List.of(settings.get()));
            }
            int page = AlertsView.decodePage(callback.data());
            if (page > 0) {
                try {
                    CallbackOutcome outcome = new CallbackOutcome("", List.of(
                            AlertsView.render(messages, chatId, alerts.listByOwner(user.id()), page, user.zone(),
                                    clock.instant())));
                    observe("button", CommandObserver.Outcome.OK);
                    return outcome;
                } catch (InvalidInputException e) {
                    observe("button", CommandObserver.Outcome.REFUSED);
                    return CallbackOutcome.answerOnly(messages.text(Msg.CALLBACK_PAGE_GONE));
                }
            }
            observe("button", CommandObserver.Outcome.REFUSED);
            return CallbackOutcome.answerOnly(messages.text(Msg.CALLBACK_STALE));
        } catch (RuntimeException e) {
            log.error("Button press in chat {} failed", chatId, e);
            observe("button", CommandObserver.Outcome.ERROR);
            return CallbackOutcome.answerOnly(messages.text(Msg.CHAT_INTERNAL_ERROR));
        }
    }

    /**
     * What happened to a chat the bot is in (issue 16): a group that became a supergroup keeps its alerts; a group
     * the bot was removed from has its alerts paused (nothing could reach it); added back, the group is told its
     * alerts are paused and how to resume them. Returns what to send (at most one message).
     */
    public List<OutgoingMessage> handle(ChatMembershipChange change) {
        Optional<User> known = users.findByChatId(change.chatId());
        if (known.isEmpty()) {
            return List.of(); // a chat that never used a command has no alerts to look after
        }
        User user = known.get();
        switch (change.kind()) {
            case MIGRATED -> {
                if (!ChatChanges.moveChat(users, alerts, user.id(), change.newChatId())) {
                    log.warn("Chat {} became {}, but another user has that chat; alerts of {} left where they were",
                            change.chatId(), change.newChatId(), user.id());
                }
                return List.of();
            }
            case REMOVED -> {
                int paused = ChatChanges.chatGone(users, alerts, user.id());
                log.info("Removed from chat {}: user {} inactive, {} alerts paused", change.chatId(), user.id(), paused);
                return List.of();
            }
            case ADDED -> {
                User back = users.linkChat(change.chatId(), user.displayName(), user.language());
                long paused = alerts.listByOwner(back.id()).stream()
                        .filter(alert -> alert.state() == AlertState.PAUSED).count();
                if (paused == 0) {
                    return List.of();
                }
                return List.of(OutgoingMessage.text(change.chatId(),
                        Messages.forCode(back.language()).text(Msg.GROUP_BACK_ALERTS_PAUSED, paused)));
            }
            default -> throw new IllegalStateException("unknown change " + change.kind());
        }
    }

    /**
     * Answers someone typing {@code @bot USD KRW} or {@code @bot 100 USD KRW} in any chat (issue 16) with rate cards
     * in their language (their /lang when the bot knows them). Always returns an answer, empty when there is
     * nothing to offer or something failed: the person just sees no card.
     */
    public InlineAnswer handle(IncomingInlineQuery query) {
        try {
            InlineAnswer answer = inlineCards.answer(messagesFor(query.senderId(), query.language()), query.query());
            observe("inline", CommandObserver.Outcome.OK);
            return answer;
        } catch (RuntimeException e) {
            log.error("Inline query from {} failed", query.senderId(), e);
            observe("inline", CommandObserver.Outcome.ERROR);
            return new InlineAnswer(List.of(), 0, true);
        }
    }

    /** In a private chat, or sent by the group itself (an anonymous admin), or by one of the group's admins. */
    private static boolean mayChangeAlerts(ChatAdministrators administrators, boolean privateChat, long chatId,
                                           long senderId) {
        return privateChat || senderId == chatId || administrators.isAdministrator(chatId, senderId);
    }

    /** The button that creates a shared alert for the presser: what /alert with the same request would do. */
    private CallbackOutcome copy(Messages messages, User user, long chatId, AlertRequest request) {
        try {
            OutgoingMessage reply = alertCommand.create(user, chatId, messages, request, null);
            observe("button", CommandObserver.Outcome.OK);
            return new CallbackOutcome(firstSentence(reply.text()), List.of(reply));
        } catch (AlertLimitExceededException e) {
            observe("button", CommandObserver.Outcome.REFUSED);
            return new CallbackOutcome("", List.of(OutgoingMessage.text(chatId, messages.text(e))));
        } catch (InvalidInputException e) {
            observe("button", CommandObserver.Outcome.REFUSED);
            return new CallbackOutcome("", List.of(OutgoingMessage.text(chatId, messages.text(e))));
        }
    }

    /**
     * Issue 14: a push after a press on it reads as it did, then what was done (a second press replaces that line,
     * so the push never grows); its buttons stay, except after Delete. Without the push's text (too old, or the
     * console) the edit is what was done alone.
     */
    private OutgoingMessage editedPush(IncomingCallback callback, AlertCallback action, AlertActions.Done done,
                                       Messages messages) {
        String pushed = callback.messageText();
        String text = done.text();
        if (pushed != null && !pushed.isBlank()) {
            int status = pushed.indexOf(PUSH_STATUS_SEPARATOR);
            text = (status < 0 ? pushed : pushed.substring(0, status)) + PUSH_STATUS_SEPARATOR + done.text();
        }
        // The push keeps its whole keyboard (actions, then Chart and Share), redrawn from the alert as the action
        // left it (the action handed it back: no second read).
        List<List<OutgoingMessage.Button>> buttons = action.action() == AlertCallback.Action.DELETE ? List.of()
                : done.alert().map(alert -> PushMessages.keyboard(alert, messages))
                        .orElseGet(() -> PushMessages.actionButtons(action.alertId(), messages));
        return new OutgoingMessage(callback.chatId(), text, buttons);
    }

    private void observe(String command, CommandObserver.Outcome outcome) {
        try {
            observer.onHandled(command, outcome);
        } catch (RuntimeException e) {
            // Counting must never cost the user their answer.
            log.warn("command observer failed", e);
        }
    }

    /**
     * Telegram's language code counts on first contact only: a known user keeps the language stored on them
     * (their own /lang choice) when /start or a return after blocking links the chat again.
     */
    private User linkedUser(long chatId, String displayName, String language, boolean relink) {
        Optional<User> known = users.findByChatId(chatId);
        if (!relink && known.isPresent() && known.get().active()) {
            return known.get();
        }
        return users.linkChat(chatId, displayName, known.map(User::language).orElse(language));
    }

    /**
     * For replies before a command runs: the stored user's language, else the one Telegram reports (also when the
     * store cannot answer: these replies never needed the store, and must not start failing with it).
     */
    private Messages messagesFor(long chatId, String telegramLanguage) {
        return messagesFor(storedUser(chatId), telegramLanguage);
    }

    private static Messages messagesFor(Optional<User> known, String telegramLanguage) {
        return Messages.forCode(known.map(User::language).orElse(telegramLanguage));
    }

    private static ZoneId zoneOf(Optional<User> known) {
        return known.map(User::zone).orElseGet(() -> ZoneId.of("UTC"));
    }

    /** The user linked to this chat, if any; empty also when the store cannot answer (logged). */
    private Optional<User> storedUser(long chatId) {
        try {
            return users.findByChatId(chatId);
        } catch (RuntimeException e) {
            log.warn("No stored user for chat {}: {}", chatId, e.toString());
            return Optional.empty();
        }
    }

    static String refusal(Messages messages, String problem, Msg example) {
        return problem.contains(messages.text(Msg.CHAT_EXAMPLE_LABEL))
                ? problem : messages.text(Msg.CHAT_REFUSAL, problem, messages.text(example));
    }

    /** Telegram shows at most 200 characters in a callback answer; the first sentence says what happened. */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String first = end < 0 ? text : text.substring(0, end + 1);
        return first.length() <= 190 ? first : first.substring(0, 190) + "…";
    }
}
