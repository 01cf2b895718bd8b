package dev.fxalert.core.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point: {@code --embedded 10000,100000,1000000} sizes for the H2 adapter (each on a fresh file in a
 * temp folder), {@code --dynalite 10000,100000} sizes for the DynamoDB adapter (each on a fresh dynalite server;
 * needs {@code npm ci --prefix tools}); {@code none} skips an adapter. Prints the Markdown table recorded in
 * docs/performance.md.
 */
public final class RunCrossingBenchmark {

    public static void main(String[] args) throws Exception {
        List<Integer> embedded = sizes(args, "--embedded", "10000,100000,1000000");
        List<Integer> dynalite = sizes(args, "--dynalite", "10000,100000");
        List<CrossingBenchmark.Row> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("fx-alert-bench");
        for (int n : embedded) {
            try (EmbeddedSubject subject = new EmbeddedSubject(dir.resolve("bench-" + n + ".db"))) {
                CrossingBenchmark.Row row = CrossingBenchmark.measure(subject, n);
                System.out.println(row.markdown());
                rows.add(row);
            }
        }
        for (int n : dynalite) {
            try (DynaliteSubject subject = new DynaliteSubject()) {
                CrossingBenchmark.Row row = CrossingBenchmark.measure(subject, n);
                System.out.println(row.markdown());
                rows.add(row);
            }
        }
        // Issue 14: percent-move rows, --embedded-moves / --dynalite-moves sizes (none by default).
        List<CrossingBenchmark.MoveRow> moveRows = new ArrayList<>();
        for (int n : sizes(args, "--embedded-moves", "none")) {
            try (EmbeddedSubject subject = new EmbeddedSubject(dir.resolve("bench-moves-" + n + ".db"))) {
                CrossingBenchmark.MoveRow row = CrossingBenchmark.measureMoves(subject, n);
                System.out.println(row.markdown());
                moveRows.add(row);
            }
        }
        for (int n : sizes(args, "--dynalite-moves", "none")) {
            try (DynaliteSubject subject = new DynaliteSubject()) {
                CrossingBenchmark.MoveRow row = CrossingBenchmark.measureMoves(subject, n);
                System.out.println(row.markdown());
                moveRows.add(row);
            }
        }
        System.out.println();
        System.out.println(CrossingBenchmark.HEADER);
        rows.forEach(row -> System.out.println(row.markdown()));
        if (!moveRows.isEmpty()) {
            System.out.println();
            System.out.println(CrossingBenchmark.MOVE_HEADER);
            moveRows.forEach(row -> System.out.println(row.markdown()));
        }
    }

    static List<Integer> sizes(String[] args, String flag, String defaults) {
        String value = defaults;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(flag)) {
                value = args[i + 1];
            }
        }
        if (value.isBlank() || value.equals("none")) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    private RunCrossingBenchmark() {
    }
}
