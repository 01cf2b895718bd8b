package dev.fxalert.bot.command;

import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvertRequestParserTest {

    private final ConvertRequestParser parser = new ConvertRequestParser();

    @ParameterizedTest(name = "/convert {0}")
    @CsvSource(delimiter = '|', textBlock = """
            100 USD KRW      | 100     | USD/KRW
            1,000.5 usd/krw  | 1000.5  | USD/KRW
            100 USD to KRW   | 100     | USD/KRW
            0.5 EURJPY       | 0.5     | EUR/JPY
            """)
    void acceptsAmountThenPair(String arguments, String amount, String pair) {
        ConvertRequest request = parser.parse(arguments);
        assertThat(request.amount()).isEqualByComparingTo(amount);
        assertThat(request.pair()).isEqualTo(CurrencyPair.parse(pair));
    }

    @ParameterizedTest(name = "/convert {0}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''                    | Tell me an amount and two currencies.
            USD KRW 100           | 'USD' is not a number for the amount. Write it like 1400, 1400.5 or 1,400.50.
            -3 USD KRW            | The amount must be greater than 0, got -3.
            100                   | Tell me which currencies to convert between.
            100 USD KRW please    | I did not understand 'please' after the currencies.
            1e9 USD KRW           | '1e9' is not a number for the amount. Write it like 1400, 1400.5 or 1,400.50.
            1e999999999 USD KRW   | '1e999999999' is not a number for the amount. Write it like 1400, 1400.5 or 1,400.50.
            """)
    void refusesWithASpecificReason(String arguments, String reason) {
        assertThatThrownBy(() -> parser.parse(arguments)).isInstanceOf(InvalidInputException.class).hasMessage(reason);
    }
}
