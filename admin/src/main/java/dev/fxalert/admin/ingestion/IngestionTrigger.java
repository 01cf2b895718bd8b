package dev.fxalert.admin.ingestion;

/** Runs one ingestion now, synchronously (adapt {@code IngestionService.runOnce()} to it). */
@FunctionalInterface
public interface IngestionTrigger {

    IngestionReport runNow();
}
