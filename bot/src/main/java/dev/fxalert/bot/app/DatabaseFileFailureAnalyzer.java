package dev.fxalert.bot.app;

import dev.fxalert.core.store.embedded.EmbeddedStoreIntegrityException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A database file the store refused (in use, damaged, rolled back) ends the start with its one line, not with
 * Spring's bean-creation stack trace where the reason was the 8th nested cause.
 */
public final class DatabaseFileFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedStoreIntegrityException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedStoreIntegrityException cause) {
        return new FailureAnalysis(cause.getMessage(), "See \"The local app does not start: database file\" in "
                + "docs/troubleshooting.md.", cause);
    }
}
