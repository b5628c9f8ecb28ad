package palsim.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import palsim.app.InputException;
import palsim.app.config.ConfigDocument;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.RunDirectory;
import palsim.app.sweep.LocalSweepExecutor;
import palsim.app.sweep.RecordedOutcome;
import palsim.app.sweep.SlurmSettings;
import palsim.app.sweep.SlurmSweepExecutor;
import palsim.app.sweep.SweepAggregate;
import palsim.app.sweep.SweepExecutor;
import palsim.app.sweep.SweepExecutorProvider;
import palsim.app.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code palsim sweep <config.yaml>}: runs every point of the config's {@code sweep} section, on this
 * machine, on a SLURM cluster or on Spark (docs/distributed.md); {@code --collect}, {@code --retry-failed}
 * and {@code --point} are the later steps and the task side of a sweep that runs elsewhere.
 */
@Command(name = "sweep", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run every point of a config's sweep section (docs/config.md, Sweeps), each into its own run"
                + " directory, in parallel under one thread budget, and write the combined metrics and comparison figures.",
                "On a cluster: --executor slurm (one job array) or --executor spark (docs/distributed.md)."})
final class SweepCommand implements Callable<Integer> {
    private final AppEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The config file (YAML) with a sweep section.")
    private Path config;

    @Option(names = "--executor", paramLabel = "NAME", defaultValue = "local",
            description = "Where the points run: local (this machine's threads, the default), slurm (one job array,"
                    + " one task per point) or spark (one task per point; needs the palsim-spark module).")
    private String executor;

    @Option(names = "--collect", paramLabel = "DIR",
            description = "Write the aggregate of the sweep in DIR from what its points' directories hold (a SLURM"
                    + " array submitted with --no-wait, or cut off); runs nothing.")
    private Path collect;

    @Option(names = "--retry-failed", paramLabel = "DIR",
            description = "Run again, on --executor, the points of the sweep in DIR that failed or never finished, then"
                    + " write the aggregate of all points.")
    private Path retryFailed;

    @Option(names = "--point", paramLabel = "N",
            description = "Run only point N of the sweep in --out DIR (what a cluster task runs).")
    private Integer point;

    @ArgGroup(exclusive = false, heading = "SLURM (--executor slurm; each overrides sweep.slurm of the config):%n")
    private SlurmOptions slurm = new SlurmOptions();

    @ArgGroup(exclusive = false, heading = "Spark (--executor spark):%n")
    private SparkOptions spark = new SparkOptions();

    /** The SLURM executor's options. */
    static final class SlurmOptions {
        @Option(names = "--time", paramLabel = "LIMIT", description = "Each task's time limit (sbatch --time), e.g. 00:30:00.")
        String time;

        @Option(names = "--mem", paramLabel = "SIZE", description = "Each task's memory (sbatch --mem), e.g. 4G.")
        String mem;

        @Option(names = "--cpus-per-task", paramLabel = "N",
                description = "Each task's cores (sbatch --cpus-per-task); a point runs with that many threads.")
        Integer cpusPerTask;

        @Option(names = "--partition", paramLabel = "NAME", description = "The partition (sbatch --partition).")
        String partition;

        @Option(names = "--account", paramLabel = "NAME", description = "The account to charge (sbatch --account).")
        String account;

        @Option(names = "--dry-run", description = "Print the job script and submit nothing.")
        boolean dryRun;

        @Option(names = "--no-wait", description = "Return once the array is submitted; collect it later with --collect.")
        boolean noWait;

