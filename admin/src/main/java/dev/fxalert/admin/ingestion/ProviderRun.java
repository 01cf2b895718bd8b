package dev.fxalert.admin.ingestion;

import java.time.Instant;
import java.util.Objects;

/**
 * What one provider did in one ingestion run.
 *
 * @param pairs          pairs it returned a trustworthy quote for
 * @param rejectedQuotes quotes the guards refused (stale, out of band, malformed)
 * @param error          why the provider failed as a whole, or null when it answered
 */
public record ProviderRun(String provider, Instant at, int pairs, int rejectedQuotes, String error) {
    public ProviderRun {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(at, "at");
    }

    public boolean failed() {
        return error != null;
    }
}
