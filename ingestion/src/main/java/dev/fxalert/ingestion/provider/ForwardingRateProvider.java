package dev.fxalert.ingestion.provider;

import dev.fxalert.core.port.RateProvider;

import java.util.Optional;
import java.util.Set;

/**
 * A provider that wraps another one and changes only how {@link #fetch} behaves: its name and currency list are the
 * wrapped provider's, so a wrapper never hides or renames what it wraps.
 */
abstract class ForwardingRateProvider implements RateProvider {

    protected final RateProvider delegate;

    ForwardingRateProvider(RateProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public final String name() {
        return delegate.name();
    }

    @Override
    public final Optional<Set<String>> currencies() {
        return delegate.currencies();
    }

    @Override
    public final void refreshCurrencies() {
        delegate.refreshCurrencies();
    }
}
