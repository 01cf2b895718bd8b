package dev.fxalert.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One scenario's world: the fakes, a fresh data folder and the app process; closing it stops everything. */
final class Fixture implements AutoCloseable {

    final FakeTelegram telegram = new FakeTelegram();
    final FakeProviders providers = new FakeProviders();
    final AppProcess app;
    private final Path dataDir;

    Fixture(String scenario) {
        try {
            dataDir = Files.createTempDirectory("fx-fault-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = new AppProcess(scenario, telegram, providers, dataDir);
    }

    /** Alert pushes the users saw (a push starts with the bell). */
    List<FakeTelegram.Send> pushes() {
        return telegram.delivered(FakeTelegram.Send::isPush);
    }

    /** Everything else the users saw: answers to their messages. */
    List<FakeTelegram.Send> replies() {
        return telegram.delivered(send -> !send.isPush());
    }

    static int setting(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    /** Prints one scenario's counts and appends them to target/fault-logs/counts.txt (the numbers for the docs). */
    static void record(String scenario, Map<String, ?> counts) {
        String line = "FAULT-COUNTS " + scenario + " " + new LinkedHashMap<>(counts);
        System.out.println(line);
        Path file = Path.of(System.getProperty("fault.logDir", "target/fault-logs"), "counts.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            telegram.close();
            providers.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
