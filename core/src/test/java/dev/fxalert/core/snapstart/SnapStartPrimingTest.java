package dev.fxalert.core.snapstart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The hooks as SnapStart's runtime calls them: before the snapshot, then after a restore. */
class SnapStartPrimingTest {

    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theWarmUpRunsBeforeTheCheckpointAndTheResetAfterTheRestore() {
        SnapStartPriming priming = SnapStartPriming.of("test", () -> ran.add("warm-up"), () -> ran.add("reset"));

        priming.beforeCheckpoint(null);
        assertThat(ran).containsExactly("warm-up");
        assertThat(priming.primed()).isTrue();
        priming.afterRestore(null);
        assertThat(ran).containsExactly("warm-up", "reset");
    }

    @Test
    void aFailingWarmUpDoesNotStopTheSnapshot() {
        SnapStartPriming priming = SnapStartPriming.of("test", () -> {
            throw new IllegalStateException("no table");
        }, () -> { });

        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
        assertThat(priming.primed()).isFalse();
    }

    @Test
    void theWarmUpRunsUnderItsOwnCorrelationWhichNoRestoredInvocationInherits() {
        List<String> seen = new ArrayList<>();
        SnapStartPriming priming = SnapStartPriming.of("test", () -> seen.add(MDC.get("requestId")), () -> { });

        priming.beforeCheckpoint(null);
        MDC.put("requestId", "left-over");
        priming.afterRestore(null);

        assertThat(seen).containsExactly("snapstart-priming");
        assertThat(MDC.get("requestId")).isNull();
    }
}
