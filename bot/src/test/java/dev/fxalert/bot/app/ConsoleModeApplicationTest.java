package dev.fxalert.bot.app;

import dev.fxalert.bot.console.ConsoleNotifier;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.RateLookup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app a person runs without a Telegram token: console chat on (fake) stdin, health endpoint for Docker. Every
 * provider points at a closed port on loopback, and every connection the app's HTTP clients route (OkHttp asks the
 * default {@link ProxySelector} for each one) is recorded: the test fails if any goes to a host other than
 * loopback, so it cannot pass by calling the real providers or only because the network happens to be absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TELEGRAM_BOT_TOKEN=", "INGESTION_RUN_AT_START=true"})
class ConsoleModeApplicationTest {

    static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();
    static final List<URI> ROUTED = new CopyOnWriteArrayList<>();
    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("127.0.0.1", "localhost", "[::1]");
    private static final ProxySelector PREVIOUS = ProxySelector.getDefault();

    /** Before the context builds any HTTP client (OkHttp reads the default selector when a client is built). */
    static {
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                ROUTED.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
    }

    @AfterAll
    static void restoreProxySelector() {
        ProxySelector.setDefault(PREVIOUS);
    }

    @DynamicPropertySource
    static void embeddedStoreInATemporaryFolderAndProvidersOnAClosedLoopbackPort(DynamicPropertyRegistry registry)
            throws IOException {
        registry.add("FX_ALERT_DB_PATH", () -> TempDatabase.newPath("fx-alert-console"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closed;
        for (String provider : List.of("FRANKFURTER_BASE_URL", "OPEN_ER_API_BASE_URL", "KOREAEXIM_BASE_URL",
                "CURRENCY_API_BASE_URL", "CURRENCY_API_FALLBACK_URL", "OPEN_EXCHANGE_RATES_BASE_URL")) {
            registry.add(provider, () -> nowhere);
        }
        registry.add("TELEGRAM_API_URL", () -> nowhere);
    }

    @TestConfiguration
    static class TypedCommands {
        @Bean
        ConsoleStreams consoleStreams() {
            byte[] typed = "/start\n/alert USD KRW above 1400\n".getBytes(StandardCharsets.UTF_8);
            return new ConsoleStreams(new ByteArrayInputStream(typed), new PrintStream(PRINTED, true, StandardCharsets.UTF_8));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Notifier notifier;
    @Autowired
    RateLookup rateLookup;

    @Test
    void chatsOnStandardInputAndPrintsPushes() {
        await().atMost(Duration.ofSeconds(30)).until(() -> PRINTED.toString(StandardCharsets.UTF_8).contains("bot> Alert "));

        String printed = PRINTED.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("bot> Hi! I watch exchange rates")
                .containsPattern("bot> Alert [a-z0-9]{8} set: USD/KRW above 1,400")
                .contains("I have no rate for USD/KRW yet");
        assertThat(notifier).isInstanceOf(ConsoleNotifier.class);
        assertThat(rateLookup.current(dev.fxalert.core.domain.CurrencyPair.of("USD", "KRW"))).isEmpty();
    }

    @Test
    void contactsNoHostButLoopback() {
        // The first ingestion run and the on-demand /rate lookup both ask the providers.
        assertThat(rateLookup.current(dev.fxalert.core.domain.CurrencyPair.of("EUR", "USD"))).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> !ROUTED.isEmpty());

        // The selector is the JVM's: a fake server of another test class still running may show up as localhost.
        assertThat(ROUTED).extracting(URI::getHost).isNotEmpty().allMatch(LOOPBACK::contains);
    }

    @Test
    void reportsHealthForTheDockerHealthcheck() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
