package dev.fxalert.bot.app;

/**
 * The seam for the local ingestion run: a bean of this type (e.g. {@code ingestionService::runOnce}) is called
 * every {@code fx-alert.ingestion.interval}. Without one the service runs, but no rates are fetched.
 */
@FunctionalInterface
public interface IngestionJob {

    void runOnce();
}
