package dev.fxalert.core.config;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one reader of non-secret settings, used by every module's typed settings record in both runtimes: on Lambda
 * over {@code System.getenv()}, in the local app over Spring's environment (so a test may set the same names as
 * properties). A setting has exactly one name, its environment variable; its default is written once, at the one
 * call that reads it.
 * <p>
 * Rules shared by every getter: an unset or blank value means "the default" (an empty line copied from
 * {@code .env.example} must not mean "none"); values are stripped; a malformed value fails with a
 * {@link SettingException} that names the variable, says what it must be and quotes what it got. Secrets are not
 * read here but through {@link Secrets} (never quoted in an error).
 * <p>
 * Every name asked for is recorded ({@link #namesRead()}), so a test can hold the code's names to
 * {@code .env.example}, the template and {@code docs/settings.md}.
 */
public final class Settings {

    private final Function<String, String> source;
    private final Set<String> namesRead = new TreeSet<>();

    private Settings(Function<String, String> source) {
        this.source = source;
    }

    /** Over a lookup by name, e.g. {@code System::getenv} or Spring's {@code Environment::getProperty}. */
    public static Settings of(Function<String, String> lookup) {
        return new Settings(lookup);
    }

    public static Settings of(Map<String, String> environment) {
        return new Settings(environment::get);
    }

    /** The process environment (what a Lambda handler reads). */
    public static Settings fromSystemEnvironment() {
        return new Settings(System::getenv);
    }

    /** Every name asked for so far, sorted. */
    public synchronized Set<String> namesRead() {
        return Set.copyOf(namesRead);
    }

    /** The value, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value;
        synchronized (this) {
            namesRead.add(name);
        }
        value = source.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String text(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int integer(String name, int fallback) {
        return optional(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new SettingException(name, "a whole number", value);
            }
        }).orElse(fallback);
    }

    /** A whole number of at least {@code min}. */
    public int integer(String name, int fallback, int min) {
        int value = integer(name, fallback);
        if (value < min) {
            throw new SettingException(name, "a whole number from " + min, String.valueOf(value));
        }
        return value;
    }

    public double decimal(String name, double fallback) {
        return optional(name).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new SettingException(name, "a number", value);
            }
        }).orElse(fallback);
    }

    /** {@code true} or {@code false}, any case. */
    public boolean bool(String name, boolean fallback) {
        return optional(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SettingException(name, "true or false", value);
        }).orElse(fallback);
    }

    /** Whole milliseconds, not negative. */
    public Duration millis(String name, long fallback) {
        long value = integer(name, Math.toIntExact(fallback));
        if (value < 0) {
            throw new SettingException(name + " cannot be negative, got " + value + ".");
        }
        return Duration.ofMillis(value);
    }

    /** Whole seconds, not negative. */
    public Duration seconds(String name, long fallback) {
        long value = integer(name, Math.toIntExact(fallback));
        if (value < 0) {
            throw new SettingException(name + " cannot be negative, got " + value + ".");
        }
        return Duration.ofSeconds(value);
    }

    /** Whole minutes, not negative. */
    public Duration minutes(String name, int fallback) {
        int value = integer(name, fallback);
        if (value < 0) {
            throw new SettingException(name + " cannot be negative, got " + value + ".");
        }
        return Duration.ofMinutes(value);
    }

    /** Whole hours, at least 1. */
    public Duration hours(String name, int fallback) {
        int value = integer(name, fallback);
        if (value < 1) {
            throw new SettingException(name + " must be at least 1 hour, got " + value + ".");
        }
        return Duration.ofHours(value);
    }

    /** An ISO-8601 duration such as {@code PT5M}, positive. */
    public Duration duration(String name, Duration fallback) {
        Duration value = optional(name).map(text -> {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new SettingException(name, "an ISO-8601 duration such as PT5M", text);
            }
        }).orElse(fallback);
        if (value.isNegative() || value.isZero()) {
            throw new SettingException(name, "a positive duration", value.toString());
        }
        return value;
    }

    /** A number of percent such as {@code 10}, returned as a fraction (0.10), not negative. */
    public BigDecimal percent(String name, String fallback) {
        String value = text(name, fallback);
        BigDecimal percent;
        try {
            percent = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new SettingException(name, "a number of percent such as 10", value);
        }
        if (percent.signum() < 0) {
            throw new SettingException(name + " cannot be negative, got " + value + ".");
        }
        return percent.movePointLeft(2);
    }

    /** An http(s) URL with a host. */
    public String url(String name, String fallback) {
        String value = text(name, fallback);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new SettingException(name, "an http(s) URL", value);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new SettingException(name, "an http(s) URL", value);
        }
        return value;
    }

    public Path path(String name, String fallback) {
        return Path.of(text(name, fallback));
    }

    public ZoneId zone(String name, String fallback) {
        String value = text(name, fallback);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new SettingException(name, "a time zone such as UTC or Europe/Berlin", value);
        }
    }

    /** One of the enum's constants, by name in any case ({@code embedded} for {@code EMBEDDED}). */
    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        return optional(name).map(value -> {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                StringBuilder known = new StringBuilder();
                for (E constant : type.getEnumConstants()) {
                    known.append(known.length() == 0 ? "" : " or ").append(constant.name().toLowerCase(Locale.ROOT));
                }
                throw new SettingException(name, known.toString(), value);
            }
        }).orElse(fallback);
    }

    /** A malformed setting; the message names the variable and says what it must be. */
    public static final class SettingException extends IllegalArgumentException {
        public SettingException(String name, String expected, String got) {
            this(name + " must be " + expected + ", got '" + got + "'.");
        }

        public SettingException(String message) {
            super(message);
        }
    }
}
