package dev.fxalert.bot.webhook.admin;

import dev.fxalert.core.config.Settings;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which ingestion function {@code POST /admin/ingestion/run} invokes, and how long it waits for the run.
 *
 * @param functionName name, ARN or alias ARN of the ingestion function (the template passes the "live" alias ARN)
 * @param timeout      how long to wait for the run's answer; below the webhook function's own timeout (20 s) so the
 *                     operator gets a clear 504 instead of API Gateway's bare one. The run itself goes on.
 */
public record IngestionInvokeConfig(String functionName, Duration timeout) {

    public static final String FUNCTION_NAME_VARIABLE = "INGESTION_FUNCTION_NAME";
    public static final String TIMEOUT_VARIABLE = "INGESTION_INVOKE_TIMEOUT_SECONDS";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public IngestionInvokeConfig {
        Objects.requireNonNull(functionName, "functionName");
        if (functionName.isBlank()) {
            throw new IllegalArgumentException("functionName must not be blank");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /**
     * Reads {@value #FUNCTION_NAME_VARIABLE} and {@value #TIMEOUT_VARIABLE}; empty when no function is named, so the
     * admin API answers 503 for running ingestion instead of failing the whole webhook at start-up.
     */
    public static Optional<IngestionInvokeConfig> from(Settings settings) {
        Optional<String> name = settings.optional(FUNCTION_NAME_VARIABLE);
        Duration timeout = Duration.ofSeconds(settings.integer(TIMEOUT_VARIABLE, (int) DEFAULT_TIMEOUT.toSeconds(), 1));
        return name.map(function -> new IngestionInvokeConfig(function, timeout));
    }

    public static Optional<IngestionInvokeConfig> fromEnvironment(Map<String, String> env) {
        return from(Settings.of(env));
    }
}
