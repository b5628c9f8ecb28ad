package palsim.app.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Compares two metrics.csv files row by row: are they bit-identical, and if not, where and by how much
 * do they differ. Used by {@code palsim rerun} to check that a run reproduces.
 *
 * @param rows data rows of the old file
 * @param differingRows rows whose text differs (rows present in only one file count too)
 * @param firstDifference the first differing row, as {@code old → new}; empty when identical
 * @param largestDifference the largest |old − new| among rows with the same key (0 when none differ
 *     in value; NaN when a row is missing or has a NaN on one side only)
 */
public record MetricsComparison(int rows, int differingRows, String firstDifference, double largestDifference) {

    /** Whether the two files are identical. */
    public boolean identical() {
        return differingRows == 0;
    }

    /** Compares {@code previous} with {@code current}. */
    public static MetricsComparison of(Path previous, Path current) {
        try {
            return of(Files.readAllLines(previous), Files.readAllLines(current));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metrics to compare: " + e.getMessage(), e);
        }
    }

    /** Compares two metrics.csv contents given as lines (header first). */
    static MetricsComparison of(List<String> previous, List<String> current) {
        int rows = Math.max(0, previous.size() - 1);
        int n = Math.max(previous.size(), current.size());
        int differing = 0;
        String first = "";
        double largest = 0;
        for (int i = 1; i < n; i++) {
            String a = i < previous.size() ? previous.get(i) : null;
            String b = i < current.size() ? current.get(i) : null;
            if (a != null && a.equals(b)) {
                continue;
            }
            differing++;
            if (first.isEmpty()) {
                first = (a == null ? "(none)" : a) + " → " + (b == null ? "(none)" : b);
            }
            largest = Math.max(largest, valueDifference(a, b));
        }
        if (!previous.isEmpty() && !current.isEmpty() && !previous.getFirst().equals(current.getFirst())) {
            differing++;
            first = first.isEmpty() ? "header: " + previous.getFirst() + " → " + current.getFirst() : first;
        }
        return new MetricsComparison(rows, differing, first, largest);
    }

    /** |old − new| when both rows have the same key; NaN otherwise. */
    private static double valueDifference(String a, String b) {
        if (a == null || b == null) {
            return Double.NaN;
        }
        int ca = a.lastIndexOf(',');
        int cb = b.lastIndexOf(',');
        if (ca < 0 || cb < 0 || !a.substring(0, ca).equals(b.substring(0, cb))) {
            return Double.NaN;
        }
        try {
            return Math.abs(Double.parseDouble(a.substring(ca + 1)) - Double.parseDouble(b.substring(cb + 1)));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** One line for the terminal. */
    public String describe() {
        if (identical()) {
            return "metrics.csv is bit-identical (" + rows + " rows)";
        }
        return String.format(Locale.ROOT, "metrics.csv differs in %d of %d rows; largest difference %s; first: %s", differingRows,
                rows, Double.isNaN(largestDifference) ? "n/a (rows added or removed)" : String.format(Locale.ROOT, "%.3g",
                        largestDifference), firstDifference);
    }
}
