package dev.fxalert.faults;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Frankfurter and open.er-api on loopback, in their real formats (as in ingestion's fixtures), base USD.
 *
 * <p>Frankfurter answers {@code /v1/latest?base=USD&symbols=...} from {@link #frankfurter} with the date
 * {@link #frankfurterDate} (one date for the whole answer, as the real one); a rate is written into the JSON as
 * given, so {@code 1e999999999} arrives as that number. open.er-api answers {@code /v6/latest/USD} from
 * {@link #reference}: a second, sane opinion (the one a plausibility check may consult).
 */
final class FakeProviders implements AutoCloseable {

    final Map<String, String> frankfurter = new ConcurrentHashMap<>();
    final Map<String, String> reference = new ConcurrentHashMap<>();
    volatile LocalDate frankfurterDate = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    private final MockWebServer frankfurterServer = start(this::frankfurter);
    private final MockWebServer openErServer = start(this::openEr);

    String frankfurterUrl() {
        return "http://127.0.0.1:" + frankfurterServer.getPort();
    }

    String openErUrl() {
        return "http://127.0.0.1:" + openErServer.getPort();
    }

    /** Sets a rate on both providers (they agree). */
    void set(String quote, String rate) {
        frankfurter.put(quote, rate);
        reference.put(quote, rate);
    }

    private MockResponse frankfurter(RecordedRequest request) {
        var url = request.getRequestUrl();
        if (url == null || !url.encodedPath().equals("/v1/latest") || !"USD".equals(url.queryParameter("base"))) {
            return new MockResponse().setResponseCode(404).setBody("{\"message\":\"not found\"}");
        }
        String symbols = url.queryParameter("symbols");
        Set<String> wanted = symbols == null ? frankfurter.keySet() : Set.of(symbols.split(","));
        if (!frankfurter.keySet().containsAll(wanted)) {
            // The real service refuses the whole request when any symbol is unknown.
            return new MockResponse().setResponseCode(404).setBody("{\"message\":\"not found\"}");
        }
        String rates = wanted.stream().sorted().map(q -> "\"" + q + "\":" + frankfurter.get(q))
                .collect(Collectors.joining(","));
        return json("{\"amount\":1.0,\"base\":\"USD\",\"date\":\"" + frankfurterDate + "\",\"rates\":{" + rates + "}}");
    }

    private MockResponse openEr(RecordedRequest request) {
        var url = request.getRequestUrl();
        if (url == null || !url.encodedPath().equals("/v6/latest/USD")) {
            return json("{\"result\":\"error\",\"error-type\":\"unsupported-code\"}");
        }
        long now = System.currentTimeMillis() / 1000;
        String rates = reference.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(","));
        return json("{\"result\":\"success\",\"provider\":\"https://www.exchangerate-api.com\","
                + "\"time_last_update_unix\":" + (now - 3_600) + ",\"time_next_update_unix\":" + (now + 82_800)
                + ",\"time_eol_unix\":0,\"base_code\":\"USD\",\"rates\":{\"USD\":1" + (rates.isEmpty() ? "" : "," + rates) + "}}");
    }

    private static MockResponse json(String body) {
        return new MockResponse().addHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockWebServer start(java.util.function.Function<RecordedRequest, MockResponse> answer) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    @Override
    public void close() throws IOException {
        frankfurterServer.shutdown();
        openErServer.shutdown();
    }
}
