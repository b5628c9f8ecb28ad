package palsim.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import palsim.app.config.ConfigDocument;
import palsim.app.config.PresetCatalog;
import palsim.app.experiment.Experiments;
import palsim.app.experiment.ProgressReporter;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.FailureReport;
import palsim.app.run.MachineInfo;
import palsim.app.run.RunDirectory;
import palsim.app.run.SoftwareVersion;
import palsim.app.sweep.SweepRunner;

/**
 * One Spark task: runs one sweep point, on whichever executor Spark chose, through
 * {@link SweepRunner#runPoint} — the code path of every other executor — from the sweep's
 * sweep.yaml text, which travels with the task. The run directory is written straight into the
 * output directory when that is a plain path (a shared file system), or into a local temporary
 * directory and then copied to the output location through Hadoop's file system API (HDFS, S3, …),
 * in which case the files the aggregate reads come back with the result.
 *
 * <p>A failing point throws on every attempt but the last, so that Spark retries it (elsewhere,
 * perhaps); on the last it is recorded as failed and returned, so it does not stop the sweep.
 */
final class PointTask implements Function<Integer, PointResult>, Serializable {
    private static final long serialVersionUID = 1L;
    /** The files of a point's run directory that {@link palsim.app.sweep.SweepAggregate} and the outcome read. */
    static final List<String> RETURNED = List.of(RunDirectory.CONFIG, RunDirectory.PROVENANCE, RunDirectory.METRICS,
            RunDirectory.SUMMARY);

    private final String sweepYaml;
    private final String output;
    private final boolean viaHadoop;
    private final int threads;
    private final int attempts;
    private final String commandLine;
    private final HashMap<String, String> hadoop;

    /**
     * @param output the sweep's output directory: a plain path, or a Hadoop URI when {@code viaHadoop}
     * @param threads threads per point
     * @param attempts how often Spark runs a failing task
     * @param hadoop the {@code spark.hadoop.*} settings, without the prefix
     */
    PointTask(String sweepYaml, String output, boolean viaHadoop, int threads, int attempts, String commandLine,
            Map<String, String> hadoop) {
        this.sweepYaml = sweepYaml;
        this.output = output;
        this.viaHadoop = viaHadoop;
        this.threads = threads;
        this.attempts = attempts;
        this.commandLine = commandLine;
        this.hadoop = new HashMap<>(hadoop);
    }

    @Override
    public PointResult call(Integer index) throws Exception {
        SweepRunner sweeps = new SweepRunner(new ExperimentRunner(Experiments.standard(), PresetCatalog.standard()::example));
        SweepRunner.Plan plan = sweeps.plan(ConfigDocument.parse(sweepYaml, SweepRunner.SWEEP_CONFIG));
        String name = plan.points().get(index).directoryName();
        Path sweepDirectory = viaHadoop ? Files.createTempDirectory("palsim-sweep-") : Path.of(output);
        try {
            ExperimentRunner.Request request = new ExperimentRunner.Request(sweepDirectory, true, threads, commandLine,
                    ProgressReporter.silent(), Clock.systemDefaultZone(), SoftwareVersion.detect(), MachineInfo.current());
            FailureReport failure = null;
            try {
                sweeps.runPoint(plan, request, index, threads, true);
            } catch (Exception | Error e) {
                TaskContext context = TaskContext.get();
                if (context != null && context.attemptNumber() + 1 < attempts) {
                    throw e;
                }
                failure = FailureReport.of(e);
            }
            Map<String, byte[]> files = new HashMap<>();
            if (viaHadoop) {
                Path local = sweepDirectory.resolve(name);
                copyOut(local, name);
                for (String file : RETURNED) {
                    if (Files.isRegularFile(local.resolve(file))) {
                        files.put(file, Files.readAllBytes(local.resolve(file)));
                    }
                }
            }
            return new PointResult(index, failure == null ? null : failure.kind().label(),
                    failure == null ? null : failure.message(), files);
        } finally {
            if (viaHadoop) {
                deleteTree(sweepDirectory);
            }
        }
    }

    /** Copies the point's run directory to {@code <output>/<name>}, replacing an earlier attempt's. */
    private void copyOut(Path local, String name) throws IOException {
        Configuration configuration = new Configuration();
        hadoop.forEach(configuration::set);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(output, name);
        FileSystem fs = target.getFileSystem(configuration);
        fs.delete(target, true);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
        }
    }
}
