package dev.fxalert.ingestion.guard;

import dev.fxalert.core.domain.Rate;

/** What the guards think of one quote on its own. */
public sealed interface Verdict {

    record Valid(Rate rate) implements Verdict {
    }

    /** @param detail what exactly was wrong, for the log line */
    record Rejected(RejectionReason reason, String detail) implements Verdict {
    }
}
