package dev.fxalert.evaluation.delivery;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Firing;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.evaluation.support.DirectExecutorService;
import dev.fxalert.core.testing.MutableClock;
import dev.fxalert.evaluation.support.ScriptedNotifier;
import dev.fxalert.evaluation.support.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PacedSenderTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final PacingConfig PACING = new PacingConfig(2, Duration.ofSeconds(1), 4, 3,
            Duration.ofMillis(100), Duration.ofMillis(400), 3, Duration.ZERO, 3, Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedNotifier notifier = new ScriptedNotifier(clock);
    private final List<DeliveryReport> reports = Collections.synchronizedList(new ArrayList<>());
    private StoreFixture store;
    private PacedSender sender;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir, clock);
        sender = new PacedSender(notifier, store.alerts(), store.users(), reports::add, PACING, clock,
                clock.sleeper(), new DirectExecutorService());
    }

    @AfterEach
    void close() {
        sender.close();
        store.close();
    }

    private static Push push(String alertId, long chatId) {
        return new Push(alertId, "user-" + chatId, "event-1", START.minusSeconds(30), OutgoingMessage.text(chatId, "hi " + alertId));
    }

    /** A fired alert with its push pending, as evaluation leaves it. */
    private Push pendingPush(User user, String alertId) {
        Alert alert = store.alert(alertId, user, Direction.ABOVE, "1400", AlertMode.ONCE, null);
        Firing firing = new Firing("event-1", new BigDecimal("1401"), "frankfurter", START.minusSeconds(30), START);
        assertThat(store.alerts().markFired(alert.id(), firing)).isTrue();
        return new Push(alertId, user.id(), "event-1", firing.firedAt(), OutgoingMessage.text(user.chatId(), "fired"));
    }

    @Test
    void theReportIsTimedWhenTelegramAnsweredSoLagIncludesTheRequest() {
        User mina = store.user(11, "en");
        Push push = pendingPush(mina, "slowsend");
        sender.close();
        // A Telegram that takes 800 ms to accept the message.
        sender = new PacedSender(message -> {
            clock.advance(Duration.ofMillis(800));
            return DeliveryResult.delivered();
        }, store.alerts(), store.users(), reports::add, PACING, clock, clock.sleeper(), new DirectExecutorService());

        sender.send(List.of(push));

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.sentAt()).isEqualTo(START.plusMillis(800));
            assertThat(report.eventToPushLag()).as("from the firing at START").isEqualTo(Duration.ofMillis(800));
        });
    }

    @Test
    void neverSendsFasterThanTheGlobalRateAcrossChats() {
        List<Push> pushes = new ArrayList<>();
        for (long chat = 1; chat <= 6; chat++) {
            pushes.add(push("alert" + chat, chat));
        }

        List<PushOutcome> outcomes = sender.send(pushes);

        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(PushOutcome.Status.DELIVERED).hasSize(6);
        List<Instant> times = notifier.sent().stream().map(ScriptedNotifier.Sent::at).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
        assertThat(Duration.between(times.get(0), times.get(5))).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void spacesMessagesToOneChatByThePerChatIntervalWhileOtherChatsGoAhead() {
        List<Push> pushes = List.of(push("a1", 1), push("a2", 1), push("a3", 1), push("b1", 2));

        sender.send(pushes);

        List<ScriptedNotifier.Sent> sent = notifier.sent();
        assertThat(sent).extracting(s -> s.message().text()).containsExactly("hi a1", "hi b1", "hi a2", "hi a3");
        List<Instant> toChat1 = sent.stream().filter(s -> s.message().chatId() == 1).map(ScriptedNotifier.Sent::at).toList();
        assertThat(Duration.between(toChat1.get(0), toChat1.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(toChat1.get(1), toChat1.get(2))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitsOutRetryAfterThenResendsTheSamePushAndClearsIt() {
        User mina = store.user(10, "en");
        Push push = pendingPush(mina, "aaaaaaaa");
        notifier.script(10, new DeliveryResult.RetryAfter(Duration.ofSeconds(7)));

        List<PushOutcome> outcomes = sender.send(List.of(push));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(PushOutcome.Status.DELIVERED);
            assertThat(o.attempts()).isEqualTo(2);
        });
        List<ScriptedNotifier.Sent> sent = notifier.sent();
        assertThat(sent).hasSize(2);
        assertThat(Duration.between(sent.get(0).at(), sent.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void aRateLimitPausesTheWholeBotNotJustThatChat() {
        notifier.script(11, new DeliveryResult.RetryAfter(Duration.ofSeconds(7)));

        List<PushOutcome> outcomes = sender.send(List.of(push("a1", 11), push("b1", 12), push("c1", 13)));

        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(PushOutcome.Status.DELIVERED);
        List<ScriptedNotifier.Sent> sent = notifier.sent();
        assertThat(sent).hasSize(4);
        Instant limited = sent.get(0).at();
        // Telegram's flood limit is per bot: after the 429 nothing goes to any chat before retry_after is over.
        assertThat(sent.subList(1, 4)).allSatisfy(s ->
                assertThat(s.at()).isAfterOrEqualTo(limited.plus(Duration.ofSeconds(7))));
    }

    @Test
    void repliesThroughTheSharedBudgetWaitForTheSlotsPushesTookAndTheir429PausesPushes() {
        Notifier replies = sender.sharedBudget();
        sender.send(List.of(push("p1", 1)));
        Instant pushed = notifier.sent().get(0).at();

        replies.send(OutgoingMessage.text(1, "reply to chat 1"));
        notifier.script(2, new DeliveryResult.RetryAfter(Duration.ofSeconds(5)));
        assertThat(replies.send(OutgoingMessage.text(2, "reply to chat 2"))).isEqualTo(DeliveryResult.delivered());
        Instant limited = notifier.sent().get(2).at();
        sender.send(List.of(push("p3", 3)));

        List<ScriptedNotifier.Sent> sent = notifier.sent();
        assertThat(sent).extracting(s -> s.message().text())
                .containsExactly("hi p1", "reply to chat 1", "reply to chat 2", "reply to chat 2", "hi p3");
        assertThat(sent.get(1).at()).isAfterOrEqualTo(pushed.plus(PACING.perChatInterval()));
        assertThat(sent.get(3).at()).isAfterOrEqualTo(limited.plusSeconds(5));
        assertThat(sent.get(4).at()).isAfterOrEqualTo(limited.plusSeconds(5));
    }

    @Test
    void sendOneWaitsOutEvery429UpToItsLimitThenReportsTheRateLimit() throws Exception {
        for (int i = 0; i <= PACING.maxRateLimitWaits(); i++) {
            notifier.script(21, new DeliveryResult.RetryAfter(Duration.ofSeconds(3)));
        }

        DeliveryResult result = sender.sendOne(OutgoingMessage.text(21, "broadcast"));

        assertThat(result).isEqualTo(new DeliveryResult.RetryAfter(Duration.ofSeconds(3)));
        List<ScriptedNotifier.Sent> sent = notifier.sent();
        assertThat(sent).hasSize(PACING.maxRateLimitWaits() + 1);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 1).at(), sent.get(i).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void a429OnSendOnePausesEveryChatOfTheBotUntilRetryAfter() throws Exception {
        for (int i = 0; i <= PACING.maxRateLimitWaits(); i++) {
            notifier.script(22, new DeliveryResult.RetryAfter(Duration.ofSeconds(9)));
        }
        sender.sendOne(OutgoingMessage.text(22, "broadcast"));
        Instant lastLimited = notifier.sent().get(notifier.sent().size() - 1).at();

        assertThat(sender.sendOne(OutgoingMessage.text(23, "to another chat"))).isEqualTo(DeliveryResult.delivered());
        sender.send(List.of(push("p1", 24)));

        List<ScriptedNotifier.Sent> sent = notifier.sent();
        assertThat(sent.subList(sent.size() - 2, sent.size())).extracting(s -> s.message().chatId())
                .containsExactly(23L, 24L);
        assertThat(sent.subList(sent.size() - 2, sent.size())).allSatisfy(s ->
                assertThat(s.at()).isAfterOrEqualTo(lastLimited.plusSeconds(9)));
    }

    @Test
    void theResendAfterAShort429StillKeepsThePerChatInterval() throws Exception {
        notifier.script(25, new DeliveryResult.RetryAfter(Duration.ofMillis(200)));

        assertThat(sender.sendOne(OutgoingMessage.text(25, "reply"))).isEqualTo(DeliveryResult.delivered());

        List<ScriptedNotifier.Sent> sent = notifier.sent();
        assertThat(sent).hasSize(2);
        assertThat(Duration.between(sent.get(0).at(), sent.get(1).at())).isGreaterThanOrEqualTo(PACING.perChatInterval());
    }

    @Test
    void aPermanentRejectionEndsThePushWithTelegramsReasonWithoutRetrying() {
        User user = store.user(70, "en");
        Push push = pendingPush(user, "kkkkkkkk");
        notifier.script(70, new DeliveryResult.Rejected("400 Bad Request: not enough rights to send text messages to the chat"));

        List<PushOutcome> outcomes = sender.send(List.of(push));

        assertThat(outcomes).singleElement().extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.DEAD_LETTERED);
        assertThat(notifier.sent()).hasSize(1);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
        assertThat(store.alerts().findDeadLetters(10)).singleElement().satisfies(a -> {
            assertThat(a.push().deadLetter()).contains("not enough rights");
            assertThat(a.push().outcomeUnknown()).isFalse();
        });
        assertThat(store.users().findById(user.id())).get().extracting(User::active).isEqualTo(true);
    }

    @Test
    void anUnknownOutcomeIsNeverSentAgainAndIsDeadLetteredAsUnknown() {
        User user = store.user(71, "en");
        Push push = pendingPush(user, "llllllll");
        notifier.script(71, new DeliveryResult.OutcomeUnknown("no answer: timeout"));

        List<PushOutcome> outcomes = sender.send(List.of(push));

        assertThat(outcomes).singleElement().extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.OUTCOME_UNKNOWN);
        assertThat(notifier.sent()).hasSize(1);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
        assertThat(store.alerts().findDeadLetters(10)).singleElement().satisfies(a -> {
            assertThat(a.push().outcomeUnknown()).isTrue();
            assertThat(a.push().deadLetter()).contains("outcome unknown").contains("timeout");
        });
    }

    @Test
    void anUpgradedGroupGetsThePushOnceAtItsNewChatId() {
        User group = store.user(-72, "en");
        Push push = pendingPush(group, "mmmmmmmm");
        notifier.script(-72, new DeliveryResult.ChatMigrated(-100072));

        List<PushOutcome> outcomes = sender.send(List.of(push));

        assertThat(outcomes).singleElement().extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.DELIVERED);
        assertThat(notifier.sent()).extracting(s -> s.message().chatId()).containsExactly(-72L, -100072L);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
        // The next push goes straight to the supergroup.
        assertThat(store.users().findById(group.id())).get().extracting(User::chatId).isEqualTo(-100072L);
        assertThat(store.alerts().listByOwner(group.id())).extracting(a -> a.owner().chatId()).containsOnly(-100072L);
    }

    @Test
    void aChartSentToAnUpgradedGroupIsStillAPictureAtItsNewChatId() {
        // charts (issue 16): a reply with a photo keeps it when resent to the supergroup
        User group = store.user(-75, "en");
        Push chart = new Push("chartxyz", group.id(), "reply-1", START, OutgoingMessage.photo(-75,
                new OutgoingMessage.Photo(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "chart-USDKRW-30d.png"),
                "USD/KRW, 30 days", List.of()));
        notifier.script(-75, new DeliveryResult.ChatMigrated(-100075));

        sender.send(List.of(chart));

        assertThat(notifier.sent()).extracting(s -> s.message().chatId()).containsExactly(-75L, -100075L);
        assertThat(notifier.sent().get(1).message().photo()).isEqualTo(chart.message().photo());
    }

    @Test
    void aSecondMigrationAnswerForOnePushEndsIt() {
        User group = store.user(-73, "en");
        Push push = pendingPush(group, "nnnnnnnn");
        notifier.script(-73, new DeliveryResult.ChatMigrated(-100073));
        notifier.script(-100073, new DeliveryResult.ChatMigrated(-100074));

        assertThat(sender.send(List.of(push))).singleElement()
                .extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.DEAD_LETTERED);
        assertThat(notifier.sent()).hasSize(2);
    }

    @Test
    void aGoneRecipientIsDeactivatedWithAlertsPausedAndGetsNoMoreMessages() {
        User gone = store.user(20, "en");
        Push first = pendingPush(gone, "bbbbbbbb");
        Push second = pendingPush(gone, "cccccccc");
        store.alert("dddddddd", gone, Direction.BELOW, "1300", AlertMode.REARM, null);
        notifier.script(20, new DeliveryResult.RecipientGone("403 Forbidden: bot was blocked by the user"));

        List<PushOutcome> outcomes = sender.send(List.of(first, second));

        assertThat(outcomes).extracting(PushOutcome::status).containsOnly(PushOutcome.Status.RECIPIENT_GONE).hasSize(2);
        assertThat(notifier.sent()).hasSize(1);
        assertThat(store.users().findById(gone.id())).get().extracting(User::active).isEqualTo(false);
        assertThat(store.alerts().listByOwner(gone.id())).extracting(Alert::state).containsOnly(AlertState.PAUSED);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
    }

    @Test
    void retriesFailuresWithGrowingBackoffThenLeavesThePushPending() {
        User user = store.user(30, "en");
        Push push = pendingPush(user, "eeeeeeee");
        DeliveryResult.Failed down = new DeliveryResult.Failed("500 Internal Server Error");
        notifier.script(30, down, down, down);

        List<PushOutcome> outcomes = sender.send(List.of(push));

        assertThat(outcomes).singleElement().extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.LEFT_PENDING);
        List<Instant> times = notifier.sent().stream().map(ScriptedNotifier.Sent::at).toList();
        assertThat(times).hasSize(3);
        assertThat(Duration.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(store.alerts().findPendingPushes(10)).extracting(Alert::id).containsExactly("eeeeeeee");
        // The round is counted and the push moves back, so a sweep reads newer pushes first.
        Alert stored = store.alerts().findPendingPushes(10).get(0);
        assertThat(stored.push().attempts()).isEqualTo(1);
        assertThat(stored.push().nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(store.alerts().findPendingPushes(clock.instant(), 10)).isEmpty();
    }

    @Test
    void aPushThatFailsItsLastAllowedRoundIsDeadLettered() {
        User user = store.user(32, "en");
        Push fresh = pendingPush(user, "oooooooo");
        Push push = new Push(fresh.alertId(), fresh.userId(), fresh.eventId(), fresh.firedAt(), fresh.message(), 2);
        DeliveryResult.Failed down = new DeliveryResult.Failed("500 Internal Server Error");
        notifier.script(32, down, down, down);

        assertThat(sender.send(List.of(push))).singleElement()
                .extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.DEAD_LETTERED);
        assertThat(store.alerts().findPendingPushes(10)).isEmpty();
        assertThat(store.alerts().findDeadLetters(10)).singleElement()
                .satisfies(a -> assertThat(a.push().deadLetter()).contains("3 rounds").contains("500"));
    }

    @Test
    void recoversWhenAFailureIsFollowedBySuccess() {
        notifier.script(31, new DeliveryResult.Failed("timeout"));

        assertThat(sender.send(List.of(push("ffffffff", 31)))).singleElement()
                .extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.DELIVERED);
        assertThat(notifier.sent()).hasSize(2);
    }

    @Test
    void theObserverSeesEveryAttemptWithTheEventToPushLag() {
        notifier.script(40, new DeliveryResult.Failed("timeout"));

        sender.send(List.of(push("gggggggg", 40)));

        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).result()).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(reports.get(0).eventToPushLag()).isEqualTo(Duration.ofSeconds(30));
        assertThat(reports.get(1).result()).isEqualTo(DeliveryResult.delivered());
        assertThat(reports.get(1).attempt()).isEqualTo(2);
    }

    @Test
    void afterCloseQueuedPushesStayPendingAndNothingIsSent() {
        User user = store.user(50, "en");
        Push push = pendingPush(user, "hhhhhhhh");
        sender.close();

        assertThat(sender.send(List.of(push))).singleElement()
                .extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.LEFT_PENDING);
        assertThat(notifier.sent()).isEmpty();
        assertThat(store.alerts().findPendingPushes(10)).extracting(Alert::id).containsExactly("hhhhhhhh");
    }

    @Test
    void aPushAlreadyBeingSentIsNotSentAgainByASecondCaller() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        PacedSender blocking = new PacedSender(message -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryResult.delivered();
        }, store.alerts(), store.users(), DeliveryObserver.NONE, PACING, clock, clock.sleeper(), new DirectExecutorService());
        Push push = push("jjjjjjjj", 60);
        Thread first = new Thread(() -> blocking.send(List.of(push)));
        first.start();
        inside.await();

        List<PushOutcome> second = blocking.send(List.of(push));
        release.countDown();
        first.join();

        assertThat(second).singleElement().extracting(PushOutcome::status).isEqualTo(PushOutcome.Status.ALREADY_IN_PROGRESS);
    }
}
