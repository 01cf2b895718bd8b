package dev.fxalert.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where secrets (bot token, webhook secret, admin token, provider keys) come from: the environment only.
 * Values are never logged; callers log only whether a secret is set.
 */
public final class Secrets {

    private final Function<String, String> environment;

    public Secrets(Function<String, String> environment) {
        this.environment = environment;
    }

    public static Secrets fromEnvironment() {
        return new Secrets(System::getenv);
    }

    public static Secrets of(Map<String, String> values) {
        return new Secrets(values::get);
    }

    /** The secret, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The secret; fails with a message naming the variable (never its value) when it is missing. */
    public String require(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "Secret " + name + " is not set; set the environment variable " + name + "."));
    }
}
