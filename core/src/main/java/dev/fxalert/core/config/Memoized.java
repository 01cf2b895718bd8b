package dev.fxalert.core.config;

import java.util.function.Supplier;

/**
 * Computes a value once, on first use, and keeps it; a failed computation is not kept, so the next call tries
 * again (a Secrets Manager hiccup during one invocation must not poison the container for good).
 */
final class Memoized<T> implements Supplier<T> {

    private final Supplier<T> computation;
    private volatile T value;

    Memoized(Supplier<T> computation) {
        this.computation = computation;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = computation.get();
                    value = current;
                }
            }
        }
        return current;
    }
}
