package dev.fxalert.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fxalert.core.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogCorrelationTest {

    private static final Logger log = LoggerFactory.getLogger(LogCorrelationTest.class);

    @Test
    void everyLineOfAnInvocationIsOneJsonObjectWithTheRequestIdAndTheCorrelationIdOnceKnown() {
        try (LogCapture logs = LogCapture.start()) {
            try (LogCorrelation.Scope ignored = LogCorrelation.invocation("req-1")) {
                log.info("before the event is read");
                LogCorrelation.correlate("event-9");
                log.atWarn().addKeyValue("pair", "USD/KRW").addKeyValue("crossed", 3).log("after");
            }
            log.info("outside any invocation");

            List<JsonNode> lines = logs.linesOf(LogCorrelationTest.class);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0).path("requestId").asText()).isEqualTo("req-1");
            assertThat(lines.get(0).path("correlationId").asText()).isEqualTo("req-1");
            JsonNode after = lines.get(1);
            assertThat(after.path("requestId").asText()).isEqualTo("req-1");
            assertThat(after.path("correlationId").asText()).isEqualTo("event-9");
            assertThat(after.path("level").asText()).isEqualTo("WARN");
            assertThat(after.path("logger").asText()).isEqualTo(LogCorrelationTest.class.getName());
            assertThat(after.path("message").asText()).isEqualTo("after");
            assertThat(after.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
            assertThat(after.path("pair").asText()).isEqualTo("USD/KRW");
            assertThat(after.path("crossed").asInt()).isEqualTo(3);
            assertThat(lines.get(2).has("requestId")).isFalse();
            assertThat(lines.get(2).has("correlationId")).isFalse();
        }
    }

    @Test
    void aCorrelatedPieceOfWorkRestoresWhatTheThreadHadBefore() {
        try (LogCorrelation.Scope invocation = LogCorrelation.invocation("req-2")) {
            try (LogCorrelation.Scope push = LogCorrelation.correlated("event-1")) {
                assertThat(MDC.get(LogCorrelation.CORRELATION_ID)).isEqualTo("event-1");
            }
            assertThat(MDC.get(LogCorrelation.CORRELATION_ID)).isEqualTo("req-2");
        }
        try (LogCorrelation.Scope push = LogCorrelation.correlated("event-2")) {
            assertThat(MDC.get(LogCorrelation.CORRELATION_ID)).isEqualTo("event-2");
        }
        assertThat(MDC.get(LogCorrelation.CORRELATION_ID)).isNull();
        assertThat(MDC.get(LogCorrelation.REQUEST_ID)).isNull();
    }
}
