package dev.fxalert.core.event;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.domain.RateKind;
import dev.fxalert.core.domain.RateUpdated;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rate kinds on the wire: a mid rate's event is version 1 as before; a bank rate's is version 2 with its kind. */
class RateUpdatedJsonTest {

    private static final CurrencyPair USD_KRW = CurrencyPair.of("USD", "KRW");
    private static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");
    private final RateUpdatedJson json = new RateUpdatedJson();

    @Test
    void aMidRateIsWrittenAsVersionOneWithoutAKindAndReadBackAsTheMidRate() {
        RateUpdated event = RateUpdated.of(new Rate(USD_KRW, new BigDecimal("1468.5"), "koreaexim", AT), null);

        String detail = json.toDetail(event);

        assertThat(detail).contains("\"schemaVersion\":1").doesNotContain("kind");
        assertThat(json.fromDetail(detail)).isEqualTo(event);
        assertThat(json.fromDetail(detail).kind()).isEqualTo(RateKind.MID);
    }

    @Test
    void aBankRateIsWrittenAsVersionTwoWithItsKindAndReadBack() {
        RateUpdated event = RateUpdated.of(new Rate(USD_KRW, new BigDecimal("1483.18"), "koreaexim", AT,
                RateKind.BANK_SELL), new BigDecimal("1480"));

        String detail = json.toDetail(event);

        assertThat(detail).contains("\"schemaVersion\":2").contains("\"kind\":\"BANK_SELL\"");
        assertThat(json.fromDetail(detail)).isEqualTo(event);
        assertThat(json.fromDetail(detail).toRate().kind()).isEqualTo(RateKind.BANK_SELL);
    }

    @Test
    void aBankRateHasItsOwnEventIdWhileTheMidRatesIdIsUnchanged() {
        Rate mid = new Rate(USD_KRW, new BigDecimal("1468.5"), "koreaexim", AT);
        Rate sameNumberOtherKind = new Rate(USD_KRW, new BigDecimal("1468.5"), "koreaexim", AT, RateKind.BANK_BUY);

        assertThat(RateUpdated.eventIdOf(mid, null)).isNotEqualTo(RateUpdated.eventIdOf(sameNumberOtherKind, null));
        // The key of a mid rate is what it was before kinds: pair|rate|provider|observedAt|previous.
        assertThat(RateUpdated.eventIdOf(mid, null)).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                "USD/KRW|1468.5|koreaexim|2026-11-25T02:00:00Z|".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
    }

    @Test
    void versionTwoWithoutAKnownKindIsRefused() {
        String noKind = "{\"schemaVersion\":2,\"eventId\":\"e1\",\"pair\":\"USD/KRW\",\"rate\":\"1483.18\","
                + "\"provider\":\"koreaexim\",\"observedAt\":\"2026-11-25T02:00:00Z\",\"previousRate\":null}";
        String unknownKind = noKind.replace("\"previousRate\":null", "\"previousRate\":null,\"kind\":\"CASH_SELL\"");

        assertThatThrownBy(() -> json.fromDetail(noKind)).isInstanceOf(RateUpdatedJson.MalformedEventException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> json.fromDetail(unknownKind)).isInstanceOf(RateUpdatedJson.MalformedEventException.class);
    }

    @Test
    void aVersionOneEventIsTheMidRateWhateverElseItCarries() {
        String old = "{\"schemaVersion\":1,\"eventId\":\"e1\",\"pair\":\"USD/KRW\",\"rate\":\"1468.5\","
                + "\"provider\":\"koreaexim\",\"observedAt\":\"2026-11-25T02:00:00Z\",\"previousRate\":null}";

        assertThat(json.fromDetail(old).kind()).isEqualTo(RateKind.MID);
    }
}
