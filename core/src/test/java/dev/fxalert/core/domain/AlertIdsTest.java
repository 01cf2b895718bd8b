package dev.fxalert.core.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AlertIdsTest {

    @Test
    void anIdDerivedFromADeliveryIsTheSameEveryTimeAndTypeable() {
        String id = AlertIds.derivedFrom("telegram-update-1001");

        assertThat(AlertIds.derivedFrom("telegram-update-1001")).isEqualTo(id);
        assertThat(AlertIds.normalize(id)).isEqualTo(id);
    }

    @Test
    void differentDeliveriesDeriveDifferentIds() {
        Set<String> ids = new HashSet<>();
        for (int update = 0; update < 10_000; update++) {
            ids.add(AlertIds.derivedFrom("telegram-update-" + update));
        }
        assertThat(ids).hasSize(10_000);
    }
}
