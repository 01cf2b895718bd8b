package dev.fxalert.bot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** A fresh embedded-store file per application test, so tests never share or leave state in ./data. */
public final class TempDatabase {

    private TempDatabase() {
    }

    public static String newPath(String prefix) {
        try {
            return Files.createTempDirectory(prefix).resolve("fx-alert.db").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
