package dev.fxalert.ingestion.guard;

/** Why a quote was not trusted; each rejected quote is logged with one of these and counted, never published. */
public enum RejectionReason {
    /** The provider did not quote a pair it was asked for, or sent an empty value. */
    MISSING,
    /** The value is not a number. */
    NON_NUMERIC,
    /** A number no exchange rate can be (an absurd exponent, precision or length), refused before any arithmetic. */
    OUT_OF_RANGE,
    /** Zero or negative. */
    NON_POSITIVE,
    /** Older than the provider's normal update cycle allows. */
    STALE,
    /** Observed later than now plus the clock-skew allowance. */
    FUTURE,
    /** Moved more than the spike limit from the last stored rate and no second provider confirmed it. */
    SPIKE,
    /**
     * A pair's first quote (no history yet) outside the reference band (or of a currency the reference table does
     * not list) and no second provider confirmed it.
     */
    IMPLAUSIBLE
}
