package palsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import palsim.app.InputException;
import palsim.app.run.FailureReport;
import palsim.app.sweep.SweepExecutor;
import palsim.app.sweep.SweepExecutorProvider;
import palsim.app.sweep.SweepPoint;
import palsim.app.sweep.SweepRunner;

/**
 * Runs a sweep's points as the tasks of one Spark job: one task (one partition) per point, each a
 * complete palsim run ({@link PointTask}). This JVM is the driver (client mode); the executors get
 * palsim's classes from the jars this JVM was started with ({@code spark.jars}) and the Vector API
 * module through {@code spark.executor.extraJavaOptions}. Spark retries a failed task (twice in all,
 * unless {@code spark.task.maxFailures} says otherwise); a point that fails on every attempt is
 * returned as failed, not fatal. Results are the tasks' own run directories, so the aggregate is
 * the local executor's, bit for bit.
 */
final class SparkSweepExecutor implements SweepExecutor {
    /** palsim's JVM option every executor needs. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,(\\d+))?])?");

    private final SweepExecutorProvider.Settings settings;

    SparkSweepExecutor(SweepExecutorProvider.Settings settings) {
        this.settings = settings;
        master(settings.master()); // reports a malformed local master before anything is written
    }

    /**
     * The master Spark is given: a {@code local} master gets a retry count (local mode runs a task
     * once unless its master says {@code local[N,F]}), any other is passed on.
     */
    static String master(String master) {
        Matcher m = LOCAL.matcher(master);
        if (master.startsWith("local") && !m.matches()) {
            throw new InputException("--master: expected local, local[N], local[*] or local[N,F], got '" + master + "'");
        }
        if (!m.matches() || m.group(2) != null) {
            return master;
        }
        return "local[" + (m.group(1) == null ? "1" : m.group(1)) + ",2]";
    }

    /** How often a failing task runs: F of local[N,F], else spark.task.maxFailures. */
    static int attempts(String master, SparkConf conf) {
        Matcher m = LOCAL.matcher(master);
        if (m.matches()) {
            return m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        }
        return conf.getInt("spark.task.maxFailures", 4);
    }

    SparkConf conf() {
        SparkConf conf = new SparkConf()
                .setAppName("palsim sweep " + settings.directory().getFileName())
                .setMaster(master(settings.master()))
                .set("spark.task.maxFailures", "2")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.jars", String.join(",", palsimJars()));
        for (Map.Entry<String, String> entry : settings.conf().entrySet()) {
            conf.set(entry.getKey(), entry.getValue());
        }
        String options = conf.get("spark.executor.extraJavaOptions", "");
        if (!options.contains("jdk.incubator.vector")) {
            conf.set("spark.executor.extraJavaOptions", (VECTOR_MODULE + " " + options).strip());
        }
        return conf;
    }

    /** The jars of this JVM's class path that hold palsim (palsim.jar, palsim-spark.jar): what executors need besides Spark. */
    private static List<String> palsimJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> type : List.of(SweepRunner.class, SparkSweepExecutor.class)) {
            try {
                Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    jars.add(location.toAbsolutePath().toString());
                }
            } catch (URISyntaxException | RuntimeException e) {
                // Not from a jar (classes of a build directory): a local master needs none.
            }
        }
        return new ArrayList<>(jars);
    }

    @Override
    public List<Outcome> runAll(List<SweepPoint> points, PointRunner runner) {
        if (points.isEmpty()) {
            return List.of();
        }
        SparkConf conf = conf();
        String master = conf.get("spark.master");
        int attempts = attempts(master, conf);
        boolean viaHadoop = settings.output().isPresent() && settings.output().get().matches("[A-Za-z][A-Za-z0-9+.-]*:.*");
        String output = settings.output().orElse(settings.directory().toString());
        Map<String, String> hadoop = new HashMap<>();
        for (scala.Tuple2<String, String> entry : conf.getAllWithPrefix("spark.hadoop.")) {
            hadoop.put(entry._1(), entry._2());
        }
        int threads = conf.getInt("spark.task.cpus", 1);
        PrintWriter progress = settings.progress();
        progress.printf(Locale.ROOT, "palsim: Spark job on %s: %d point%s, one task each, %d thread%s per task%s%n", master,
                points.size(), points.size() == 1 ? "" : "s", threads, threads == 1 ? "" : "s",
                viaHadoop ? ", run directories to " + output : "");
        progress.flush();

        List<PointResult> results;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            AtomicInteger finished = new AtomicInteger();
            spark.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    boolean ok = end.taskInfo().successful();
                    synchronized (progress) {
                        if (ok) {
                            progress.printf(Locale.ROOT, "palsim: Spark: %d of %d points finished%n", finished.incrementAndGet(),
                                    points.size());
                        } else {
                            progress.printf(Locale.ROOT, "palsim: Spark: a task failed on %s (attempt %d); Spark retries it%n",
                                    end.taskInfo().host(), end.taskInfo().attemptNumber() + 1);
                        }
                        progress.flush();
                    }
                }
            });
            List<Integer> indices = points.stream().map(SweepPoint::index).toList();
            results = spark.parallelize(indices, indices.size())
                    .map(new PointTask(settings.sweepYaml(), output, viaHadoop, threads, attempts, settings.commandLine(), hadoop))
                    .collect();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint point = points.get(i);
            PointResult result = results.get(i);
            if (viaHadoop) {
                writeLocally(point, result);
            }
            outcomes.add(new Outcome(point, result.failureKind() == null ? null
                    : new FailureReport(kind(result.failureKind()), result.failureMessage())));
        }
        return outcomes;
    }

    /** The files the aggregate reads, into the point's directory under the local sweep directory. */
    private void writeLocally(SweepPoint point, PointResult result) {
        Path directory = settings.directory().resolve(point.directoryName());
        try {
            Files.createDirectories(directory);
            for (String name : PointTask.RETURNED) {
                Files.deleteIfExists(directory.resolve(name));
            }
            for (Map.Entry<String, byte[]> file : result.files().entrySet()) {
                Files.write(directory.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory + ": " + e.getMessage(), e);
        }
    }

    private static FailureReport.Kind kind(String label) {
        for (FailureReport.Kind kind : FailureReport.Kind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return FailureReport.Kind.INTERNAL;
    }
}
