package dev.fxalert.ingestion.guard;

/** Why a quote was not trusted; each rejected quote is logged with one of these and counted, never published. */
public enum RejectionReason {
    /** The provider did not quote a pair it was asked for, or sent an empty value. */
    MISSING,
    /** The value is not a number. */
    NON_NUMERIC,
    /** Zero or negative. */
    NON_POSITIVE,
    /** Older than the provider's normal update cycle allows. */
    STALE,
    /** Moved more than the spike limit from the last stored rate and no second provider confirmed it. */
    SPIKE
}
