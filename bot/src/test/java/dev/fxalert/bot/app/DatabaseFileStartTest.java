package dev.fxalert.bot.app;

import dev.fxalert.bot.FxAlertApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app refuses a database file it must not use, and says why in one line. */
class DatabaseFileStartTest {

    @TempDir
    Path dir;

    @Test
    void aFileLockedByAnotherProcessStopsTheStartWithOneLineNamingIt() throws Exception {
        Path db = dir.resolve("fx-alert.db");
        Path h2File = dir.resolve("fx-alert.db.mv.db");
        Files.createFile(h2File);
        try (RandomAccessFile raf = new RandomAccessFile(h2File.toFile(), "rw"); FileLock lock = raf.getChannel().lock()) {
            assertThat(lock.isValid()).isTrue();
            assertThatThrownBy(() -> new SpringApplicationBuilder(FxAlertApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("INGESTION_RUN_AT_START=false")
                    // An argument, not a default property: the test config's temporary database path would win over it.
                    .run("--FX_ALERT_DB_PATH=" + db))
                    .satisfies(e -> {
                        FailureAnalysis analysis = new DatabaseFileFailureAnalyzer().analyze(e);
                        assertThat(analysis).as("analysed as a refused database file").isNotNull();
                        assertThat(analysis.getDescription()).contains(h2File.toString(), "in use")
                                .doesNotContain("\n");
                    });
        }
    }
}
