package dev.fxalert.core.domain;

import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Language;
import dev.fxalert.core.i18n.Msg;

/**
 * Input a person typed or sent that we refuse; the message is safe and specific enough to show them. A refusal a
 * chat user can meet carries a catalogue {@link #key()} so it is shown in their language; its message is the
 * English text (logs, the operator's admin API).
 */
public class InvalidInputException extends IllegalArgumentException {
    private final transient Msg key;
    private final transient Object[] args;

    public InvalidInputException(String message) {
        super(message);
        this.key = null;
        this.args = new Object[0];
    }

    public InvalidInputException(Msg key, Object... args) {
        super(Messages.of(Language.ENGLISH).text(key, args));
        this.key = key;
        this.args = args.clone();
    }

    /** The catalogue key of this refusal, or null for operator-facing refusals written in English. */
    public Msg key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
