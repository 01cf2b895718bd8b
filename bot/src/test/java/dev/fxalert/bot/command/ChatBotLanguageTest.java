package dev.fxalert.bot.command;

import dev.fxalert.bot.telegram.TelegramMessages;
import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertCallback;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.i18n.Language;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Korean users read no English and English users no Korean, over every command, refusal and button: the language
 * comes from Telegram on first contact and from /lang after that.
 */
class ChatBotLanguageTest {

    private static final long KO_CHAT = 82L;
    private static final long EN_CHAT = 44L;

    @RegisterExtension
    final ChatBotFixture chat = new ChatBotFixture(1000);

    @BeforeEach
    void setUp() {
        chat.storedRate("USD/KRW", "1385.2", "frankfurter", Duration.ofMinutes(4));
    }

    /** Every command with good and bad input, as a person would type it; {id} is replaced by a real alert id. */
    private static final List<String> EVERY_COMMAND = List.of(
            "/start", "/help", "hello", "/nope", "/lang", "/lang fr", "/timezone", "/timezone Seoul", "/timezone mars", "/settings",
            "/quiet", "/quiet 23:00-07:00", "/quiet", "/quiet tonight", "/quiet 07:00-07:00", "/quiet off",
            "/digest", "/digest 8:30", "/digest", "/digest morning", "/digest 24:00", "/digest off",
            "/alert USD KRW above 1400", "/alert USD KRW above 1400", "/alert EUR USD below 1.05 once 여름 여행",
            "/alert USD KRW below 1300 월급", "/alert", "/alert USD", "/alert USD KRW 1400", "/alert USD KRW sideways 1400",
            "/alert USD KRW above abc", "/alert USD USD above 1", "/alert XYZ KRW above 1", "/alert USDKRWX above 1",
            "/alert USD KRW above 0", "/alert USD KRW above 99999999999", "/alert USD KRW above 1.123456789",
            "/alert USD KRW above 1400 " + "x".repeat(120), "/alert U1D KRW above 1",
            "/alerts", "/alerts x", "/alerts 9",
            "/pause", "/pause bad!", "/pause {id}", "/pause {id}", "/resume {id}", "/resume {id}", "/pause zzzzzzzz",
            "/rate USD KRW", "/rate", "/rate USD KRW foo", "/rate EUR JPY",
            "/convert 100 USD KRW", "/convert", "/convert -1 USD KRW", "/convert 1e30 USD KRW", "/convert 100",
            "/convert 100 USD KRW extra", "/convert 1000000000000000000 USD KRW",
            "/currencies", "/currencies VND", "/currencies XX1", "/currencies A B", "/currencies ZZZ",
            "/start " + "x".repeat(300),
            // issue 15 audit (branch quiet15b): the commands added since, so the walk covers every registered one
            "/snooze {id} 1h", "/snooze {id} forever", "/snooze", "/move {id} +0.5%", "/move {id} 7%", "/move",
            "/alert USD KRW move 1% 24h", "/alert USD KRW move 0% 24h", "/alert USD KRW above 1500 for 7d",
            "/alert USD KRW above 1500 until 1999-01-01", "/sources", "/sources x", "/chart USD KRW 30d", "/chart",
            "/chart USD KRW 5y", "/share {id}", "/share", "/share zzzzzzzz",
            "/delete {id}", "/delete {id}");

