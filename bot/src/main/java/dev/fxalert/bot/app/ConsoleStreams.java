package dev.fxalert.bot.app;

import java.io.InputStream;
import java.io.PrintStream;

/** Where the console chat reads and prints: standard input and output, or fakes in tests. */
public record ConsoleStreams(InputStream in, PrintStream out) {
}
