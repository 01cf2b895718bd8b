package dev.fxalert.bot.webhook.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.ingestion.IngestionReport;
import dev.fxalert.ingestion.IngestionSummary;
import dev.fxalert.ingestion.IngestionSummary.ProviderRun;
import dev.fxalert.ingestion.IngestionSummaryJson;
import dev.fxalert.ingestion.guard.RejectionReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the ingestion Lambda writes, read as the admin API's report. The wire format itself is pinned by
 * {@code IngestionSummaryJsonTest} in the ingestion module; here the summary is written by that same class.
 */
class IngestionSummaryReaderTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    private final IngestionSummaryReader reader = new IngestionSummaryReader(new ObjectMapper());

    @Test
    void readsWhatTheIngestionLambdaWritesAndReportsAProviderNotCalledAtTheRunsStart() {
        ProviderRun called = new ProviderRun("frankfurter", START.plusSeconds(1), 310, 2, 12, 2, null);
        ProviderRun notNeeded = new ProviderRun("open-er-api", null, 0, 0, 0, 0, null);
        IngestionSummary written = new IngestionSummary(START, START.plusMillis(2130), 14, 12, 11, 1, 1,
                Map.of(RejectionReason.STALE, 2), 1, List.of(called, notNeeded));

        IngestionReport report = reader.read(new IngestionSummaryJson().toJson(written).toString());

        assertThat(report.startedAt()).isEqualTo(START);
        assertThat(report.finishedAt()).isEqualTo(START.plusMillis(2130));
        assertThat(report.eventsPublished()).isEqualTo(11);
        assertThat(report.eventsUnpublished()).isEqualTo(1);
        assertThat(report.providers()).containsExactly(called, notNeeded);
        assertThat(report.ranAt(called)).isEqualTo(START.plusSeconds(1));
        assertThat(report.ranAt(notNeeded)).isEqualTo(START);
    }

    @Test
    void somethingElseIsRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> reader.read("[1,2]"))
                .isInstanceOf(IngestionSummaryJson.MalformedSummaryException.class)
                .hasMessage("it is not a JSON object");
    }

    @Test
    void lambdasErrorTypeIsReadWithoutItsMessage() {
        assertThat(reader.errorType("{\"errorMessage\":\"secret-ish detail\",\"errorType\":\"java.lang.IllegalStateException\"}"))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(reader.errorType("not json")).isEqualTo("no error type given");
        assertThat(reader.errorType(null)).isEqualTo("no error type given");
    }
}