        @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "10",
                description = "How often to ask squeue while waiting (default: ${DEFAULT-VALUE}).")
        double poll = 10;
    }

    /** The Spark executor's options. */
    static final class SparkOptions {
        @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
                description = "The Spark master: local[*], local[N], spark://host:7077, yarn, k8s://… (default: ${DEFAULT-VALUE}).")
        String master = "local[*]";

        @Option(names = "--conf", paramLabel = "KEY=VALUE",
                description = "A Spark setting, e.g. spark.executor.memory=4g (repeatable).")
        List<String> conf = new ArrayList<>();

        @Option(names = "--output", paramLabel = "URI",
                description = "Where the tasks write the points' run directories when not in --out: hdfs://…, s3a://…,"
                        + " file:/shared/… (the aggregate still goes to --out).")
        String output;
    }

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Sweep directory (default: runs/<config>-sweep-<yyyyMMdd-HHmmss>). An existing non-empty"
                    + " directory is refused unless --force is given.")
    private Path out;

    @Option(names = "--force", description = "Reuse a non-empty --out directory.")
    private boolean force;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads shared by all points (default: all cores). Results do not depend on it.")
    private Integer threads;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces of errors.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    SweepCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        long modes = java.util.stream.Stream.of(config, collect, retryFailed, point).filter(java.util.Objects::nonNull).count();
        if (modes != 1) {
            throw new InputException(modes == 0 ? "sweep: give a CONFIG (or --collect DIR, --retry-failed DIR, --point N --out DIR)"
                    : "sweep: give one of CONFIG, --collect DIR, --retry-failed DIR, --point N");
        }
        if (slurm.dryRun && !"slurm".equals(executor)) {
            throw new InputException("--dry-run: only with --executor slurm");
        }
        if (slurm.noWait && (!"slurm".equals(executor) || retryFailed != null)) {
            throw new InputException("--no-wait: only with --executor slurm and a CONFIG");
        }
        if (point != null) {
            return runPoint();
        }
        if (collect != null) {
            return collect();
        }
        if (retryFailed != null) {
            return retryFailed();
        }
        ConfigDocument document = ConfigDocument.load(environment.workingDirectory().resolve(config), config.toString());
        int budget = threads == null ? environment.defaultThreads() : threads;
        if (budget < 1) {
            throw new InputException("--threads: must be >= 1, got " + budget);
        }
        String name = config.getFileName() == null ? "sweep" : config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        ExperimentRunner runner = new ExperimentRunner(environment.experiments(), environment.presets()::example);
        SweepRunner sweeps = new SweepRunner(runner);
        SlurmSettings slurmSettings = SlurmSettings.of(document); // checked for every executor, like the rest of the config
        SweepRunner.Plan plan = sweeps.plan(document);

        Path directory = out != null ? environment.workingDirectory().resolve(out)
                : RunDirectory.defaultPath(environment.workingDirectory(), name + "-sweep", LocalDateTime.now(environment.clock()));
        RunDirectory.requireUsable(directory, force);
        if ("local".equals(executor)) {
            // this machine: the shared local sweep (its points can be resumed with palsim resume)
            return new SweepSupport(environment, spec).run(sweeps, plan, directory, force, budget);
        }
        RunSupport support = new RunSupport(environment, spec);
        PrintWriter err = spec.commandLine().getErr();
        SweepExecutor chosen = executor(directory.toAbsolutePath().normalize(), slurmSettings, plan, budget, name, support);
        if (chosen == null) {
            return 0; // --dry-run: the script is printed
        }
        int points = plan.points().size();
        err.printf(Locale.ROOT, "palsim: sweeping %s: %d point%s, on %s → %s%n", plan.runs().getFirst().common().task(),
                points, points == 1 ? "" : "s", executor, support.display(directory));
        err.flush();

        ExperimentRunner.Request request = new ExperimentRunner.Request(directory, force, budget, support.commandLine(),
                palsim.app.experiment.ProgressReporter.silent(), environment.clock(), environment.software().get(),
                environment.machine().get());
        if (slurm.noWait && "slurm".equals(executor)) {
            sweeps.submit(plan, request, chosen);
            err.println("palsim: when the tasks are done, write the aggregate with: palsim sweep --collect " + support.display(directory));
            err.flush();
            return 0;
        }
        SweepAggregate aggregate = sweeps.execute(plan, request, chosen);
        return report(aggregate, directory, support);
    }

    /** Prints how each point ended and the files; the first failed point's exit code, or 0. */
    private int report(SweepAggregate aggregate, Path directory, RunSupport support) {
        return new SweepSupport(environment, spec).report(aggregate, directory, support, "local".equals(executor) ? null : executor);
    }

    /** The sweep in {@code directory}: its sweep.yaml, planned. */
    private SweepRunner.Plan planOf(Path directory, SweepRunner sweeps) {
        Path yaml = directory.resolve(SweepRunner.SWEEP_CONFIG);
        if (!Files.isRegularFile(yaml)) {
            throw new InputException(directory + ": not a sweep directory (no " + SweepRunner.SWEEP_CONFIG + ")");
        }
        return sweeps.plan(ConfigDocument.load(yaml, directory.resolve(SweepRunner.SWEEP_CONFIG).toString()));
    }

    private SweepRunner sweeps() {
        return new SweepRunner(new ExperimentRunner(environment.experiments(), environment.presets()::example));
    }

    /** {@code --point N --out DIR}: one point, into DIR/point-NNN (replacing what an earlier attempt left). */
    private int runPoint() throws Exception {
        if (out == null) {
            throw new InputException("--point: needs --out DIR, the sweep directory");
        }
        Path directory = environment.workingDirectory().resolve(out);
        SweepRunner sweeps = sweeps();
        SweepRunner.Plan plan = planOf(directory, sweeps);
        int budget = threads == null ? 1 : threads;
        if (budget < 1) {
            throw new InputException("--threads: must be >= 1, got " + budget);
        }
        RunSupport support = new RunSupport(environment, spec);
        ExperimentRunner.Request request = new ExperimentRunner.Request(directory, true, budget, support.commandLine(),
                palsim.app.experiment.ProgressReporter.silent(), environment.clock(), environment.software().get(),
                environment.machine().get());
        ExperimentRunner.Result result = sweeps.runPoint(plan, request, point, budget, true);
        spec.commandLine().getOut().println("Point " + point + " completed: " + support.display(result.directory()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code --collect DIR}. */
    private int collect() {
        Path directory = environment.workingDirectory().resolve(collect);
        SweepRunner.Plan plan = planOf(directory, sweeps());
        SweepAggregate aggregate = SweepRunner.collect(plan, directory);
        return report(aggregate, directory, new RunSupport(environment, spec));
    }

    /** {@code --retry-failed DIR}. */
    private int retryFailed() {
        Path directory = environment.workingDirectory().resolve(retryFailed).toAbsolutePath().normalize();
        SweepRunner sweeps = sweeps();
        SweepRunner.Plan plan = planOf(directory, sweeps);
        int budget = threads == null ? environment.defaultThreads() : threads;
        if (budget < 1) {
            throw new InputException("--threads: must be >= 1, got " + budget);
        }
        RunSupport support = new RunSupport(environment, spec);
        SlurmSettings slurmSettings = SlurmSettings.of(ConfigDocument.load(directory.resolve(SweepRunner.SWEEP_CONFIG),
                directory.resolve(SweepRunner.SWEEP_CONFIG).toString()));
        long remaining = plan.points().stream().filter(p -> !RecordedOutcome.completed(directory, p)).count();
        SweepExecutor chosen = executor(directory, slurmSettings, plan, budget, directory.getFileName().toString(), support);
        if (chosen == null) {
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "palsim: running again %d of %d points of %s on %s%n", remaining, plan.points().size(),
                support.display(directory), executor);
        err.flush();
        ExperimentRunner.Request request = new ExperimentRunner.Request(directory, true, budget, support.commandLine(),
                palsim.app.experiment.ProgressReporter.silent(), environment.clock(), environment.software().get(),
                environment.machine().get());
        return report(sweeps.retryFailed(plan, request, chosen), directory, support);
    }

    /**
     * The executor {@code --executor} names, set up from the options (and the config's
     * {@code sweep.slurm}); null after {@code --dry-run} printed the job script.
     */
    private SweepExecutor executor(Path directory, SlurmSettings configured, SweepRunner.Plan plan, int budget, String name,
            RunSupport support) {
        switch (executor) {
            case "local" -> {
                return new LocalSweepExecutor(budget);
            }
            case "slurm" -> {
                SlurmSettings settings = configured;
                settings = slurm.time == null ? settings : settings.withTime(slurm.time);
                settings = slurm.mem == null ? settings : settings.withMem(slurm.mem);
                settings = slurm.cpusPerTask == null ? settings : settings.withCpusPerTask(slurm.cpusPerTask);
                settings = slurm.partition == null ? settings : settings.withPartition(slurm.partition);
                settings = slurm.account == null ? settings : settings.withAccount(slurm.account);
                if (!(slurm.poll > 0)) {
                    throw new InputException("--poll: must be > 0 seconds, got " + slurm.poll);
                }
                SlurmSweepExecutor slurmExecutor = new SlurmSweepExecutor(directory, settings, workerCommand(),
                        "palsim-" + name, Duration.ofMillis(Math.round(slurm.poll * 1000)), spec.commandLine().getErr(),
                        !slurm.noWait);
                if (slurm.dryRun) {
                    List<palsim.app.sweep.SweepPoint> points = retryFailed == null ? plan.points()
                            : plan.points().stream().filter(p -> !RecordedOutcome.completed(directory, p)).toList();
                    spec.commandLine().getOut().print(points.isEmpty() ? "# every point completed: nothing to submit\n"
                            : slurmExecutor.script(points));
                    spec.commandLine().getOut().flush();
                    return null;
                }
                if (!SlurmSweepExecutor.available()) {
                    throw new InputException("--executor slurm: sbatch is not on the PATH (run palsim on a SLURM login node,"
                            + " or use --dry-run to see the job script)");
                }
                return slurmExecutor;
            }
            default -> {
                Map<String, String> conf = new LinkedHashMap<>();
                for (String entry : spark.conf) {
                    int eq = entry.indexOf('=');
                    if (eq <= 0) {
                        throw new InputException("--conf: expected KEY=VALUE, got '" + entry + "'");
                    }
                    conf.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
                for (SweepExecutorProvider provider : ServiceLoader.load(SweepExecutorProvider.class)) {
                    if (provider.name().equals(executor)) {
                        return provider.create(new SweepExecutorProvider.Settings(directory, plan.configYaml(), spark.master,
                                conf, Optional.ofNullable(spark.output), support.commandLine(), spec.commandLine().getErr()));
                    }
                }
                if ("spark".equals(executor)) {
                    throw new InputException("--executor spark: the Spark executor is not installed; build it with"
                            + " 'mvn -B -pl palsim-spark -am package' in the palsim checkout (./palsim then finds"
                            + " palsim-spark/target/palsim-spark.jar)");
                }
                throw new InputException("--executor: expected local, slurm or spark, got '" + executor + "'");
            }
        }
    }

    /**
     * How a compute node starts this palsim: this JVM's java, the Vector API module, and this JVM's
     * class path (the launcher's palsim.jar), whose files must be where the nodes see them.
     */
    static List<String> workerCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("-Djava.awt.headless=true");
        command.add("-XX:+UseParallelGC");
        String home = System.getProperty("palsim.home");
        if (home != null) {
            command.add("-Dpalsim.home=" + home);
        }
        command.add("-cp");
        command.add(Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath().toString());
        command.add(Main.class.getName());
        return command;
    }
}
