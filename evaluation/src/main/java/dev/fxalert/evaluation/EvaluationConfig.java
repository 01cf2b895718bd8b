package dev.fxalert.evaluation;

import dev.fxalert.core.config.Settings;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * @param sweepBatchSize how many pending pushes one sweep reads and sends
 * @param sweepGrace     a pending push younger than this is left to the evaluation that fired it (it is probably
 *                       being sent right now); only older ones are the sweep's, so the two never both send it
 */
public record EvaluationConfig(int sweepBatchSize, Duration sweepGrace) {

    public static final EvaluationConfig DEFAULTS = new EvaluationConfig(500, Duration.ofMinutes(2));

    public EvaluationConfig {
        if (sweepBatchSize < 1) {
            throw new IllegalArgumentException("sweepBatchSize must be at least 1, got " + sweepBatchSize);
        }
        Objects.requireNonNull(sweepGrace, "sweepGrace");
        if (sweepGrace.isNegative()) {
            throw new IllegalArgumentException("sweepGrace cannot be negative");
        }
    }

    /** Reads SWEEP_BATCH_SIZE and SWEEP_GRACE_SECONDS; unset keeps the default. */
    public static EvaluationConfig from(Settings settings) {
        return new EvaluationConfig(settings.integer("SWEEP_BATCH_SIZE", DEFAULTS.sweepBatchSize, 1),
                settings.seconds("SWEEP_GRACE_SECONDS", DEFAULTS.sweepGrace.toSeconds()));
    }

    public static EvaluationConfig fromEnvironment(Map<String, String> env) {
        return from(Settings.of(env));
    }
}
