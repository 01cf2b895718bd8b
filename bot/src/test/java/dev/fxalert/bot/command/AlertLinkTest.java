package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;
import dev.fxalert.core.domain.RateKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AlertLinkTest {

    @ParameterizedTest
    @CsvSource({
            "USD, KRW, ABOVE, 1400, REARM, a-USDKRW-ar-1400",
            "EUR, USD, BELOW, 1.05, ONCE, a-EURUSD-bo-1_05",
            "JPY, KRW, ABOVE, 9.12345678, REARM, a-JPYKRW-ar-9_12345678",
            "KRW, USD, BELOW, 0.00071, ONCE, a-KRWUSD-bo-0_00071",
            "USD, VND, ABOVE, 1000000000, REARM, a-USDVND-ar-1000000000"})
    void roundTripsBothWays(String base, String quote, Direction direction, String threshold, AlertMode mode,
                            String payload) {
        AlertRequest request = new AlertRequest(CurrencyPair.of(base, quote), direction, new BigDecimal(threshold), mode, null);

        assertThat(AlertLink.payload(request)).isEqualTo(payload).matches("[A-Za-z0-9_-]{1,64}");
        AlertRequest decoded = AlertLink.decode(payload).orElseThrow();
        assertThat(decoded.pair()).isEqualTo(request.pair());
        assertThat(decoded.direction()).isEqualTo(direction);
        assertThat(decoded.threshold()).isEqualByComparingTo(threshold);
        assertThat(decoded.mode()).isEqualTo(mode);
        assertThat(decoded.note()).isNull();
    }

    // polish14 (issue 14 follow-up): a link keeps the kind of rate, and a percent move is a move

    @ParameterizedTest
    @CsvSource({
            "BANK_SELL, ABOVE, REARM, a-USDKRW-ars-1480",
            "BANK_BUY, BELOW, ONCE, a-USDKRW-bob-1380_5",
            "MID, ABOVE, REARM, a-USDKRW-ar-1480"})
    void aBankRateAlertsLinkKeepsItsKindAndAMidRateLinkIsAsBefore(RateKind kind, Direction direction, AlertMode mode,
                                                                String payload) {
        String threshold = payload.substring(payload.lastIndexOf('-') + 1).replace('_', '.');
        AlertRequest request = new AlertRequest(CurrencyPair.of("USD", "KRW"), direction, new BigDecimal(threshold),
                mode, null, kind);

        assertThat(AlertLink.payload(request)).isEqualTo(payload);
        AlertRequest decoded = AlertLink.decode(payload).orElseThrow();
        assertThat(decoded.kind()).isEqualTo(kind);
        assertThat(decoded.direction()).isEqualTo(direction);
        assertThat(decoded.mode()).isEqualTo(mode);
        assertThat(decoded.threshold()).isEqualByComparingTo(threshold);
        assertThat(AlertLink.command(decoded)).isEqualTo("/alert USD KRW " + direction.name().toLowerCase()
                + " " + threshold + kind.keyword().map(k -> " " + k).orElse("") + (mode == AlertMode.ONCE ? " once" : ""));
    }

    @Test
    void aPercentMoveTravelsAsAMoveWithItsWayPercentAndWindow() {
        AlertRequest request = new AlertRequest(CurrencyPair.of("USD", "KRW"), Direction.ABOVE, new BigDecimal("1.5"),
                AlertMode.ONCE, "never shared", new Move(MoveWay.DOWN, Duration.ofDays(7)), null, null);

        String payload = AlertLink.payload(request);

        assertThat(payload).isEqualTo("m-USDKRW-do-1_5-7d").matches("[A-Za-z0-9_-]{1,64}");
        AlertRequest decoded = AlertLink.decode(payload).orElseThrow();
        assertThat(decoded.move()).isEqualTo(new Move(MoveWay.DOWN, Duration.ofDays(7)));
        assertThat(decoded.threshold()).isEqualByComparingTo("1.5");
        assertThat(decoded.mode()).isEqualTo(AlertMode.ONCE);
        assertThat(decoded.kind()).isEqualTo(RateKind.MID);
        assertThat(decoded.note()).isNull();
        assertThat(AlertLink.command(decoded)).isEqualTo("/alert USD KRW down 1.5% 7d once");
        assertThat(AlertLink.decode("m-USDKRW-er-2-24h").orElseThrow().move())
                .isEqualTo(new Move(MoveWay.EITHER, Duration.ofHours(24)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-EURUSD-ars-1", "a-USDKRW-arx-1", "m-USDKRW-er-0-24h", "m-USDKRW-er-1-45d",
            "m-USDKRW-er-1-90m", "m-USDKRW-xr-1-24h", "m-USDKRW-er-101-24h", "m-USDKRW-er-1", "m-USDKRW-ers-1-24h"})
    void refusesABankRateWithoutKrwAndAMoveNoAlertMayHave(String payload) {
        assertThat(AlertLink.decode(payload)).isEmpty();
    }

    @Test
    void theLongestPayloadAndItsCreateButtonFitTelegramsLimits() {
        AlertRequest longest = new AlertRequest(CurrencyPair.of("USD", "KRW"), Direction.ABOVE,
                new BigDecimal("999999999.99999999"), AlertMode.REARM, "a note that is never shared");
        String payload = AlertLink.payload(longest);

        assertThat(payload).hasSizeLessThanOrEqualTo(AlertLink.MAX_PAYLOAD_LENGTH).doesNotContain("note");
        assertThat(AlertLink.createData(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
        assertThat(AlertLink.decodeCreate(AlertLink.createData(payload))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "a-USDKRW-ar-", "a-USDUSD-ar-1", "a-XXXYYY-ar-1", "a-USDKRW-xr-1",
            "a-usdkrw-ar-1", "a-USDKRW-ar-0", "a-USDKRW-ar-1_123456789", "a-USDKRW-ar-99999999999",
            "a-USDKRW-ar-1400;drop"})
    void refusesWhatIsNotOneOfOurs(String payload) {
        assertThat(AlertLink.decode(payload)).isEmpty();
    }

    @Test
    void theUrlOpensTheBotWithThePayload() {
        assertThat(AlertLink.url("FxAlertBot", "a-USDKRW-ar-1400")).isEqualTo("https://t.me/FxAlertBot?start=a-USDKRW-ar-1400");
    }
}
