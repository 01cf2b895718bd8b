package dev.fxalert.ingestion.testing;

import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Frankfurter as it really behaves, on a MockWebServer: {@code /v1/currencies} lists the codes it knows;
 * {@code /v1/latest?base=X&symbols=A,B} answers HTTP 404 {@code {"message":"not found"}} for the WHOLE request
 * when the base or any one symbol is unknown to it, and the rates otherwise. Rates are set per pair by the test.
 */
public final class FakeFrankfurter extends Dispatcher {

    private final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();
    /** Paths of every request, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean currenciesDown;

    /** One unit of {@code base} costs {@code value} units of {@code quote}. */
    public FakeFrankfurter quoting(String base, String quote, String value) {
        rates.put(base + "/" + quote, new BigDecimal(value));
        return this;
    }

    /** Makes {@code /v1/currencies} answer 503, so the shipped list is used. */
    public FakeFrankfurter currenciesDown() {
        currenciesDown = true;
        return this;
    }

    /** The codes of the real /v1/currencies fixture (the ECB's ~30 currencies; no VND). */
    public static boolean knows(String code) {
        return Fixtures.read("frankfurter/currencies.json").contains("\"" + code + "\"");
    }

    public List<String> latestRequests() {
        return requests.stream().filter(path -> path.startsWith("/v1/latest")).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        requests.add(request.getPath());
        if (url.encodedPath().equals("/v1/currencies")) {
            return currenciesDown ? json(503, "{\"message\":\"unavailable\"}")
                    : json(200, Fixtures.read("frankfurter/currencies.json"));
        }
        if (!url.encodedPath().equals("/v1/latest")) {
            return json(404, "{\"message\":\"not found\"}");
        }
        String base = url.queryParameter("base");
        List<String> symbols = Arrays.asList(url.queryParameter("symbols").split(","));
        List<String> all = new ArrayList<>(symbols);
        all.add(base);
        if (!all.stream().allMatch(FakeFrankfurter::knows)) {
            return json(404, "{\"message\":\"not found\"}");
        }
        Map<String, BigDecimal> answer = new TreeMap<>();
        for (String symbol : symbols) {
            BigDecimal rate = rates.get(base + "/" + symbol);
            if (rate != null) {
                answer.put(symbol, rate);
            }
        }
        StringBuilder body = new StringBuilder("{\"amount\":1.0,\"base\":\"").append(base)
                .append("\",\"date\":\"2026-11-24\",\"rates\":{");
        answer.forEach((symbol, rate) -> body.append('"').append(symbol).append("\":").append(rate.toPlainString()).append(','));
        if (!answer.isEmpty()) {
            body.setLength(body.length() - 1);
        }
        return json(200, body.append("}}").toString());
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
