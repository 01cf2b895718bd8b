package dev.fxalert.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrencyPairTest {

    @ParameterizedTest
    @ValueSource(strings = {"USD KRW", "USD/KRW", "usdkrw", " usd / krw ", "USD-KRW", "UsDkRw"})
    void parsesTheWaysPeopleWriteAPair(String text) {
        assertThat(CurrencyPair.parse(text)).isEqualTo(CurrencyPair.of("USD", "KRW"));
    }

    @Test
    void printsTheCanonicalSlashForm() {
        assertThat(CurrencyPair.of("eur", "usd")).hasToString("EUR/USD");
    }

    @Test
    void rejectsTheSameCurrencyTwice() {
        assertThatThrownBy(() -> CurrencyPair.of("USD", "usd"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("two different currencies");
    }

    @Test
    void rejectsCodesThatAreNotIso4217() {
        assertThatThrownBy(() -> CurrencyPair.parse("USD XYZ"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'XYZ' is not an ISO 4217 currency code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "USD", "USDKRWX", "US KRW", "12345"})
    void rejectsTextThatIsNoPair(String text) {
        assertThatThrownBy(() -> CurrencyPair.parse(text)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void invertsBaseAndQuote() {
        assertThat(CurrencyPair.of("USD", "KRW").inverse()).isEqualTo(CurrencyPair.of("KRW", "USD"));
    }
}
