package palsim.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import palsim.app.InputException;
import palsim.app.verify.TraceVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palsim verify TRACE…}: replays step-level recordings of a microcircuit in every palsim
 * engine and compares every state quantity at every recorded checkpoint (docs/verify.md).
 */
@Command(name = "verify", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Replay step-level recordings of a microcircuit (trace files, docs/verify.md) in every palsim engine"
                + " — the lane engine at width 1 and with a full group of lanes, and the scalar reference — and compare"
                + " every state quantity at every recorded checkpoint. Exit code 0 if all agree within the tolerance,"
                + " 4 if not (the first difference is named)."})
final class VerifyCommand implements Callable<Integer> {
    /** Exit code when an engine differs from a recording. */
    static final int DIFFERENT = 4;

    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0..*", arity = "0..*", paramLabel = "TRACE",
            description = "Trace files (.json or .json.gz); without any, the traces palsim ships.")
    private List<Path> traces = new ArrayList<>();

    @Option(names = "--tolerance", paramLabel = "REL", defaultValue = "1e-9",
            description = "Largest accepted difference, relative to each quantity's largest magnitude in the recording"
                    + " (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    VerifyCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InputException("--tolerance: must be a finite number >= 0, got " + tolerance);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String firstFailure = null;
        List<String> bundled = traces.isEmpty() ? TraceVerification.bundled() : List.of();
        int count = traces.isEmpty() ? bundled.size() : traces.size();
        for (int i = 0; i < count; i++) {
            TraceVerification v;
            if (traces.isEmpty()) {
                v = TraceVerification.runBundled(bundled.get(i));
            } else {
                Path trace = traces.get(i);
                v = TraceVerification.run(environment.workingDirectory().resolve(trace), trace.toString());
            }
            if (i > 0) {
                out.println();
            }
            v.print(out, tolerance);
            out.flush();
            String failure = v.firstFailure(tolerance);
            if (failure != null && firstFailure == null) {
                firstFailure = failure;
            }
        }
        if (firstFailure != null) {
            err.println("palsim: " + firstFailure);
            err.flush();
            return DIFFERENT;
        }
        out.println();
        out.println(count == 1 ? "The trace agrees with every engine." : "All " + count + " traces agree with every engine.");
        return 0;
    }
}
