package dev.fxalert.core.port;

/** The stores of one backend (embedded file DB or DynamoDB), opened together and closed together. */
public interface Stores extends AutoCloseable {

    AlertStore alerts();

    UserStore users();

    RateHistory rateHistory();

    /** Operator actions ({@code GET /admin/audit}). */
    AuditLog audit();

    /** Which Telegram updates were handled and answered (kept two days), so a redelivery is not answered twice. */
    UpdateJournal updateJournal();

    /** Issue 14: drafts of guided alert creation, one per chat, expiring after a few minutes. */
    ChatDrafts drafts();

    @Override
    void close();
}
