package dev.fxalert.admin.alerts;

import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.admin.testing.Alerts;
import dev.fxalert.admin.testing.InMemoryAlertStore;
import dev.fxalert.core.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertListingTest {

    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final AlertListing listing = new AlertListing(store);

    @Test
    void pagesThroughEveryMatchingAlertExactlyOnce() {
        for (int i = 0; i < 7; i++) {
            store.add(Alerts.armed("k" + i, "u1", 101, "USD/KRW", "14" + i + "0"));
        }
        store.add(Alerts.armed("e1", "u1", 101, "EUR/USD", "1.1"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AlertListView page = listing.list("USD/KRW", null, cursor, "3");
            page.items().forEach(alert -> seen.add(alert.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("k0", "k1", "k2", "k3", "k4", "k5", "k6");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listsDeadLetteredPushesNewestFirstWithTheirReason() {
        Instant t = Instant.parse("2026-11-25T09:00:00Z");
        store.add(Alerts.firedPending("p1", "u1", 101, "USD/KRW", "1400", t));
        store.add(Alerts.deadLettered("d1", "u2", 102, "USD/KRW", "1400", t.plusSeconds(1),
                "400 Bad Request: not enough rights to send text messages to the chat", false));
        store.add(Alerts.deadLettered("d2", "u3", 103, "USD/KRW", "1400", t.plusSeconds(2), "outcome unknown: timeout", true));

        AlertListView dead = listing.deadLetters(null);

        assertThat(dead.items()).extracting(AlertView::id).containsExactly("d2", "d1");
        assertThat(dead.items().get(0).push().outcomeUnknown()).isTrue();
        assertThat(dead.items().get(1).push().deadLetter()).contains("not enough rights");
        assertThat(dead.nextCursor()).isNull();
        assertThat(listing.deadLetters("1").items()).extracting(AlertView::id).containsExactly("d2");
        assertThatThrownBy(() -> listing.deadLetters("0")).isInstanceOf(AdminProblem.class);
    }

    @Test
    void filtersByStateWhateverTheCaseAndByPairInAnyAcceptedSpelling() {
        store.add(Alerts.armed("a1", "u1", 101, "USD/KRW", "1400"));
        store.add(Alerts.paused("a2", "u1", 101, "USD/KRW", "1300"));
        store.add(Alerts.paused("a3", "u1", 101, "EUR/USD", "1.1"));

        assertThat(listing.list("usdkrw", "paused", null, null).items()).extracting(AlertView::id).containsExactly("a2");
        assertThat(listing.list(null, "ARMED", "", "").items()).extracting(AlertView::id).containsExactly("a1");
    }

    @Test
    void showsDecimalsAsPlainStringsAndTheFiringOfAFiredAlert() {
        store.add(Alerts.firedPending("f1", "u1", 101, "USD/KRW", "1400.50", Instant.parse("2026-11-25T10:00:00Z")));

        AlertView view = listing.list(null, null, null, null).items().get(0);

        assertThat(view.threshold()).isEqualTo("1400.5");
        assertThat(view.state()).isEqualTo("FIRED");
        assertThat(view.pushPending()).isTrue();
        assertThat(view.lastFiring().rate()).isEqualTo("1400.5");
        assertThat(view.lastFiring().firedAt()).isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void refusesAnUnknownStateNamingTheValidOnes() {
        assertThatThrownBy(() -> listing.list(null, "ACTIVE", null, null))
                .isInstanceOf(AdminProblem.class).hasMessageContaining("ACTIVE").hasMessageContaining("ARMED, FIRED, PAUSED");
    }

    @Test
    void refusesALimitOutsideOneToAHundred() {
        for (String limit : List.of("0", "101", "-1", "ten", "2.5")) {
            assertThatThrownBy(() -> listing.list(null, null, null, limit))
                    .isInstanceOf(AdminProblem.class).hasMessageContaining("limit must be a whole number from 1 to 100");
        }
    }

    @Test
    void refusesAPairThatIsNotOne() {
        assertThatThrownBy(() -> listing.list("USD/XYZ", null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("XYZ");
    }

    @Test
    void refusesACursorTheStoreDidNotIssue() {
        assertThatThrownBy(() -> listing.list(null, null, "forged", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor is not one this listing returned");
    }
}
