package dev.fxalert.ingestion.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Numbers;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.port.HistoricalRates;
import dev.fxalert.core.port.RateProvider;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Frankfurter: ECB reference rates, no key. {@code GET {base}/v1/latest?base=USD&symbols=KRW,JPY} answers
 * {@code {"amount":1.0,"base":"USD","date":"2026-08-17","rates":{"KRW":1411.91}}}. The ECB publishes once per
 * working day around 16:00 CET, so that is when a day's quote counts as observed.
 * <p>
 * One unknown code fails the WHOLE request with HTTP 404 {@code {"message":"not found"}}, so callers ask only for
 * codes of its catalogue: {@code GET {base}/v1/currencies} ({@code {"AUD":"Australian Dollar",...}}), read at most
 * once a day, with the shipped list standing in until then.
 * <p>
 * Past rates (charts, issue 16): {@code GET {base}/v1/2025-11-25..2026-11-24?base=USD&symbols=KRW} answers
 * {@code {"amount":1.0,"base":"USD","start_date":"2025-11-25","end_date":"2026-11-24","rates":{"2025-11-25":{"KRW":1468.35},...}}},
 * one entry per ECB working day.
 */
public final class FrankfurterProvider implements RateProvider, HistoricalRates {

    public static final String NAME = "frankfurter";
    private static final ZoneId ECB_ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalTime ECB_PUBLICATION = LocalTime.of(16, 0);

    private final ProviderHttp http;
    private final HttpUrl baseUrl;
    private final CurrencyList currencies;

    public FrankfurterProvider(OkHttpClient client, String baseUrl) {
        this(client, baseUrl, Clock.systemUTC());
    }

    /** @param clock when the currency list is due again */
    public FrankfurterProvider(OkHttpClient client, String baseUrl, Clock clock) {
        this.http = new ProviderHttp(client, NAME);
        this.baseUrl = ProviderHttp.baseUrl(baseUrl);
        this.currencies = new CurrencyList(NAME, clock);
    }

    @Override
    public Optional<Set<String>> currencies() {
        return Optional.of(currencies.current());
    }

    @Override
    public void refreshCurrencies() {
        currencies.refreshIfDue(this::currencyList);
    }

    /** The codes of {@code /v1/currencies}; anything but an object of code to name is malformed. */
    private List<String> currencyList() {
        String description = "currencies";
        JsonNode body = http.getJson(baseUrl.newBuilder().addPathSegments("v1/currencies").build(), description);
        if (!body.isObject()) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no object");
        }
        List<String> codes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!entry.getValue().isTextual()) {
                throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered a non-name for " + entry.getKey());
            }
            codes.add(entry.getKey());
        }
        return codes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Quote> fetch(String base, Set<String> quotes) {
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegments("v1/latest")
                .addQueryParameter("base", base)
                .addEncodedQueryParameter("symbols", String.join(",", quotes)) // ISO codes only: nothing to escape
                .build();
        String description = "latest " + base;
        JsonNode body = http.getJson(url, description);

        String answeredBase = body.path("base").asText("");
        if (!answeredBase.equalsIgnoreCase(base)) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered base '" + answeredBase + "'");
        }
        Instant observedAt = observedAt(body.path("date").asText(""), description);
        JsonNode rates = body.path("rates");
        if (!rates.isObject()) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no 'rates' object");
        }
        List<Quote> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> rate : rates.properties()) {
            if (quotes.contains(rate.getKey())) {
                result.add(new Quote(CurrencyPair.of(base, rate.getKey()), ProviderHttp.decimalText(rate.getValue()), observedAt));
            }
        }
        return result;
    }

    // --- past rates (issue 16) ---

    @Override
    public boolean quotes(CurrencyPair pair) {
        Set<String> known = currencies.current();
        return known.contains(pair.base()) && known.contains(pair.quote());
    }

    /** The time series endpoint; a day whose rate is missing or not a positive number is left out. */
    @Override
    public List<Rate> daily(CurrencyPair pair, LocalDate from, LocalDate to) {
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegments("v1/" + from + ".." + to)
                .addQueryParameter("base", pair.base())
                .addEncodedQueryParameter("symbols", pair.quote())
                .build();
        String description = "time series " + pair;
        JsonNode body = http.getJson(url, description);
        String answeredBase = body.path("base").asText("");
        if (!answeredBase.equalsIgnoreCase(pair.base())) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered base '" + answeredBase + "'");
        }
        JsonNode days = body.path("rates");
        if (!days.isObject()) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no 'rates' object");
        }
        List<Rate> rates = new ArrayList<>();
        for (Map.Entry<String, JsonNode> day : days.properties()) {
            Instant observedAt = observedAt(day.getKey(), description);
            String text = ProviderHttp.decimalText(day.getValue().get(pair.quote()));
            BigDecimal value = positive(text);
            if (value != null) {
                rates.add(new Rate(pair, value, NAME, observedAt));
            }
        }
        rates.sort(java.util.Comparator.comparing(Rate::observedAt));
        return rates;
    }

    private static BigDecimal positive(String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return value.signum() > 0 && Numbers.isWithinBounds(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Instant observedAt(String date, String description) {
        try {
            return LocalDate.parse(date).atTime(ECB_PUBLICATION).atZone(ECB_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered date '" + date + "'");
        }
    }
}
