package dev.fxalert.ingestion;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.ingestion.guard.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingestion summary's wire format, the contract between the ingestion Lambda (writer) and the webhook Lambda's
 * admin route (reader). Pinned to a literal document in both directions: renaming a field on either side fails here.
 */
class IngestionSummaryJsonTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00.125Z");

    /** Every field, written out by hand: the contract. */
    static final String WIRE = """
            {"startedAt":"2026-11-25T12:00:00.125Z","durationMs":2130,"pairsRequested":14,"pairsFetched":12,
             "published":11,"unchanged":1,"unpublished":1,"rejected":{"STALE":2},"providerErrors":1,
             "providers":[
               {"provider":"frankfurter","lastCalledAt":"2026-11-25T12:00:01.500Z","elapsedMs":310,"calls":2,
                "pairs":12,"rejectedQuotes":2,"error":null},
               {"provider":"koreaexim","lastCalledAt":"2026-11-25T12:00:02Z","elapsedMs":900,"calls":1,
                "pairs":0,"rejectedQuotes":0,"error":"HTTP 503"},
               {"provider":"open-er-api","lastCalledAt":null,"elapsedMs":0,"calls":0,
                "pairs":0,"rejectedQuotes":0,"error":null}]}
            """;

    static final IngestionSummary SUMMARY = new IngestionSummary(START, START.plusMillis(2130), 14, 12, 11, 1, 1,
            Map.of(RejectionReason.STALE, 2), 1, List.of(
            new IngestionSummary.ProviderRun("frankfurter", Instant.parse("2026-11-25T12:00:01.500Z"), 310, 2, 12, 2, null),
            new IngestionSummary.ProviderRun("koreaexim", Instant.parse("2026-11-25T12:00:02Z"), 900, 1, 0, 0, "HTTP 503"),
            new IngestionSummary.ProviderRun("open-er-api", null, 0, 0, 0, 0, null)));

    private final ObjectMapper mapper = new ObjectMapper();
    private final IngestionSummaryJson json = new IngestionSummaryJson(mapper);

    @Test
    void writesEveryFieldUnderItsContractName() throws Exception {
        assertThat(mapper.readTree(json.toJson(SUMMARY).toString())).isEqualTo(mapper.readTree(WIRE));
    }

    @Test
    void readsEveryFieldFromItsContractName() {
        assertThat(json.fromJson(WIRE)).isEqualTo(SUMMARY);
    }

    @Test
    void readsWhatItWritesAndIgnoresTheLogLinesOwnFields() {
        var line = json.toJson(SUMMARY);
        line.put("message", "ingestion finished").put("correlationId", "9f1c2e7a");

        assertThat(json.fromJson(line.toString())).isEqualTo(SUMMARY);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "~~                     | it is empty",
            "{not json              | it is not JSON",
            "[1,2]                  | it is not a JSON object",
            "startedAt              | 'startedAt' is missing",
            "durationMs             | 'durationMs' is missing or not a whole number from 0",
            "pairsRequested         | 'pairsRequested' is missing or not a whole number from 0",
            "published              | 'published' is missing or not a whole number from 0",
            "unpublished            | 'unpublished' is missing or not a whole number from 0",
            "rejected               | 'rejected' is missing or not an object",
            "providers              | 'providers' is missing or not a list",
    })
    void aSummaryWithoutAFieldIsRefusedNamingIt(String fieldOrPayload, String reason) throws Exception {
        String payload = fieldOrPayload;
        if (fieldOrPayload != null && fieldOrPayload.matches("[a-zA-Z]+")) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(WIRE);
            node.remove(fieldOrPayload);
            payload = node.toString();
        }
        String sent = payload;

        assertThatThrownBy(() -> json.fromJson(sent))
                .isInstanceOf(IngestionSummaryJson.MalformedSummaryException.class)
                .hasMessage(reason);
    }

    @Test
    void wrongValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> json.fromJson(WIRE.replace("\"2026-11-25T12:00:00.125Z\"", "\"yesterday\"")))
                .hasMessage("'startedAt' is not an ISO-8601 instant");
        assertThatThrownBy(() -> json.fromJson(WIRE.replace("\"durationMs\":2130", "\"durationMs\":-5")))
                .hasMessage("'durationMs' is missing or not a whole number from 0");
        assertThatThrownBy(() -> json.fromJson(WIRE.replace("\"published\":11", "\"published\":\"11\"")))
                .hasMessage("'published' is missing or not a whole number from 0");
        assertThatThrownBy(() -> json.fromJson(WIRE.replace("\"STALE\"", "\"BORED\"")))
                .hasMessage("'rejected' names an unknown reason");
        assertThatThrownBy(() -> json.fromJson(WIRE.replace("\"provider\":\"koreaexim\",", "")))
                .hasMessage("a provider has no 'provider' name");
    }
}
