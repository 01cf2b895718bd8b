package dev.fxalert.core.domain;

import dev.fxalert.core.event.RateUpdatedJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Numbers no rate, threshold or amount can be are refused from their exponent and precision alone, before any
 * arithmetic: {@code new BigDecimal("1e999999999")} is cheap, but writing it out or rescaling it is not (OOM).
 */
class NumbersTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");

    @ParameterizedTest
    @CsvSource({"1400", "0.0000393", "155.611094", "0.000000000000000001", "99999999999999999999", "1E+3"})
    void acceptsWhatARateCanBe(String value) {
        assertThat(Numbers.isWithinBounds(new BigDecimal(value))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"1e999999999", "1e-999999999", "123456789012345678901", "0.0000000000000000001",
            "1.0000000000000000000000000000000000000001"})
    void refusesWhatNoRateCanBe(String value) {
        assertThat(Numbers.isWithinBounds(new BigDecimal(value))).isFalse();
    }

    @Test
    void parsesBoundedTextAndRefusesTheRestWithoutArithmetic() {
        assertThat(Numbers.parseBounded(" 1392.50 ")).contains(new BigDecimal("1392.50"));
        assertThat(Numbers.parseBounded("1e999999999")).isEmpty();
        assertThat(Numbers.parseBounded("1" + "0".repeat(1_000_000))).isEmpty();
        assertThatThrownBy(() -> Numbers.parseBounded("abc")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aRateOrEventWithAnAbsurdExponentIsRefusedNotWrittenOut() {
        assertThatThrownBy(() -> new Rate(USD_KRW, new BigDecimal("1e999999999"), "frankfurter", Instant.EPOCH))
                .isInstanceOf(InvalidInputException.class);
        String detail = "{\"schemaVersion\":1,\"eventId\":\"e1\",\"pair\":\"USD/KRW\",\"rate\":\"1e999999999\","
                + "\"provider\":\"frankfurter\",\"observedAt\":\"2026-11-25T00:00:00Z\",\"previousRate\":null}";
        assertThatThrownBy(() -> new RateUpdatedJson().fromDetail(detail))
                .isInstanceOf(RateUpdatedJson.MalformedEventException.class);
    }

    @Test
    void aThresholdWithAnAbsurdExponentIsRefusedNotWrittenOut() {
        assertThatThrownBy(() -> Thresholds.requireValid(new BigDecimal("1e999999999")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1E+999999999");
    }
}
