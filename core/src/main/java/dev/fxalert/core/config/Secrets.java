package dev.fxalert.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where secrets (bot token, webhook secret, admin token, provider keys) come from. Values are never logged;
 * callers log only whether a secret is set.
 * <p>
 * {@link #fromEnvironment()} reads the environment variable of the same name first (local runs, Docker, tests).
 * When it is unset and {@value #SECRETS_ARN_VARIABLE} names an AWS Secrets Manager secret (as on Lambda, see
 * infra/template.yaml), the secret's JSON object is fetched on the first lookup, never before, and kept for
 * {@value #CACHE_SECONDS_VARIABLE} seconds (default 300): a function container reads Secrets Manager at most once
 * per that time, and a rotated value reaches it within that time. Values that hold a secret are built through
 * {@link SecretBound}, which rebuilds them when {@link #fingerprint()} changes.
 */
public final class Secrets {

    /** Environment variable holding the ARN (or name) of the JSON secret whose keys are named like the variables. */
    public static final String SECRETS_ARN_VARIABLE = "FX_ALERT_SECRETS_ARN";
    /** How long a read of the JSON secret is kept before the next lookup reads it again. */
    public static final String CACHE_SECONDS_VARIABLE = "FX_ALERT_SECRETS_CACHE_SECONDS";
    public static final Duration DEFAULT_CACHE = Duration.ofMinutes(5);
    private static final Object UNCHANGING = new Object();

    private final Function<String, String> environment;
    private final Supplier<Object> fingerprint;

    public Secrets(Function<String, String> environment) {
        this(environment, () -> UNCHANGING);
    }

    private Secrets(Function<String, String> environment, Supplier<Object> fingerprint) {
        this.environment = environment;
        this.fingerprint = fingerprint;
    }

    public static Secrets fromEnvironment() {
        return fromEnvironment(System::getenv, SecretsManagerJsonSecret::withDefaultClient);
    }

    /**
     * The environment first, then the JSON secret named by {@value #SECRETS_ARN_VARIABLE}, when that is set.
     *
     * @param secretReader opens the secret for an ARN; called at most once, and only when a lookup needs it
     */
    public static Secrets fromEnvironment(Function<String, String> environment,
                                          Function<String, JsonSecret> secretReader) {
        return fromEnvironment(environment, secretReader, System::nanoTime);
    }

    /** As {@link #fromEnvironment(Function, Function)}, with the monotonic clock (nanoseconds) of the cache. */
    public static Secrets fromEnvironment(Function<String, String> environment,
                                          Function<String, JsonSecret> secretReader, LongSupplier nanoTime) {
        String secretArn = blankToNull(environment.apply(SECRETS_ARN_VARIABLE));
        if (secretArn == null) {
            return new Secrets(environment);
        }
        Memoized<JsonSecret> secret = new Memoized<>(() -> secretReader.apply(secretArn));
        Expiring<Map<String, String>> secretValues = new Expiring<>(() -> secret.get().values(),
                cacheTime(environment), nanoTime);
        return new Secrets(name -> {
            String fromEnvironment = blankToNull(environment.apply(name));
            return fromEnvironment != null ? fromEnvironment : secretValues.get().get(name);
        }, secretValues::get);
    }

    private static Duration cacheTime(Function<String, String> environment) {
        String value = blankToNull(environment.apply(CACHE_SECONDS_VARIABLE));
        if (value == null) {
            return DEFAULT_CACHE;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CACHE_SECONDS_VARIABLE + " must be a whole number of seconds >= 0, got '"
                    + value + "'.");
        }
    }

    /**
     * Changes when (and only when) the secret values may have changed: the JSON secret's current values as last
     * read (reading it when the cache has expired), or a constant when secrets come from the environment only.
     * Not a value to log.
     */
    public Object fingerprint() {
        return fingerprint.get();
    }

    /**
     * Secrets from an environment given as a map (tests, or {@code System.getenv()} passed down by a handler).
     * Like {@link #fromEnvironment()}, a map naming {@value #SECRETS_ARN_VARIABLE} falls back to that secret, so
     * handlers that pass their environment map on work unchanged on Lambda.
     */
    public static Secrets of(Map<String, String> values) {
        return fromEnvironment(values::get, SecretsManagerJsonSecret::withDefaultClient);
    }

    /** The secret, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = blankToNull(environment.apply(name));
        return Optional.ofNullable(value).map(String::strip);
    }

    /** The secret; fails with a message naming the variable (never its value) when it is missing. */
    public String require(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "Secret " + name + " is not set; set the environment variable " + name
                        + " (or the key " + name + " in the JSON secret named by " + SECRETS_ARN_VARIABLE + ")."));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A secret holding a flat JSON object of string values. */
    @FunctionalInterface
    public interface JsonSecret {
        /** The key/value pairs; throws {@link IllegalStateException} (naming no value) when they cannot be read. */
        Map<String, String> values();
    }
}