    private List<OutgoingMessage> conversation(long chatId, String language) {
        List<OutgoingMessage> replies = new ArrayList<>();
        String id = null;
        for (String command : EVERY_COMMAND) {
            if (command.contains("{id}") && id == null) {
                User user = chat.stores.users().findByChatId(chatId).orElseThrow();
                id = chat.stores.alerts().listByOwner(user.id()).get(0).id();
            }
            String text = id == null ? command : command.replace("{id}", id);
            replies.addAll(chat.bot.handle(new IncomingMessage(chatId, text, "Mina", language, true)));
        }
        // Buttons: page turning past ten alerts, each action, a page that is gone and a stale button.
        for (int i = 0; i < 11; i++) {
            replies.addAll(chat.bot.handle(new IncomingMessage(chatId, "/alert USD KRW above " + (2000 + i), "Mina",
                    language, true)));
        }
        replies.addAll(chat.bot.handle(new IncomingMessage(chatId, "/alerts", "Mina", language, true)));
        // a threshold alert: the move-target buttons are for those (ids are random, so the first may be a move)
        Alert alert = chat.stores.alerts().listByOwner(chat.stores.users().findByChatId(chatId).orElseThrow().id())
                .stream().filter(a -> !a.isMove()).findFirst().orElseThrow();
        List<String> answers = new ArrayList<>();
        for (String data : List.of(new AlertCallback(AlertCallback.Action.SNOOZE_1H, alert.id()).encode(), // issue 14
                new AlertCallback(AlertCallback.Action.UP_05, alert.id()).encode(),
                new AlertCallback(AlertCallback.Action.PAUSE, alert.id()).encode(),
                new AlertCallback(AlertCallback.Action.REARM, alert.id()).encode(),
                new AlertCallback(AlertCallback.Action.DELETE, alert.id()).encode(),
                AlertsView.pageData(2), AlertsView.pageData(9), "something-old", "set:tz:UTC", "set:tz:Mars/Base",
                "set:quiet:23:00-07:00", "set:quiet:off", "set:quiet:01:00-02:00",
                "set:digest:08:00", "set:digest:off", "set:digest:03:00")) {
            CallbackOutcome outcome = chat.bot.handle(new IncomingCallback("cb", chatId, data, "Mina", language));
            answers.add(outcome.answer());
            replies.addAll(outcome.messages());
        }
        replies.add(OutgoingMessage.text(chatId, String.join("\n", answers)));
        return replies;
    }

    /** Issue 15 audit (branch quiet15b): a command added later fails here until the walk above covers it. */
    @Test
    void theWalkCoversEveryCommandTheBotAnswers() {
        java.util.Set<String> walked = new java.util.TreeSet<>();
        for (String command : EVERY_COMMAND) {
            if (command.startsWith("/")) {
                walked.add(command.substring(1).split(" ")[0]);
            }
        }

        assertThat(walked).containsAll(chat.bot.commandNames());
    }

    @Test
    void aKoreanTelegramUserReadsNoEnglishInAnyReplyRefusalOrButton() {
        List<OutgoingMessage> replies = conversation(KO_CHAT, "ko-KR");

        assertThat(replies).hasSizeGreaterThan(EVERY_COMMAND.size());
        for (OutgoingMessage reply : replies) {
            assertThat(latinWords(reply.text())).as(reply.text()).isEmpty();
            assertThat(reply.text()).as("every reply to a Korean user is written in Korean").containsPattern("\\p{IsHangul}");
            assertThat(reply.text()).doesNotContain(Messages.of(Language.KOREAN).text(Msg.CHAT_INTERNAL_ERROR));
            reply.buttons().forEach(row -> row.forEach(button ->
                    assertThat(latinWords(button.label())).as(button.label()).isEmpty()));
        }
    }

    @Test
    void anEnglishTelegramUserReadsNoKorean() {
        List<OutgoingMessage> replies = conversation(EN_CHAT, "en");

        for (OutgoingMessage reply : replies) {
            // The one Korean phrase is the hint how to switch, and the user's own note.
            assertThat(reply.text().replaceAll("한국어로 대화하기|한국어|여름 여행|월급", ""))
                    .as(reply.text()).doesNotContainPattern("\\p{IsHangul}");
            assertThat(reply.text()).doesNotContain(Messages.of(Language.ENGLISH).text(Msg.CHAT_INTERNAL_ERROR));
            // A language picker names each language in itself: the Korean button reads 한국어.
            reply.buttons().forEach(row -> row.forEach(button ->
                    assertThat(button.label().replace("한국어", "")).doesNotContainPattern("\\p{IsHangul}")));
        }
    }

