package dev.fxalert.ingestion.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Numbers;
import dev.fxalert.core.port.RateProvider;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Open Exchange Rates, the optional fresher source (hourly; the free App ID allows 1,000 requests a month):
 * {@code GET {base}/api/latest.json?app_id=ID} answers
 * {@code {"disclaimer":...,"license":...,"timestamp":1795567200,"base":"USD","rates":{"EUR":0.8661,...}}}.
 * The free plan only serves the USD base, so every pair is derived from USD: B/Q = (Q per USD) / (B per USD), to
 * 12 significant digits. One table serves every base: it is reused until the next hourly table can exist
 * ({@code timestamp} + 1 h), and at least {@link #MIN_REUSE} after it was fetched, so a late table does not cost a
 * call per run. Errors come as {@code {"error":true,"status":401,"message":"invalid_app_id",...}}: 429 is rate
 * limited (monthly quota), other 4xx rejected. The App ID travels in the query string and is never logged.
 */
public final class OpenExchangeRatesProvider implements RateProvider {

    public static final String NAME = "openexchangerates";
    public static final Duration PUBLISHES_EVERY = Duration.ofHours(1);
    static final Duration MIN_REUSE = Duration.ofMinutes(15);
    private static final String USD = "USD";

    private final ProviderHttp http;
    private final HttpUrl baseUrl;
    private final String appId;
    private final Clock clock;
    private final CurrencyList currencies;
    private final AtomicReference<Table> cached = new AtomicReference<>();

    private record Table(Instant observedAt, JsonNode rates, Instant reuseUntil) {
    }

    public OpenExchangeRatesProvider(OkHttpClient client, String baseUrl, String appId, Clock clock) {
        this.http = new ProviderHttp(client, NAME);
        this.baseUrl = ProviderHttp.baseUrl(baseUrl);
        this.appId = Objects.requireNonNull(appId, "appId");
        this.clock = clock;
        this.currencies = new CurrencyList(NAME, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Set<String>> currencies() {
        return Optional.of(currencies.current());
    }

    @Override
    public List<Quote> fetch(String base, Set<String> quotes) {
        Table table = table();
        String perBase = ProviderHttp.decimalText(USD.equals(base) ? null : table.rates().get(base));
        if (!USD.equals(base) && perBase == null) {
            return List.of(); // the base is not quoted: no pair of it is
        }
        List<Quote> found = new ArrayList<>();
        for (String quote : quotes) {
            String perQuote = USD.equals(quote) ? "1" : ProviderHttp.decimalText(table.rates().get(quote));
            if (perQuote == null) {
                continue;
            }
            String value = USD.equals(base) ? perQuote : cross(perQuote, perBase);
            found.add(new Quote(CurrencyPair.of(base, quote), value, table.observedAt()));
        }
        return found;
    }

    private Table table() {
        Instant now = clock.instant();
        Table last = cached.get();
        if (last != null && now.isBefore(last.reuseUntil())) {
            return last;
        }
        HttpUrl url = baseUrl.newBuilder().addPathSegments("api/latest.json").addQueryParameter("app_id", appId).build();
        String description = "latest.json";
        JsonNode body;
        try {
            body = http.getJson(url, description);
        } catch (FetchException e) {
            // The request names no currency, so a refusal (401 invalid_app_id, 403 not_allowed) is about the App ID,
            // never about a code: UNAVAILABLE is not narrowed down by splitting the codes (each split would call again).
            if (e.kind() == FailureKind.REJECTED) {
                throw new FetchException(NAME, FailureKind.UNAVAILABLE, e.getMessage().substring(NAME.length() + 2));
            }
            throw e;
        }
        if (body.path("error").asBoolean(false)) {
            throw http.failure(FailureKind.UNAVAILABLE, description + " answered error '" + body.path("message").asText("") + "'");
        }
        JsonNode timestamp = body.path("timestamp");
        if (!timestamp.canConvertToLong() || timestamp.asLong() <= 0) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no timestamp");
        }
        if (!USD.equals(body.path("base").asText(""))) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered base '" + body.path("base").asText("") + "'");
        }
        JsonNode rates = body.path("rates");
        if (!rates.isObject()) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no 'rates' object");
        }
        Instant observedAt = Instant.ofEpochSecond(timestamp.asLong());
        List<String> listed = new ArrayList<>();
        rates.fieldNames().forEachRemaining(listed::add);
        listed.add(USD);
        currencies.learned(listed);
        Instant nextTable = observedAt.plus(PUBLISHES_EVERY);
        Instant minimum = now.plus(MIN_REUSE);
        Table fresh = new Table(observedAt, rates, nextTable.isAfter(minimum) ? nextTable : minimum);
        cached.set(fresh);
        return fresh;
    }

    /** base/quote = (quote per USD) / (base per USD); an unreadable or non-positive leg is passed on for the guards. */
    private static String cross(String perQuote, String perBase) {
        return CrossRate.of(perQuote, perBase, OpenExchangeRatesProvider::parse);
    }

    /** Null when not a number a rate can be (1e999999999 must never be divided): passed on as written. */
    private static BigDecimal parse(String text) {
        try {
            return Numbers.parseBounded(text).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
