package dev.fxalert.bot.local;

import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.evaluation.EvaluationResult;
import dev.fxalert.evaluation.delivery.DeliveryObserver;
import dev.fxalert.ingestion.IngestionSummary;

import java.util.function.Supplier;

/**
 * What the local pipeline tells whoever measures it, through the observers the domain already has: evaluation's
 * {@link DeliveryObserver} (every send attempt), ingestion's run summary, evaluation's result per rate event, and
 * the bot's {@link CommandObserver}. No metrics library here: the Micrometer adapter
 * ({@code dev.fxalert.bot.local.metrics}) implements it, and the pipeline runs unmeasured with {@link #NONE}.
 */
public interface PipelineMetrics {

    PipelineMetrics NONE = new PipelineMetrics() {
    };

    default DeliveryObserver deliveries() {
        return DeliveryObserver.NONE;
    }

    default CommandObserver commands() {
        return CommandObserver.NONE;
    }

    /** One finished ingestion run (scheduled, at start, or "run now"). */
    default void ingestionRun(IngestionSummary summary) {
    }

    /** Runs the evaluation of one rate event (its pushes included), measuring it; returns its result. */
    default EvaluationResult evaluation(Supplier<EvaluationResult> evaluation) {
        return evaluation.get();
    }
}
