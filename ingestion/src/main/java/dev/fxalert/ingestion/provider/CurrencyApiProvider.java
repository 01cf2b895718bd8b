package dev.fxalert.ingestion.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.port.RateProvider;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * fawazahmed0's currency-api, the keyless wide-coverage fallback (150+ currencies, published once a day):
 * {@code GET {primary}/v1/currencies/usd.json} answers {@code {"date":"2026-11-25","usd":{"eur":0.866,"krw":1470.2,...}}}
 * with lowercase codes (crypto and metals among them; only ISO codes are kept). The primary host is the jsDelivr
 * CDN; when it fails in any way, the documented fallback host ({@code latest.currency-api.pages.dev}) is asked once.
 * The answer has only a date: a day's table counts as observed at 00:00 UTC of that date. Every answer lists all
 * the codes it quotes, so each answer is its currency catalogue from then on.
 */
public final class CurrencyApiProvider implements RateProvider {

    public static final String NAME = "currency-api";
    private static final Logger log = LoggerFactory.getLogger(CurrencyApiProvider.class);

    private final ProviderHttp http;
    private final HttpUrl primary;
    private final HttpUrl fallback;
    private final CurrencyList currencies;

    public CurrencyApiProvider(OkHttpClient client, String primaryBaseUrl, String fallbackBaseUrl, Clock clock) {
        this.http = new ProviderHttp(client, NAME);
        this.primary = ProviderHttp.baseUrl(primaryBaseUrl);
        this.fallback = ProviderHttp.baseUrl(fallbackBaseUrl);
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
        String code = base.toLowerCase(Locale.ROOT);
        JsonNode body;
        try {
            body = read(primary, code, "latest " + base);
        } catch (FetchException e) {
            // The CDN and the fallback host are independent copies of the same files: a failure of one says
            // nothing about the other, so any failure (even a 404 of a stale CDN cache) is worth one more try.
            log.info("{}; asking the fallback host", e.getMessage());
            body = read(fallback, code, "latest " + base + " (fallback host)");
        }
        String description = "latest " + base;
        Instant observedAt;
        try {
            observedAt = LocalDate.parse(body.path("date").asText("")).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no valid 'date'");
        }
        JsonNode rates = body.path(code);
        if (!rates.isObject()) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no '" + code + "' object");
        }
        List<String> listed = new ArrayList<>();
        rates.fieldNames().forEachRemaining(listed::add);
        listed.add(code);
        currencies.learned(listed);
        List<Quote> found = new ArrayList<>();
        for (String quote : quotes) {
            JsonNode value = rates.get(quote.toLowerCase(Locale.ROOT));
            if (value != null) {
                found.add(new Quote(CurrencyPair.of(base, quote), ProviderHttp.decimalText(value), observedAt));
            }
        }
        return found;
    }

    /**
     * The request names only the base, so a refusal (404 for a base it does not publish) is about the base, never
     * about a quote code: it is reported as {@code UNAVAILABLE}, which is not narrowed down by splitting the codes.
     */
    private JsonNode read(HttpUrl host, String code, String description) {
        HttpUrl url = host.newBuilder().addPathSegments("v1/currencies").addPathSegment(code + ".json").build();
        try {
            return http.getJson(url, description);
        } catch (FetchException e) {
            if (e.kind() == FailureKind.REJECTED) {
                throw new FetchException(NAME, FailureKind.UNAVAILABLE, e.getMessage().substring(NAME.length() + 2));
            }
            throw e;
        }
    }
}
