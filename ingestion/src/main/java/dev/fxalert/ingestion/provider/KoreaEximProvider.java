package dev.fxalert.ingestion.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Numbers;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.port.RateProvider;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korea Eximbank's daily table (needs {@code KOREAEXIM_AUTHKEY}):
 * {@code GET {base}/site/program/financial/exchangeJSON?authkey=KEY&searchdate=YYYYMMDD&data=AP01} answers an
 * array of {@code {"result":1,"cur_unit":"USD","deal_bas_r":"1,392.5",...}}: KRW per unit, numbers as strings with
 * thousands separators, {@code JPY(100)}/{@code IDR(100)} per 100 units. An empty array (weekend, holiday, or before
 * about 11:00 KST) means "no table for that day": we look at the previous business day in Asia/Seoul, skipping
 * weekends and the known holidays without a call. Errors come
 * with HTTP 200 and {@code result} 2 (bad data code), 3 (bad key) or 4 (daily limit). Any other pair is derived
 * through KRW. The key is never put in a message or log line.
 * <p>
 * Each row also has the bank's telegraphic-transfer rates, {@code "ttb":"1,453.82"} (what a bank pays for one unit)
 * and {@code "tts":"1,483.18"} (what you pay a bank for it), in the same format. For a pair against KRW they are
 * returned as {@link RateKind#BANK_BUY}/{@link RateKind#BANK_SELL} quotes besides the base rate; a row without them
 * (KRW's own row says {@code "0"}) gives none. No cross rate is derived from them: they only mean something at a
 * Korean bank, in KRW.
 * <p>
 * The table changes once a day and the key allows about 1,000 calls a day, so a fetched table is kept for
 * {@code tableCacheTtl}: every base currency of a run, and the runs within that time, share one call. The table
 * lists every currency it quotes, so each table read is its currency catalogue from then on.
 */
public final class KoreaEximProvider implements RateProvider {

    public static final String NAME = "koreaexim";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final LocalTime PUBLICATION = LocalTime.of(11, 0);
    private static final DateTimeFormatter SEARCH_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern UNIT = Pattern.compile("^([A-Z]{3})(?:\\((\\d+)\\))?$");
    private static final String KRW = "KRW";

    private final ProviderHttp http;
    private final HttpUrl baseUrl;
    private final String authKey;
    private final Clock clock;
    private final int lookbackDays;
    private final Duration tableCacheTtl;
    private final Map<LocalDate, CachedTable> tables = new ConcurrentHashMap<>();
    private final CurrencyList currencies;
    private final Predicate<LocalDate> closedWeekdays;

    /**
     * @param closedWeekdays weekdays (dates in Seoul) on which Korea Eximbank publishes no table, the same calendar
     *                       the publication schedule uses ({@code Holidays.korea()}): the look-back skips them
     *                       without a call, as it skips weekends
     */
    public KoreaEximProvider(OkHttpClient client, String baseUrl, String authKey, Clock clock, int lookbackDays,
                             Duration tableCacheTtl, Predicate<LocalDate> closedWeekdays) {
        this.http = new ProviderHttp(client, NAME);
        this.baseUrl = ProviderHttp.baseUrl(baseUrl);
        this.authKey = Objects.requireNonNull(authKey, "authKey");
        this.clock = clock;
        this.lookbackDays = lookbackDays;
        this.tableCacheTtl = tableCacheTtl;
        this.currencies = new CurrencyList(NAME, clock);
        this.closedWeekdays = Objects.requireNonNull(closedWeekdays, "closedWeekdays");
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
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        LocalDate day = today;
        for (int searched = 0; searched < lookbackDays; day = day.minusDays(1)) {
            if (isWeekend(day) || closedWeekdays.test(day)) {
                continue; // no table is published then: do not spend a call of the daily limit on it
            }
            searched++;
            JsonNode table = table(day, today);
            if (!table.isEmpty()) {
                return quotes(table, day, base, quotes);
            }
        }
        throw http.failure(FailureKind.UNAVAILABLE, "no table published in the last " + lookbackDays + " business days");
    }

    private JsonNode table(LocalDate day, LocalDate today) {
        Instant now = clock.instant();
        CachedTable cached = tables.get(day);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(tableCacheTtl))) {
            return cached.table();
        }
        JsonNode table = fetchTable(day);
        // Today's empty table may be published any minute; a past day's empty table is a holiday and stays empty.
        if (!table.isEmpty() || day.isBefore(today)) {
            tables.put(day, new CachedTable(table, now));
        }
        tables.keySet().removeIf(cachedDay -> cachedDay.isBefore(today.minusDays(2L * lookbackDays)));
        return table;
    }

    private record CachedTable(JsonNode table, Instant fetchedAt) {
    }

    private JsonNode fetchTable(LocalDate day) {
        String searchDate = day.format(SEARCH_DATE);
        String description = "exchangeJSON searchdate=" + searchDate;
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegments("site/program/financial/exchangeJSON")
                .addQueryParameter("authkey", authKey)
                .addQueryParameter("searchdate", searchDate)
                .addQueryParameter("data", "AP01")
                .build();
        JsonNode body = http.getJson(url, description);
        if (body.isObject() && body.has("result")) {
            checkResult(body, description); // some error answers are a bare object
        }
        if (!body.isArray()) {
            throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered no array");
        }
        for (JsonNode row : body) {
            checkResult(row, description);
        }
        return body;
    }

    private void checkResult(JsonNode row, String description) {
        int result = row.path("result").asInt(-1);
        switch (result) {
            case 1 -> { }
            case 2 -> throw http.failure(FailureKind.REJECTED, description + " answered result 2 (invalid data code)");
            case 3 -> throw http.failure(FailureKind.REJECTED, description + " answered result 3 (invalid authentication key)");
            case 4 -> throw http.failure(FailureKind.RATE_LIMITED, description + " answered result 4 (daily request limit used up)");
            default -> throw http.failure(FailureKind.MALFORMED_RESPONSE, description + " answered result '" + row.path("result").asText() + "'");
        }
    }

    private List<Quote> quotes(JsonNode table, LocalDate day, String base, Set<String> quotes) {
        Instant observedAt = day.atTime(PUBLICATION).atZone(SEOUL).toInstant();
        Map<String, String> krwPerUnit = krwPerUnit(table, "deal_bas_r");
        krwPerUnit.put(KRW, "1");
        currencies.learned(krwPerUnit.keySet());
        List<Quote> result = new ArrayList<>();
        for (String quote : quotes) {
            String baseLeg = krwPerUnit.get(base);
            String quoteLeg = krwPerUnit.get(quote);
            if (baseLeg != null && quoteLeg != null) {
                result.add(new Quote(CurrencyPair.of(base, quote), cross(baseLeg, quoteLeg), observedAt));
            }
        }
        if (quotes.contains(KRW) && !KRW.equals(base)) {
            bankRate(table, "ttb", base, observedAt, RateKind.BANK_BUY).ifPresent(result::add);
            bankRate(table, "tts", base, observedAt, RateKind.BANK_SELL).ifPresent(result::add);
        }
        return result;
    }

    /** The bank's rate of {@code base}/KRW from the row's {@code field}, when the row gives a positive one. */
    private static Optional<Quote> bankRate(JsonNode table, String field, String base, Instant observedAt,
                                            RateKind kind) {
        return Optional.ofNullable(krwPerUnit(table, field).get(base))
                .filter(value -> Optional.ofNullable(parseGrouped(value)).filter(v -> v.signum() > 0).isPresent())
                .map(value -> new Quote(CurrencyPair.of(base, KRW), value, observedAt, kind));
    }

    /**
     * KRW per one unit of each listed currency from the rows' {@code field} (deal_bas_r, ttb or tts), as decimal
     * text; a value we cannot read is kept as written.
     */
    private static Map<String, String> krwPerUnit(JsonNode table, String field) {
        Map<String, String> result = new HashMap<>();
        for (JsonNode row : table) {
            Matcher unit = UNIT.matcher(row.path("cur_unit").asText("").strip());
            if (!unit.matches()) {
                continue;
            }
            String currency = "CNH".equals(unit.group(1)) ? "CNY" : unit.group(1); // offshore yuan stands for the yuan
            if (KRW.equals(currency) || !CurrencyPair.isKnownCurrency(currency)) {
                continue;
            }
            String written = ProviderHttp.decimalText(row.get(field));
            BigDecimal perListedUnits = parseGrouped(written);
            if (perListedUnits == null) {
                result.put(currency, written);
            } else {
                BigDecimal units = unit.group(2) == null ? BigDecimal.ONE : new BigDecimal(unit.group(2));
                result.put(currency, perListedUnits.divide(units, CrossRate.PRECISION).toPlainString());
            }
        }
        return result;
    }

    /** base/quote = (KRW per base) / (KRW per quote); an unreadable or non-positive leg is passed on for the guards. */
    private static String cross(String krwPerBase, String krwPerQuote) {
        return CrossRate.of(krwPerBase, krwPerQuote, KoreaEximProvider::parseGrouped);
    }

    /**
     * "1,392.5" to 1392.5; null when it is not a number or not one a rate can be (1e999999999: dividing it would
     * build a billion digits), so it is passed on as written for the guards to reject.
     */
    private static BigDecimal parseGrouped(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Numbers.parseBounded(text.replace(",", "")).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
