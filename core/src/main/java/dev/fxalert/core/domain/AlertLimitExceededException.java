package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Msg;

/** The owner already has as many alerts as an operator allows per user. */
public class AlertLimitExceededException extends InvalidInputException {
    private final int limit;

    public AlertLimitExceededException(int limit) {
        super(Msg.ALERT_LIMIT_REACHED, limit);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
