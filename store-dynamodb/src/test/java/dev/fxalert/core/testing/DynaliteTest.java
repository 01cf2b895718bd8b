package dev.fxalert.core.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynaliteTest {

    @Test
    void findsTheProjectsDynaliteByWalkingUpFromASubdirectory() {
        Path cli = Dynalite.findCli(Path.of("").toAbsolutePath().resolve("src/test/java"));

        assertThat(cli).endsWith(Path.of("tools", "node_modules", "dynalite", "cli.js")).isRegularFile();
    }

    @Test
    void failsWithInstallInstructionsWhenDynaliteIsNotInstalled(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> Dynalite.findCli(elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("npm ci --prefix tools")
                .hasMessageContaining("Node 20+");
    }

    @Test
    void servesTheDynamoDbApiOnALoopbackPortUntilClosed() {
        try (Dynalite dynalite = new Dynalite().start()) {
            assertThat(dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(dynalite.client().listTables().tableNames()).isEmpty();
        }
    }
}
