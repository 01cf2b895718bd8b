package dev.fxalert.evaluation.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.fxalert.evaluation.DeliveryTrigger;
import dev.fxalert.evaluation.EvaluationService;
import dev.fxalert.evaluation.OutboxDelivery;
import dev.fxalert.evaluation.delivery.TelegramApiConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The SnapStart warm-ups of the evaluation and delivery functions: their own parsing and answers only. The
 * service and the delivery (stores, bot token) are never asked, nothing is invoked, nothing reaches Telegram.
 */
class LambdaPrimingTest {

    private final AtomicInteger telegramRequests = new AtomicInteger();
    private final HttpServer telegram;

    LambdaPrimingTest() throws IOException {
        telegram = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        telegram.createContext("/", exchange -> {
            telegramRequests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        telegram.start();
    }

    @AfterEach
    void stop() {
        telegram.stop(0);
    }

    @Test
    void evaluationPrimingParsesARateEventWithoutAskingTheService() {
        EvaluationService service = mock(EvaluationService.class);

        new EvaluationHandler(service, new ObjectMapper()).warmUp();

        verifyNoInteractions(service);
    }

    @Test
    void deliveryPrimingBuildsAClientThatSendsNothingAndDrainsNothing() {
        OutboxDelivery delivery = mock(OutboxDelivery.class);
        DeliveryTrigger again = mock(DeliveryTrigger.class);

        new DeliveryHandler(delivery, again, Clock.systemUTC(), Duration.ofSeconds(10), new ObjectMapper())
                .warmUp(TelegramApiConfig.of(URI.create("http://127.0.0.1:" + telegram.getAddress().getPort())));

        verifyNoInteractions(delivery, again);
        assertThat(telegramRequests).hasValue(0);
    }
}
