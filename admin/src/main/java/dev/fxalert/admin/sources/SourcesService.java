package dev.fxalert.admin.sources;

import dev.fxalert.core.port.RateSources;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The rate sources' state for the operator, from the same {@link RateSources} port the bot's /sources reads (derived
 * from the rate history: no provider is called, and it reads the same on Lambda as locally).
 */
public final class SourcesService {

    private final RateSources sources;
    private final Clock clock;

    public SourcesService(RateSources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    public SourcesView sources() {
        Instant now = clock.instant();
        return new SourcesView(now.toString(), sources.statuses().stream()
                .map(status -> new SourcesView.Source(status.name(), status.cadence().name(), status.currencies(),
                        text(status.latestTable()), text(status.nextUpdate()), text(status.failingSince(now))))
                .toList());
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
