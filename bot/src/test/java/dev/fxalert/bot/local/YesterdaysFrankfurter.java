package dev.fxalert.bot.local;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Frankfurter for the all-in-one application tests: the real path {@code {base}/v1/latest?base=USD&symbols=KRW}
 * answers yesterday's reference rate of USD/KRW (its observation time is a day old when it crosses), whatever
 * {@code usdKrw} holds at the time of the request; any other path is 404.
 */
final class YesterdaysFrankfurter {

    private YesterdaysFrankfurter() {
    }

    static MockWebServer start(Supplier<String> usdKrw) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getPath().startsWith("/v1/latest?base=USD")) {
                    return new MockResponse().setResponseCode(404);
                }
                String date = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
                return new MockResponse()
                        .addHeader("Content-Type", "application/json")
                        .setBody("{\"amount\":1.0,\"base\":\"USD\",\"date\":\"" + date + "\",\"rates\":{\"KRW\":"
                                + usdKrw.get() + "}}");
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
