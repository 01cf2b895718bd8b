package dev.fxalert.core.config;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value built from the secrets (a Telegram client holding the bot token, a webhook checking its secret), built on
 * first use and rebuilt when the secrets change, so that:
 * <ul>
 *   <li>a Lambda handler that holds one in its constructor reads no secret during init, and a SnapStart snapshot
 *       holds no secret value: the first invocation after a restore reads them;</li>
 *   <li>a rotated secret reaches a running function within the cache time of {@link Secrets}, without a new
 *       function version.</li>
 * </ul>
 * Building is cheap and rare (once per secrets change); it must not call the network.
 */
public final class SecretBound<T> implements Supplier<T> {

    private final Secrets secrets;
    private final Function<Secrets, T> build;
    private Object builtFrom;
    private T value;

    public SecretBound(Secrets secrets, Function<Secrets, T> build) {
        this.secrets = secrets;
        this.build = build;
    }

    @Override
    public synchronized T get() {
        Object current = secrets.fingerprint();
        if (value == null || !Objects.equals(current, builtFrom)) {
            value = build.apply(secrets);
            builtFrom = current;
        }
        return value;
    }
}
