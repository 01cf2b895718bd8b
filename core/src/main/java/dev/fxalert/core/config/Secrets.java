package dev.fxalert.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where secrets (bot token, webhook secret, admin token, provider keys) come from. Values are never logged;
 * callers log only whether a secret is set.
 * <p>
 * {@link #fromEnvironment()} reads the environment variable of the same name first (local runs, Docker, tests).
 * When it is unset and {@value #SECRETS_ARN_VARIABLE} names an AWS Secrets Manager secret (as on Lambda, see
 * infra/template.yaml), the secret's JSON object is fetched on the first lookup and kept by this instance, so a
 * function container reads Secrets Manager once as long as it keeps one {@code Secrets} instance.
 */
public final class Secrets {

    /** Environment variable holding the ARN (or name) of the JSON secret whose keys are named like the variables. */
    public static final String SECRETS_ARN_VARIABLE = "FX_ALERT_SECRETS_ARN";

    private final Function<String, String> environment;

    public Secrets(Function<String, String> environment) {
        this.environment = environment;
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
        String secretArn = blankToNull(environment.apply(SECRETS_ARN_VARIABLE));
        if (secretArn == null) {
            return new Secrets(environment);
        }
        Memoized<Map<String, String>> secretValues = new Memoized<>(() -> secretReader.apply(secretArn).values());
        return new Secrets(name -> {
            String fromEnvironment = blankToNull(environment.apply(name));
            return fromEnvironment != null ? fromEnvironment : secretValues.get().get(name);
        });
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
