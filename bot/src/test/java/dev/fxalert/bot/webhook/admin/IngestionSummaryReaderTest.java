package dev.fxalert.bot.webhook.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.admin.ingestion.IngestionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ingestion Lambda's JSON summary read as the admin API's report; anything else is refused, saying why. */
class IngestionSummaryReaderTest {

    private final IngestionSummaryReader reader = new IngestionSummaryReader(new ObjectMapper());

    @Test
    void aRunWithoutProvidersIsAnEmptyReport() {
        IngestionReport report = reader.read("""
                {"message":"ingestion finished","startedAt":"2026-11-25T12:00:00Z","durationMs":0,
                 "published":0,"unpublished":0,"providers":[]}""");

        assertThat(report.startedAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(report.finishedAt()).isEqualTo(report.startedAt());
        assertThat(report.providers()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "~~                                                                                           | it is empty",
            "{not json                                                                                    | it is not JSON",
            "[1,2]                                                                                        | it is not a JSON object",
            "{\"durationMs\":1,\"published\":0,\"unpublished\":0,\"providers\":[]}                        | 'startedAt' is missing",
            "{\"startedAt\":\"yesterday\",\"durationMs\":1,\"published\":0,\"unpublished\":0,\"providers\":[]} | 'startedAt' is not an ISO-8601 instant",
            "{\"startedAt\":\"2026-11-25T12:00:00Z\",\"durationMs\":-5,\"published\":0,\"unpublished\":0,\"providers\":[]} | 'durationMs' is missing or not a whole number from 0",
            "{\"startedAt\":\"2026-11-25T12:00:00Z\",\"durationMs\":5,\"published\":\"3\",\"unpublished\":0,\"providers\":[]} | 'published' is missing or not a whole number from 0",
            "{\"startedAt\":\"2026-11-25T12:00:00Z\",\"durationMs\":5,\"published\":3,\"unpublished\":0,\"providers\":[{\"pairs\":1}]} | a provider has no 'provider' name",
    })
    void somethingElseIsRefusedSayingWhatIsWrong(String payload, String reason) {
        assertThatThrownBy(() -> reader.read(payload))
                .isInstanceOf(IngestionSummaryReader.MalformedSummaryException.class)
                .hasMessage(reason);
    }

    @Test
    void lambdasErrorTypeIsReadWithoutItsMessage() {
        assertThat(reader.errorType("{\"errorMessage\":\"secret-ish detail\",\"errorType\":\"java.lang.IllegalStateException\"}"))
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(reader.errorType("not json")).isEqualTo("no error type given");
        assertThat(reader.errorType(null)).isEqualTo("no error type given");
    }
}
