package dev.fxalert.bot.local;

import org.springframework.core.env.Environment;

import java.util.AbstractMap;
import java.util.Set;

/**
 * Spring's environment seen as the {@code Map<String, String>} that ingestion and evaluation read their settings
 * from on Lambda, so both runtimes use the same variable names (and tests can set them as properties).
 * Only lookups are supported: the settings code never iterates the environment.
 */
final class EnvironmentMap extends AbstractMap<String, String> {

    private final Environment environment;

    EnvironmentMap(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String get(Object key) {
        return key instanceof String name ? environment.getProperty(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        throw new UnsupportedOperationException("the environment is read by name only");
    }
}
