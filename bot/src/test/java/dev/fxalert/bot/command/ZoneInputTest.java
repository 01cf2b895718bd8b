package dev.fxalert.bot.command;

import dev.fxalert.core.domain.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZoneInputTest {

    @ParameterizedTest
    @CsvSource({
            "Asia/Seoul, Asia/Seoul", "asia/seoul, Asia/Seoul", "Seoul, Asia/Seoul", "서울, Asia/Seoul",
            "new york, America/New_York", "New_York, America/New_York", "europe/berlin, Europe/Berlin",
            "UTC+9, UTC+09:00", "+09:00, UTC+09:00", "gmt-5:30, UTC-05:30", "UTC +0530, UTC+05:30",
            "utc, UTC", "UTC+0, UTC", "Z, UTC",
            // the abbreviations our replies print, where one zone owns them ("20:00 KST" copied back)
            "KST, Asia/Seoul", "kst, Asia/Seoul", "JST, Asia/Tokyo", "HKT, Asia/Hong_Kong", "SGT, Asia/Singapore",
            "EST, America/New_York", "EDT, America/New_York", "PST, America/Los_Angeles", "PDT, America/Los_Angeles"})
    void readsIanaIdsCitiesAndOffsets(String typed, String stored) {
        assertThat(ZoneInput.parse(typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars", "UTC+19", "+25:00", "CST", "IST", "BST", "Asia", "Seoul Korea", "12"})
    void refusesAnythingElseNamingWhatWasTyped(String typed) {
        assertThatThrownBy(() -> ZoneInput.parse(typed)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + typed + "' is not a time zone I know");
    }
}
