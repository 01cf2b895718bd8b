package dev.fxalert.ingestion.lambda;

import com.sun.net.httpserver.HttpServer;
import dev.fxalert.core.config.Secrets;
import dev.fxalert.core.config.Settings;
import dev.fxalert.core.snapstart.SnapStartPriming;
import dev.fxalert.ingestion.IngestionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SnapStart warm-up of the ingestion function, as the runtime calls it: with the secret's ARN set (as on AWS)
 * it builds no service (building one reads the provider key), and the provider chain it builds asks no provider.
 */
class IngestionPrimingTest {

    private final AtomicInteger providerRequests = new AtomicInteger();
    private final HttpServer provider;

    IngestionPrimingTest() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", exchange -> {
            providerRequests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void primingReadsNoSecretBuildsNoServiceAndAsksNoProvider() {
        AtomicInteger servicesAskedFor = new AtomicInteger();
        Settings settings = Settings.of(Map.of(
                Secrets.SECRETS_ARN_VARIABLE, "arn:aws:secretsmanager:eu-central-1:123456789012:secret:ingestion",
                "INGESTION_PROVIDERS", "frankfurter",
                "FRANKFURTER_BASE_URL", "http://127.0.0.1:" + provider.getAddress().getPort()));
        IngestionHandler handler = new IngestionHandler(() -> {
            servicesAskedFor.incrementAndGet();
            return (IngestionService) null;
        }, settings);
        SnapStartPriming priming = handler.priming();

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertThat(priming.primed()).as("the warm-up ran to the end").isTrue();
        assertThat(servicesAskedFor).as("the service (and so the provider key) is left alone").hasValue(0);
        assertThat(providerRequests).hasValue(0);
    }
}
