package palsim.app.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep executor that lives in a module of its own and is found on the class path through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/palsim.app.sweep.SweepExecutorProvider}),
 * so that palsim's core and default command line carry none of its dependencies: the Spark
 * executor of palsim-spark is one ({@code palsim sweep --executor spark}).
 */
public interface SweepExecutorProvider {

    /** The name {@code --executor} selects it by, e.g. {@code spark}. */
    String name();

    /**
     * What the executor needs to know of the sweep and the command line.
     *
     * @param directory the sweep directory on this machine (absolute): sweep.yaml is there, the
     *     aggregate goes there
     * @param sweepYaml sweep.yaml's text, for workers that cannot read {@code directory}
     * @param master where to run, e.g. {@code local[*]} or {@code spark://host:7077}
     * @param conf further engine settings, {@code key=value}
     * @param output where the workers write the points' run directories, when not {@code directory}
     *     (e.g. {@code hdfs://…} or {@code s3a://…})
     * @param commandLine the command as typed, for the points' provenance
     * @param progress where progress lines go
     */
    record Settings(Path directory, String sweepYaml, String master, Map<String, String> conf, Optional<String> output,
            String commandLine, PrintWriter progress) {
        public Settings {
            conf = Map.copyOf(conf);
        }
    }

    /**
     * A ready executor.
     *
     * @throws palsim.app.InputException for a bad setting (one line naming it)
     */
    SweepExecutor create(Settings settings);
}
