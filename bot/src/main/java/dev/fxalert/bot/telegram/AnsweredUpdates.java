package dev.fxalert.bot.telegram;

import dev.fxalert.core.port.UpdateJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.util.Objects;

/**
 * The transport's side of the {@link UpdateJournal} protocol: an update already handled and answered is only
 * acknowledged, never answered again; an update is marked once its replies were sent, or, for a webhook that
 * answers in its HTTP response, once that response exists ({@link TelegramUpdateHandler#handleAndRespond} states
 * what a crash between the mark and Telegram reading the response costs). Its delivery id is the
 * Telegram update id (unique per bot; Telegram reuses ids only after a week without updates, beyond the journal's
 * retention). A journal that cannot be read or written costs at most a second answer, never a lost command: the
 * update is then handled as new, and an unmarked one may be answered again after a crash.
 */
final class AnsweredUpdates {

    /** No journal: every update is handled (tests and tools that need no crash safety). */
    static final AnsweredUpdates NONE = new AnsweredUpdates(null, Clock.systemUTC());

    private static final Logger log = LoggerFactory.getLogger(AnsweredUpdates.class);

    private final UpdateJournal journal;
    private final Clock clock;

    AnsweredUpdates(UpdateJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static String deliveryId(Update update) {
        return update.getUpdateId() == null ? null : "tg:" + update.getUpdateId();
    }

    /** True when the update was handled and answered by an earlier delivery (Telegram redelivered it). */
    boolean alreadyAnswered(Update update) {
        String id = deliveryId(update);
        if (journal == null || id == null) {
            return false;
        }
        try {
            if (journal.wasHandled(id)) {
                log.info("Update {} was handled and answered before (a redelivery after a crash); not answered again",
                        update.getUpdateId());
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            log.warn("Could not read whether update {} was handled; handling it: {}", update.getUpdateId(), e.toString());
            return false;
        }
    }

    /** Records that the update was handled and its replies sent. */
    void answered(Update update) {
        String id = deliveryId(update);
        if (journal == null || id == null) {
            return;
        }
        try {
            journal.markHandled(id, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not record update {} as handled; a redelivery after a crash would be answered again: {}",
                    update.getUpdateId(), e.toString());
        }
    }
}
