package dev.fxalert.ingestion.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * open.er-api.com, the keyless fallback: {@code GET {base}/v6/latest/USD} answers
 * {@code {"result":"success","time_last_update_unix":...,"base_code":"USD","rates":{...}}} with every currency
 * it knows. Its terms ask clients that get HTTP 429 to wait 20 minutes; until then we do not call it at all.
 * Every answer lists all the codes it quotes, so each answer is its currency catalogue from then on.
 */
public final class OpenErApiProvider implements RateProvider {

    public static final String NAME = "open-er-api";

    private final ProviderHttp http;
    private final HttpUrl baseUrl;
    private final Clock clock;
    private final Duration rateLimitBackoff;
    /** When the last 429 lets us call again; per instance (one per Lambda container or app), never static. */
    private final AtomicReference<Instant> backOffUntil = new AtomicReference<>(Instant.MIN);
    private final CurrencyList currencies;

    public OpenErApiProvider(OkHttpClient client, String baseUrl, Clock clock, Duration rateLimitBackoff) {
        this.http = new ProviderHttp(client, NAME);
        this.baseUrl = ProviderHttp.baseUrl(baseUrl);
        this.clock = clock;
        this.rateLimitBackoff = rateLimitBackoff;
        this.currencies = new CurrencyList(NAME, clock);
    }

    @Override
    public Optional<Set<String>> currencies() {
        return Optional.of(currencies.current());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Quote> fetch(String base, Set<String> quotes) {
        String description = "latest " + base;
        Instant now = clock.instant();
        Instant until = backOffUntil.get();
        if (now.isBefore(until)) {
            throw http.failure(FailureKind.UNAVAILABLE, "backing off after HTTP 429 until " + until);
        }
        HttpUrl url = baseUrl.newBuilder().addPathSegments("v6/latest").addPathSegment(base).build();
        JsonNode body;
        try {
            body = http.getJson(url, description);
        } catch (FetchException e) {
            if (e.kind() == FailureKind.RATE_LIMITED) {
                backOffUntil.set(now.plus(rateLimitBackoff));
            }
            throw e;
        }

        String result = body.path("result").asText("");
        if (!"success".equals(result)) {
            // e.g. {"result":"error","error-type":"unsupported-code"}
            throw http.failure(FailureKind.REJECTED, description + " answered result '" + result + "'"
                    + (body.has("error-type") ? " (" + body.path("error-type").asText() + ")" : ""));
        }
        JsonNode updated = body.path("time_last_update_unix");
        if (!updated.canConvertToLong() || updated.asLong() <= 0) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no time_last_update_unix");
        }
        String answeredBase = body.path("base_code").asText("");
        if (!answeredBase.equalsIgnoreCase(base)) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered base '" + answeredBase + "'");
        }
        Instant observedAt = Instant.ofEpochSecond(updated.asLong());
        JsonNode rates = body.path("rates");
        if (!rates.isObject()) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no 'rates' object");
        }
        List<String> listed = new ArrayList<>();
        rates.fieldNames().forEachRemaining(listed::add);
        listed.add(answeredBase.toUpperCase(Locale.ROOT));
        currencies.learned(listed);
        List<Quote> found = new ArrayList<>();
        for (String quote : quotes) {
            if (rates.has(quote)) {
                found.add(new Quote(CurrencyPair.of(base, quote), ProviderHttp.decimalText(rates.get(quote)), observedAt));
            }
        }
        return found;
    }
}
