package palsim.app.verify;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import palsim.core.microcircuit.CircuitQuantity;
import palsim.core.microcircuit.LearningSwitches;

/**
 * {@code palsim verify}'s work for one trace file: read it, replay it in every engine, print one
 * table per engine, and say whether everything stayed within the tolerance.
 */
public final class TraceVerification {
    private final ReferenceTrace trace;
    private final List<TraceReplay.Result> results = new ArrayList<>();

    private TraceVerification(ReferenceTrace trace) {
        this.trace = trace;
    }

    /**
     * Reads and replays {@code path} in every engine.
     *
     * @param name the file as the user named it
     * @throws palsim.app.data.DataFileException if the file is missing, malformed or unsupported
     */
    public static TraceVerification run(Path path, String name) {
        return replay(TraceReader.read(path, name));
    }

    /** The traces palsim ships (file names). */
    public static List<String> bundled() {
        return TraceReader.BUNDLED;
    }

    /** Replays the bundled trace {@code file} (one of {@link #bundled()}) in every engine. */
    public static TraceVerification runBundled(String file) {
        return replay(TraceReader.bundled(file));
    }

    private static TraceVerification replay(ReferenceTrace trace) {
        TraceVerification v = new TraceVerification(trace);
        Map<CircuitQuantity, Double> scales = TraceReplay.scales(trace);
        for (ReplayEngine engine : ReplayEngine.all(trace)) {
            v.results.add(TraceReplay.run(trace, engine, scales));
        }
        return v;
    }

    /** The first difference beyond {@code tolerance} in any engine, as one line; null if none. */
    public String firstFailure(double tolerance) {
        for (TraceReplay.Result r : results) {
            TraceReplay.Failure f = r.firstBeyond(tolerance);
            if (f != null) {
                return trace.file() + ": " + TraceNames.of(f.quantity()) + " (" + f.quantity().symbol() + ") of layer "
                        + f.deviation().layer() + " differs after step " + f.step() + " in the " + f.engine()
                        + ": relative difference " + number(f.deviation().relative()) + " > tolerance " + number(tolerance)
                        + " (absolute " + number(f.deviation().absolute()) + ")";
            }
        }
        return null;
    }

    /** The largest relative difference over every engine, quantity and checkpoint. */
    public double largest() {
        return results.stream().mapToDouble(TraceReplay.Result::largest).max().orElse(0);
    }

    /** Prints the header and one table per engine. */
    public void print(PrintWriter out, double tolerance) {
        LearningSwitches s = trace.switches();
        out.println(trace.file());
        out.printf(Locale.ROOT, "  task %s, seed %d, layers %s, rule %s, %d steps; checkpoints after steps %s%n", trace.task(),
                trace.seed(), java.util.Arrays.toString(trace.circuit().layers()), trace.circuit().feedbackRule().name(),
                trace.steps().size(), trace.checkpoints().keySet());
        out.printf(Locale.ROOT, "  learning: W %s, W_IP and B_PI %s, B %s; tolerance %s relative to each quantity's"
                + " largest magnitude in the recording%n", onOff(s.forward()), onOff(s.lateral()), onOff(s.feedback()),
                number(tolerance));
        for (TraceReplay.Result r : results) {
            out.println();
            boolean pass = r.firstBeyond(tolerance) == null;
            out.printf(Locale.ROOT, "  %s: %s (largest relative difference %s)%n", r.engine(), pass ? "PASS" : "FAIL",
                    number(r.largest()));
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "    %-13s %-9s", "quantity", "scale"));
            for (int k : trace.checkpoints().keySet()) {
                header.append(String.format(Locale.ROOT, " %-19s", "step " + k));
            }
            out.println(header.toString().stripTrailing());
            for (Map.Entry<CircuitQuantity, SortedMap<Integer, Deviation>> e : r.deviations().entrySet()) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "    %-13s %-9s", TraceNames.of(e.getKey()),
                        number(r.scales().get(e.getKey()))));
                for (Deviation d : e.getValue().values()) {
                    String cell = number(d.absolute()) + " (" + number(d.relative()) + ")";
                    row.append(String.format(Locale.ROOT, " %-19s", d.relative() <= tolerance ? cell : cell + "!"));
                }
                out.println(row.toString().stripTrailing());
            }
            if (!r.notCompared().isEmpty()) {
                List<String> names = r.notCompared().stream().map(TraceNames::of).toList();
                out.println("    not compared (no such state under this rule): " + String.join(", ", names));
            }
        }
        out.println("    cells: largest absolute difference (relative to the scale); ! marks a cell beyond the tolerance");
    }

    private static String onOff(boolean on) {
        return on ? "learn" : "frozen";
    }

    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        if (Double.isInfinite(v)) {
            return "inf";
        }
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
