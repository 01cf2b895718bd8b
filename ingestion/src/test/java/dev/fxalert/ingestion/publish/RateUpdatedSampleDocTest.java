package dev.fxalert.ingestion.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.event.RateUpdatedJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/events/rate-updated.json is what we publish: parsed by the same code, same envelope, same ids. */
class RateUpdatedSampleDocTest {

    private static final Path SAMPLE = Path.of("..", "docs", "events", "rate-updated.json");
    /** The previous event of the sample, as named in docs/events.md. */
    private static final String PREVIOUS_EVENT_ID = "0f6b1c52-8e1d-3b6a-a4c2-1d9e5b7f2a64";
    private final ObjectMapper mapper = new ObjectMapper();
    private final RateUpdatedJson json = new RateUpdatedJson(mapper);

    @Test
    void theDocumentedSampleIsAnEventWeWouldPublish() throws Exception {
        JsonNode sample = mapper.readTree(Files.readString(SAMPLE));

        RateUpdated event = json.fromDetail(sample.path("detail"));

        Rate rate = new Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1468.5"), "koreaexim",
                Instant.parse("2026-11-25T02:00:00Z"));
        // chained on the event that published 1466 (its id, as the sample's history would hold it)
        assertThat(event).isEqualTo(RateUpdated.of(rate, new BigDecimal("1466"), PREVIOUS_EVENT_ID));
        assertThat(sample.path("source").asText()).isEqualTo(RateUpdated.SOURCE);
        assertThat(sample.path("detail-type").asText()).isEqualTo(RateUpdated.DETAIL_TYPE);
        assertThat(sample.path("time").asText()).isEqualTo(event.observedAt().toString());
    }

    @Test
    void theDocumentedDetailIsExactlyWhatTheCodeWrites() throws Exception {
        JsonNode sample = mapper.readTree(Files.readString(SAMPLE));

        RateUpdated event = json.fromDetail(sample.path("detail"));

        assertThat(mapper.readTree(json.toDetail(event))).isEqualTo(sample.path("detail"));
    }

    // Issue 17: a bank's rate is schema version 2 with its kind.
    private static final Path BANK_SAMPLE = Path.of("..", "docs", "events", "rate-updated-bank-sell.json");
    /** The previous BANK_SELL event of that sample, as named in docs/events.md. */
    private static final String PREVIOUS_SELL_EVENT_ID = "7c1e4f0a-5b2d-3e9c-8f61-2a4d6b8c0e13";

    @Test
    void theDocumentedBankRateSampleIsAnEventWeWouldPublishAndExactlyWhatTheCodeWrites() throws Exception {
        JsonNode sample = mapper.readTree(Files.readString(BANK_SAMPLE));

        RateUpdated event = json.fromDetail(sample.path("detail"));

        Rate rate = new Rate(CurrencyPair.of("USD", "KRW"), new BigDecimal("1483.18"), "koreaexim",
                Instant.parse("2026-11-25T02:00:00Z"), dev.fxalert.core.domain.RateKind.BANK_SELL);
        assertThat(event).isEqualTo(RateUpdated.of(rate, new BigDecimal("1480"), PREVIOUS_SELL_EVENT_ID));
        assertThat(mapper.readTree(json.toDetail(event))).isEqualTo(sample.path("detail"));
    }
}
