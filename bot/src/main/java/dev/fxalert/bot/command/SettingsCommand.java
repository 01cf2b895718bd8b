package dev.fxalert.bot.command;

import dev.fxalert.core.domain.QuietHours;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Language;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.OutgoingMessage.Button;
import dev.fxalert.core.port.UserStore;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * /settings: the user's language, time zone, quiet hours and daily digest, with buttons to change them. A button's callback data is
 * {@code set:lang:<code>} or {@code set:tz:<zone id>} (well under Telegram's 64 bytes); a press stores the choice
 * and answers with the settings again, already in the new language or zone.
 */
final class SettingsCommand implements CommandHandler {

    private static final String LANGUAGE_PREFIX = "set:lang:";
    private static final String ZONE_PREFIX = "set:tz:";
    /** Quiet hours (issue 15): {@code set:quiet:23:00-07:00} or {@code set:quiet:off}. */
    private static final String QUIET_PREFIX = "set:quiet:";
    private static final String QUIET_NIGHT = "23:00-07:00";
    /** Daily digest (issue 15): {@code set:digest:08:00} or {@code set:digest:off}. */
    private static final String DIGEST_PREFIX = "set:digest:";
    private static final String DIGEST_MORNING = "08:00";

    private final UserStore users;
    private final Clock clock;
    private final DigestCommand digest;
    private final HeldPushes held;

    SettingsCommand(UserStore users, Clock clock, DigestCommand digest, HeldPushes held) {
        this.users = users;
        this.clock = clock;
        this.digest = digest;
        this.held = held;
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public Msg example() {
        return Msg.EXAMPLE_SETTINGS;
    }

    @Override
    public OutgoingMessage handle(CommandContext context) {
        return view(context.user(), context.chatId());
    }

    /** The settings after a press of one of their buttons; empty when the data is not a settings button. */
    /** A /settings button that changes a setting (all of them do): in a group, an administrator's press only. */
    static boolean isChange(String data) {
        return data != null && (data.startsWith(LANGUAGE_PREFIX) || data.startsWith(ZONE_PREFIX)
                || data.startsWith(QUIET_PREFIX) || data.startsWith(DIGEST_PREFIX));
    }

    Optional<OutgoingMessage> press(User user, long chatId, String data) {
        if (data == null) {
            return Optional.empty();
        }
        if (data.startsWith(LANGUAGE_PREFIX)) {
            Optional<Language> language = Language.parse(data.substring(LANGUAGE_PREFIX.length()));
            if (language.isEmpty()) {
                return Optional.empty();
            }
            users.setLanguage(user.id(), language.get().code());
            return Optional.of(view(users.findById(user.id()).orElse(user), chatId));
        }
        if (data.startsWith(ZONE_PREFIX)) {
            String zone = data.substring(ZONE_PREFIX.length());
            if (!ZoneInput.QUICK_CHOICES.contains(zone)) {
                return Optional.empty();
            }
            users.setTimezone(user.id(), zone);
            digest.zoneChanged(user.id()); // the digest's schedule is read in the zone (issue 15)
            held.changed(user, user.quiet(), ZoneId.of(zone));
            return Optional.of(view(users.findById(user.id()).orElse(user), chatId));
        }
        if (data.startsWith(QUIET_PREFIX)) {
            String choice = data.substring(QUIET_PREFIX.length());
            if (!choice.equals(QUIET_NIGHT) && !choice.equals(QuietCommand.OFF)) {
                return Optional.empty(); // callback data can be forged: only the offered choices
            }
            QuietHours quiet = choice.equals(QuietCommand.OFF) ? null : QuietHours.parse(choice);
            users.setQuietHours(user.id(), quiet == null ? null : quiet.toString());
            held.changed(user, quiet, user.zone());
            return Optional.of(view(users.findById(user.id()).orElse(user), chatId));
        }
        if (data.startsWith(DIGEST_PREFIX)) {
            String choice = data.substring(DIGEST_PREFIX.length());
            if (!choice.equals(DIGEST_MORNING) && !choice.equals(QuietCommand.OFF)) {
                return Optional.empty();
            }
            digest.change(user, choice.equals(QuietCommand.OFF) ? null : choice);
            return Optional.of(view(users.findById(user.id()).orElse(user), chatId));
        }
        return Optional.empty();
    }

    /** The slash command a settings button stands for (for the console), or empty. */
    static Optional<String> commandFor(String data) {
        if (data != null && data.startsWith(LANGUAGE_PREFIX)) {
            return Optional.of("/lang " + data.substring(LANGUAGE_PREFIX.length()));
        }
        if (data != null && data.startsWith(ZONE_PREFIX)) {
            return Optional.of("/timezone " + data.substring(ZONE_PREFIX.length()));
        }
        if (data != null && data.startsWith(QUIET_PREFIX)) {
            return Optional.of("/quiet " + data.substring(QUIET_PREFIX.length()));
        }
        if (data != null && data.startsWith(DIGEST_PREFIX)) {
            return Optional.of("/digest " + data.substring(DIGEST_PREFIX.length()));
        }
        return Optional.empty();
    }

    private OutgoingMessage view(User user, long chatId) {
        Messages messages = Messages.forCode(user.language());
        ZoneId zone = user.zone();
        String quiet = user.quiet() == null ? messages.text(Msg.SETTINGS_QUIET_NONE)
                : messages.text(Msg.SETTINGS_QUIET, user.quiet().toString());
        String digestLine = user.digestTime() == null ? messages.text(Msg.SETTINGS_DIGEST_NONE)
                : messages.text(Msg.SETTINGS_DIGEST, user.digestTime());
        String text = messages.text(Msg.SETTINGS_VIEW, messages.language().code(), zone.getId(),
                Messages.time(clock.instant(), zone), quiet + "\n" + digestLine);
        List<Button> languages = List.of(
                new Button(messages.text(Msg.BUTTON_LANGUAGE_ENGLISH), LANGUAGE_PREFIX + Language.ENGLISH.code()),
                new Button(messages.text(Msg.BUTTON_LANGUAGE_KOREAN), LANGUAGE_PREFIX + Language.KOREAN.code()));
        List<Button> zones = ZoneInput.QUICK_CHOICES.stream()
                .map(id -> new Button(messages.text(Msg.BUTTON_TIMEZONE, id, Messages.time(clock.instant(), ZoneId.of(id))
                        .substring(11)), ZONE_PREFIX + id))
                .toList();
        List<Button> quietHours = List.of(
                new Button(messages.text(Msg.BUTTON_QUIET_NIGHT), QUIET_PREFIX + QUIET_NIGHT),
                new Button(messages.text(Msg.BUTTON_QUIET_OFF), QUIET_PREFIX + QuietCommand.OFF));
        List<Button> digests = List.of(
                new Button(messages.text(Msg.BUTTON_DIGEST_MORNING), DIGEST_PREFIX + DIGEST_MORNING),
                new Button(messages.text(Msg.BUTTON_DIGEST_OFF), DIGEST_PREFIX + QuietCommand.OFF));
        return new OutgoingMessage(chatId, text, List.of(languages, zones, quietHours, digests));
    }
}
