package dev.fxalert.bot.command;

import dev.fxalert.core.domain.AlertMode;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.InvalidInputException;
import dev.fxalert.core.domain.RateKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fxalert.core.domain.Move;
import dev.fxalert.core.domain.MoveWay;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRequestParserTest {

    private final AlertRequestParser parser = new AlertRequestParser();

    @ParameterizedTest(name = "/alert {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            USD KRW above 1400                 | USD/KRW | ABOVE | 1400    | REARM | -
            USD/KRW above 1400                 | USD/KRW | ABOVE | 1400    | REARM | -
            usdkrw above 1400                  | USD/KRW | ABOVE | 1400    | REARM | -
            USD-KRW over 1400                  | USD/KRW | ABOVE | 1400    | REARM | -
            USD KRW > 1400                     | USD/KRW | ABOVE | 1400    | REARM | -
            USD KRW >1400                      | USD/KRW | ABOVE | 1400    | REARM | -
            USD KRW >= 1400                    | USD/KRW | ABOVE | 1400    | REARM | -
            EUR USD below 1.05                 | EUR/USD | BELOW | 1.05    | REARM | -
            EUR USD under 1.05                 | EUR/USD | BELOW | 1.05    | REARM | -
            EUR USD < 1.05                     | EUR/USD | BELOW | 1.05    | REARM | -
            EUR USD <1.05                      | EUR/USD | BELOW | 1.05    | REARM | -
            USD KRW ABOVE 1,400.50             | USD/KRW | ABOVE | 1400.5  | REARM | -
            USD KRW above 1,234,567            | USD/KRW | ABOVE | 1234567 | REARM | -
            USD KRW above 1400 once            | USD/KRW | ABOVE | 1400    | ONCE  | -
            USD KRW above 1400 ONCE rent money | USD/KRW | ABOVE | 1400    | ONCE  | rent money
            USD KRW above 1400 rent   money    | USD/KRW | ABOVE | 1400    | REARM | rent money
            JPY KRW above 9.5                  | JPY/KRW | ABOVE | 9.5     | REARM | -
            """)
    void acceptsTheWaysPeopleWriteAnAlert(String arguments, String pair, Direction direction, BigDecimal threshold,
                                          AlertMode mode, String note) {
        AlertRequest request = parser.parse(arguments);

        assertThat(request.pair()).isEqualTo(CurrencyPair.parse(pair));
        assertThat(request.direction()).isEqualTo(direction);
        assertThat(request.threshold()).isEqualByComparingTo(threshold);
        assertThat(request.mode()).isEqualTo(mode);
        assertThat(request.note()).isEqualTo(note);
    }

    // Issue 17: a bank's selling or buying rate (Korea Eximbank's TTS/TTB) instead of the mid rate.
    @ParameterizedTest(name = "/alert {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            USD KRW above 1400              | MID       | REARM | -
            USD KRW above 1400 sell         | BANK_SELL | REARM | -
            USD KRW above 1400 SELL once    | BANK_SELL | ONCE  | -
            USD KRW below 1350 buy          | BANK_BUY  | REARM | -
            JPY KRW below 9.3 buy once trip | BANK_BUY  | ONCE  | trip
            USD KRW above 1400 once sell    | MID       | ONCE  | sell
            USD KRW above 1400 sell for 7d  | BANK_SELL | REARM | -
            """)
    void readsWhichRateOfThePairTheAlertWatches(String arguments, RateKind kind, AlertMode mode, String note) {
        AlertRequest request = parser.parse(arguments);

        assertThat(request.kind()).isEqualTo(kind);
        assertThat(request.mode()).isEqualTo(mode);
        assertThat(request.note()).isEqualTo(note);
    }

    /** Issue 14: percent moves (way, percent, window) and expiry, in the forms people write them. */
    @ParameterizedTest(name = "/alert {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            USD KRW move 1% 24h                       | EITHER | 1   | 24  | REARM | -   | -          | -
            USD KRW up 2% 7d                          | UP     | 2   | 168 | REARM | -   | -          | -
            USD KRW down 0.5 % 1d once                | DOWN   | 0.5 | 24  | ONCE  | -   | -          | -
            USD KRW MOVES 1 30d for 12h rent          | EITHER | 1   | 720 | REARM | 12  | -          | rent
            USD KRW up 1% 1h until 2026-12-31 once x  | UP     | 1   | 1   | ONCE  | -   | 2026-12-31 | x
            USD KRW above 1400 for 7d                 | -      | -   | -   | REARM | 168 | -          | -
            USD KRW above 1400 once until 2026-12-31  | -      | -   | -   | ONCE  | -   | 2026-12-31 | -
            USD KRW above 1400 for the trip           | -      | -   | -   | REARM | -   | -          | for the trip
            """)
    void acceptsPercentMovesAndExpiry(String arguments, MoveWay way, BigDecimal percent, Integer windowHours,
                                      AlertMode mode, Integer expiresInHours, String expiresOn, String note) {
        AlertRequest request = parser.parse(arguments);

        if (way == null) {
            assertThat(request.move()).isNull();
        } else {
            assertThat(request.move()).isEqualTo(new Move(way, Duration.ofHours(windowHours)));
            assertThat(request.threshold()).isEqualByComparingTo(percent);
        }
        assertThat(request.mode()).isEqualTo(mode);
        assertThat(request.expiresIn()).isEqualTo(expiresInHours == null ? null : Duration.ofHours(expiresInHours));
        assertThat(request.expiresOn()).isEqualTo(expiresOn == null ? null : LocalDate.parse(expiresOn));
        assertThat(request.note()).isEqualTo(note);
    }

    @ParameterizedTest(name = "/alert {0}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''                          | Tell me a currency pair, above or below, and a threshold.
            USD                         | 'USD' is not a currency pair. Write it as USD KRW, USD/KRW or USDKRW.
            USD XYZ above 1400          | 'XYZ' is not an ISO 4217 currency code. Examples: USD, EUR, JPY, KRW.
            USD USD above 1             | A pair needs two different currencies, got USD twice. Example: USD KRW
            USD KRW                     | Say whether to alert above or below a threshold for USD/KRW.
            USD KRW 1400                | Say above or below before the threshold 1400.
            USD KRW to 1400             | 'to' is not a direction; use above, below, over, under, > or <, or move, up or down with a percent and a window (move 1% 24h).
            USD KRW move                | Say how many percent the rate should move, e.g. /alert USD/KRW move 1% 24h.
            USD KRW move lots 24h       | 'lots' is not a move I can watch; use a percent above 0 and at most 100, e.g. 1% or 0.5%.
            USD KRW up 150% 24h         | '150' is not a move I can watch; use a percent above 0 and at most 100, e.g. 1% or 0.5%.
            USD KRW down 1% 2w          | '2w' is not a window I can watch; use whole hours or days from 1h to 30d, e.g. 1h, 24h, 7d or 30d.
            USD KRW down 1% 0h          | '0h' is not a window I can watch; use whole hours or days from 1h to 30d, e.g. 1h, 24h, 7d or 30d.
            USD KRW above 1400 until x  | 'x' is not an expiry; use 'for 7d' (hours or days) or 'until 2026-12-31'.
            USD KRW above 1400 for 400d | '400d' is not an expiry; use 'for 7d' (hours or days) or 'until 2026-12-31'.
            USD KRW above               | The threshold is missing. Example: /alert USD KRW above 1400
            USD KRW >                   | The threshold is missing. Example: /alert USD KRW above 1400
            USD KRW above lots          | 'lots' is not a number for the threshold. Write it like 1400, 1400.5 or 1,400.50.
            USD KRW above 1.400,50      | '1.400,50' is not a number for the threshold. Write it like 1400, 1400.5 or 1,400.50.
            USD KRW above -5            | The threshold must be greater than 0, got -5.
            USD KRW above 0             | The threshold must be greater than 0, got 0.
            USD KRW above 99999999999   | The threshold 99999999999 is too large; the maximum is 1,000,000,000.
            USD KRW above 1.123456789   | The threshold has too many decimals; at most 8 are allowed.
            EUR USD above 1.05 sell     | Bank buying and selling rates exist only against KRW, e.g. /alert EUR KRW above 1400 sell.
            USD KRW move 1% 24h sell    | A percent move is measured on the mid rate only: leave out 'sell', e.g. /alert USD KRW move 1% 24h.
            USD KRW above 1e999999999   | '1e999999999' is not a number for the threshold. Write it like 1400, 1400.5 or 1,400.50.
            """)
    void refusesWithASpecificReason(String arguments, String reason) {
        assertThatThrownBy(() -> parser.parse(arguments))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(reason);
    }
}