    @Test
    void langSwitchesEveryLaterReplyAndTheChoiceOutlivesStartAndTelegramsLanguage() {
        assertThat(chat.reply("/start")).startsWith("Hi Mina!");

        assertThat(chat.reply("/lang ko")).startsWith("이제부터 한국어로");
        assertThat(chat.reply("/rate USD KRW")).isEqualTo("1 USD = 1,385.2 KRW (ECB 기준환율, 2026-11-25 09:56 CET)");
        assertThat(chat.reply("/start")).as("Telegram still says en; the stored choice wins").startsWith("Mina님, 안녕하세요!");
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::language).contains("ko");

        assertThat(chat.reply("/lang en")).startsWith("From now on I write to you in English.");
        assertThat(chat.reply("/rate USD KRW")).isEqualTo("1 USD = 1,385.2 KRW (ECB reference rate, 2026-11-25 09:56 CET)");
    }

    @Test
    void timesAreShownInTheZoneTheUserChoseWithItsAbbreviation() {
        assertThat(chat.reply("/timezone")).startsWith("I show times in UTC; it is 2026-11-25 09:00 UTC there now.");

        assertThat(chat.reply("/timezone seoul"))
                .isEqualTo("From now on I show times in Asia/Seoul; it is 2026-11-25 18:00 KST there now.");
        assertThat(chat.reply("/timezone")).startsWith("I show times in Asia/Seoul; it is 2026-11-25 18:00 KST");
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::timezone).contains("Asia/Seoul");

        assertThat(chat.reply("/timezone UTC-5")).startsWith("From now on I show times in UTC-05:00; it is 2026-11-25 04:00 UTC-05:00");
        assertThat(chat.reply("/timezone Atlantis")).isEqualTo("'Atlantis' is not a time zone I know. Use an IANA id "
                + "like Asia/Seoul, a city like Seoul, or an offset like UTC+9.\nExample: /timezone Asia/Seoul");
    }

    @Test
    void settingsShowLanguageAndZoneWithButtonsThatChangeThem() {
        OutgoingMessage settings = chat.send("/settings");
        assertThat(settings.text()).isEqualTo("Your settings:\nLanguage: English\nTime zone: UTC, now 2026-11-25 09:00 UTC\n"
                + "Quiet hours: none\nDaily digest: none\n"
                + "Tap a button to change them, or use /lang, /timezone, /quiet and /digest.");
        assertThat(settings.buttons()).flatExtracting(row -> row).extracting(OutgoingMessage.Button::label)
                .containsExactly("English", "한국어", "Asia/Seoul (18:00 KST)", "UTC (09:00 UTC)", "Quiet 23:00–07:00",
                        "No quiet hours", "Digest at 08:00", "No digest");

        CallbackOutcome korean = chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:lang:ko", "Mina", "en"));
        assertThat(korean.messages().get(0).text()).startsWith("내 설정:\n언어: 한국어\n시간대: UTC");

        CallbackOutcome seoul = chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:tz:Asia/Seoul", "Mina", "en"));
        assertThat(seoul.messages().get(0).text()).contains("시간대: Asia/Seoul, 현재 2026-11-25 18:00 KST");
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::timezone).contains("Asia/Seoul");

        assertThat(settings.buttons()).flatExtracting(row -> row)
                .extracting(button -> ButtonCommands.commandFor(button.callbackData()).orElseThrow())
                .containsExactly("/lang en", "/lang ko", "/timezone Asia/Seoul", "/timezone UTC", "/quiet 23:00-07:00",
                        "/quiet off", "/digest 08:00", "/digest off");
        // Only the offered zones are accepted from a button: callback data can be forged.
        CallbackOutcome forged = chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:tz:Mars/Base", "Mina", "en"));
        assertThat(forged.messages()).isEmpty();
    }

    // Quiet hours (issue 15)
    @Test
    void quietHoursAreSetInTheUsersZoneShownInSettingsAndTurnedOff() {
        assertThat(chat.reply("/quiet")).isEqualTo("You have no quiet hours: pushes come as soon as an alert fires. "
                + "Set them in your time zone (UTC) like /quiet 23:00-07:00.");
        chat.reply("/timezone Seoul");

        assertThat(chat.reply("/quiet 23:00 - 7:00")).isEqualTo("Quiet hours set to 23:00-07:00 (Asia/Seoul): pushes "
                + "that fire then are held and come as one summary at 07:00. /quiet off turns them off.");
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::quietHours).contains("23:00-07:00");
        assertThat(chat.reply("/quiet")).startsWith("Your quiet hours are 23:00-07:00 (Asia/Seoul)");
        assertThat(chat.send("/settings").text()).contains("\nQuiet hours: 23:00-07:00\n");
        assertThat(chat.reply("/quiet 25:00-07:00")).isEqualTo("Tell me the hours in your time zone, like "
                + "/quiet 23:00-07:00, or /quiet off.\nExample: /quiet 23:00-07:00");
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::quietHours).contains("23:00-07:00");

        assertThat(chat.reply("/quiet off")).startsWith("Quiet hours are off");
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::quietHours).isEmpty();

        CallbackOutcome night = chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:quiet:23:00-07:00",
                "Mina", "en"));
        assertThat(night.messages().get(0).text()).contains("\nQuiet hours: 23:00-07:00\n");
        // Only the offered choices are accepted from a button: callback data can be forged.
        CallbackOutcome forged = chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:quiet:01:00-02:00",
                "Mina", "en"));
        assertThat(forged.messages()).isEmpty();
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::quietHours).contains("23:00-07:00");
    }

    // Daily digest (issue 15)
    @Test
    void aDigestTimeIsStoredAndTheUsersScheduleCreatedReplacedAndDeleted() {
        assertThat(chat.reply("/digest 7:00")).as("no scheduler here: no promise").startsWith("I noted 07:00 (UTC) for "
                + "your daily digest, but this bot cannot send digests yet");
        dev.fxalert.core.port.ScheduleManager schedules = org.mockito.Mockito.mock(dev.fxalert.core.port.ScheduleManager.class);
        chat.bot.scheduleDigestsWith(schedules);
        chat.reply("/timezone Seoul");
        chat.reply("/digest off");
        assertThat(chat.reply("/digest")).isEqualTo("You get no daily digest. /digest 08:30 sends one every day at that "
                + "time in your time zone (Asia/Seoul).");

        assertThat(chat.reply("/digest 8:30")).startsWith("Your daily digest comes every day at 08:30 (Asia/Seoul)");

        User user = chat.stores.users().findByChatId(ChatBotFixture.CHAT).orElseThrow();
        assertThat(user.digestTime()).isEqualTo("08:30");
        org.mockito.ArgumentCaptor<dev.fxalert.core.port.UserSchedule> put =
                org.mockito.ArgumentCaptor.forClass(dev.fxalert.core.port.UserSchedule.class);
        // The zone change put the stored 07:00 in the new zone first (issue 15: the schedule moves with the zone).
        org.mockito.Mockito.verify(schedules, org.mockito.Mockito.times(2)).putUserSchedule(put.capture());
        assertThat(put.getAllValues().get(0).expression().text()).isEqualTo("cron(0 7 * * ? *)");
        assertThat(put.getValue().expression().text()).isEqualTo("cron(30 8 * * ? *)");
        assertThat(put.getValue().timezone()).isEqualTo("Asia/Seoul");
        assertThat(chat.send("/settings").text()).contains("\nDaily digest: 08:30\n");
        assertThat(chat.reply("/digest 25:00")).startsWith("Tell me the time in your time zone, like /digest 08:30");

        assertThat(chat.reply("/digest off")).isEqualTo("No more daily digest.");
        org.mockito.Mockito.verify(schedules, org.mockito.Mockito.times(2)).deleteUserSchedule("fx-alert-digests", "digest-" + user.id());
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::digestTime).isEmpty();
    }

    /**
     * Issue 15 (AWS digest): the schedule is read in the user's zone, so a new zone (typed or pressed in /settings)
     * puts the schedule again in that zone; without a digest, a zone change touches no schedule.
     */
    @Test
    void aNewTimeZoneMovesTheDigestScheduleToIt() {
        dev.fxalert.core.port.ScheduleManager schedules = org.mockito.Mockito.mock(dev.fxalert.core.port.ScheduleManager.class);
        chat.bot.scheduleDigestsWith(schedules, "stack-digests");
        chat.reply("/timezone Seoul");
        org.mockito.Mockito.verifyNoInteractions(schedules);
        chat.reply("/digest 8:30");

        chat.reply("/timezone America/New_York");
        User user = chat.stores.users().findByChatId(ChatBotFixture.CHAT).orElseThrow();
        chat.bot.handle(new IncomingCallback("cb", ChatBotFixture.CHAT, "set:tz:UTC", "Mina", "en"));

        org.mockito.ArgumentCaptor<dev.fxalert.core.port.UserSchedule> put =
                org.mockito.ArgumentCaptor.forClass(dev.fxalert.core.port.UserSchedule.class);
        org.mockito.Mockito.verify(schedules, org.mockito.Mockito.times(3)).putUserSchedule(put.capture());
        assertThat(put.getAllValues()).extracting(dev.fxalert.core.port.UserSchedule::timezone)
                .containsExactly("Asia/Seoul", "America/New_York", "UTC");
        assertThat(put.getAllValues()).allSatisfy(schedule -> {
            assertThat(schedule.group()).isEqualTo("stack-digests");
            assertThat(schedule.name()).isEqualTo("digest-" + user.id());
            assertThat(schedule.expression().text()).isEqualTo("cron(30 8 * * ? *)");
        });
    }

    /** A schedule that cannot be put loses nothing: the time is stored and the user is told to try again. */
    @Test
    void aScheduleThatCannotBePutKeepsTheStoredTimeAndSaysSo() {
        dev.fxalert.core.port.ScheduleManager schedules = org.mockito.Mockito.mock(dev.fxalert.core.port.ScheduleManager.class);
        org.mockito.Mockito.doThrow(new dev.fxalert.core.port.ScheduleUnavailableException("Scheduler throttled", null))
                .when(schedules).putUserSchedule(org.mockito.ArgumentMatchers.any());
        chat.bot.scheduleDigestsWith(schedules, "stack-digests");

        assertThat(chat.reply("/digest 8:30")).isEqualTo("I saved 08:30 (UTC) for your daily digest, but could not "
                + "set up its schedule just now. Send /digest 08:30 again in a few minutes.");
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::digestTime).contains("08:30");
        assertThat(chat.reply("/timezone Seoul")).as("the zone changes even when the schedule cannot follow yet")
                .contains("Asia/Seoul");
        assertThat(chat.stores.users().findByChatId(ChatBotFixture.CHAT)).map(User::timezone).contains("Asia/Seoul");
    }

    @Test
    void repliesThatNeedNoStoreStillComeWhenTheStoreFailsInTelegramsLanguage() {
        dev.fxalert.core.port.UserStore broken = org.mockito.Mockito.mock(dev.fxalert.core.port.UserStore.class);
        org.mockito.Mockito.when(broken.findByChatId(org.mockito.ArgumentMatchers.anyLong()))
                .thenThrow(new IllegalStateException("database gone"));
        ChatBot bot = new ChatBot(broken, chat.stores.alerts(), chat.stores.rateHistory(), pair -> java.util.Optional.empty(),
                dev.fxalert.core.port.CurrencyCatalogue.of(java.util.Map.of("test", java.util.Set.of("USD", "KRW"))),
                java.time.Clock.fixed(ChatBotFixture.NOW, java.time.ZoneOffset.UTC), BotSettings.defaults());

        assertThat(bot.handle(new IncomingMessage(9L, "hello", "Mina", "ko", true)))
                .extracting(OutgoingMessage::text).singleElement().asString().startsWith("저는 /alert USD KRW above 1400");
        assertThat(bot.handle(new IncomingMessage(9L, "/nope", "Mina", "en", true)))
                .extracting(OutgoingMessage::text).containsExactly("I don't know /nope. /help lists what I understand.");
    }

    @Test
    void anUnknownLanguageIsRefusedAndChangesNothing() {
        assertThat(chat.reply("/lang fr")).startsWith("I don't speak 'fr'. Choose /lang en (English) or /lang ko");
        assertThat(chat.reply("/lang")).startsWith("I write to you in English.");
    }

    @Test
    void theCommandMenuIsPublishedInEveryLanguageKoreanScopedToKoreanClients() {
        List<SetMyCommands> menus = TelegramMessages.menus();

        // Per language three scopes (issue 16): private chats, group members, group administrators.
        assertThat(menus).extracting(SetMyCommands::getLanguageCode).containsExactly(null, null, null, "ko", "ko", "ko");
        assertThat(menus.get(0).getCommands()).extracting(BotCommand::getDescription)
                .contains("List my alerts").allSatisfy(d -> assertThat(d).doesNotContainPattern("\\p{IsHangul}"));
        assertThat(menus.get(3).getCommands()).extracting(BotCommand::getDescription)
                .contains("내 알림 목록").allSatisfy(d -> assertThat(d).containsPattern("\\p{IsHangul}"));
        assertThat(menus.get(3).getCommands()).extracting(BotCommand::getCommand)
                .containsExactlyElementsOf(menus.get(0).getCommands().stream().map(BotCommand::getCommand).toList());
    }

    @Test
    void snoozeAndMoveAreInThePrivateAndAdministratorMenusInEveryLanguage() { // polish14: issue 14's typed twins
        List<SetMyCommands> menus = TelegramMessages.menus();

        for (int i : List.of(0, 2, 3, 5)) {
            assertThat(menus.get(i).getCommands()).extracting(BotCommand::getCommand).contains("snooze", "move");
        }
        for (int i : List.of(1, 4)) { // group members may not change the group's alerts
            assertThat(menus.get(i).getCommands()).extracting(BotCommand::getCommand).doesNotContain("snooze", "move");
        }
        assertThat(menus.get(3).getCommands()).filteredOn(c -> c.getCommand().equals("snooze"))
                .extracting(BotCommand::getDescription).singleElement().asString().containsPattern("\\p{IsHangul}");
    }

    /** {@code words} standing alone in Latin script; a Korean particle may follow (USD가), a Latin letter not. */
    private static String ascii(String words) {
        return "(?<![A-Za-z0-9])(" + words + ")(?![A-Za-z0-9])";
    }

    /**
     * Latin words left once what people type or name is taken out: commands and examples, currency codes, alert
     * ids, provider names, the command keywords (above, once, ...) and the language names in the /lang hint.
     */
    private static List<String> latinWords(String text) {
        String rest = text.replaceAll("https?://\\S+", " ") // a share link (issue 16) is an address, not English
                .replaceAll("/\\S+", " ")
                .replace("Mina", " ")
                .replaceAll("frankfurter|open-er-api|koreaexim|currency-api|openexchangerates|ECB|CET|KST|UTC", " ")
                .replaceAll("'[^']*'", " ")
                .replaceAll(ascii("([A-Z]{3}){1,2}|[a-z0-9]{8}"), " ")
                .replaceAll(ascii("above|below|over|under|once|English|switch|to|en|ko|fr|ID|IANA|Asia|Seoul|off"), " ")
                // issue 14: the percent-move keywords people type
                .replaceAll(ascii("move|up|down"), " ");
        List<String> words = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z]{2,}").matcher(rest);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
