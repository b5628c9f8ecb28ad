package palsim.app.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import palsim.app.InputException;
import palsim.app.Messages;
import palsim.app.config.ConfigAssignment;
import palsim.app.config.ConfigDocument;
import palsim.app.experiment.CommonSettings;
import palsim.app.experiment.ProgressReporter;
import palsim.app.run.ExperimentRunner;
import palsim.app.run.Provenance;
import palsim.app.run.RunDirectory;
import palsim.app.run.RunRecord;
import palsim.app.run.RunOverrides;

/**
 * Runs a sweep (docs/config.md, "Sweeps"): every point of the config's {@code sweep} section is the
 * config with that point's values set, run into its own run directory under the sweep directory
 * through the same {@link ExperimentRunner} as {@code palsim run}, on a {@link SweepExecutor}; then
 * the results are gathered ({@link SweepAggregate}).
 */
public final class SweepRunner {
    /** The sweep directory's copy of the config as given, sweep section included. */
    public static final String SWEEP_CONFIG = "sweep.yaml";

    private final ExperimentRunner runner;

    public SweepRunner(ExperimentRunner runner) {
        this.runner = runner;
    }

    /**
     * A sweep whose every point parsed.
     *
     * @param spec the sweep section
     * @param points its points
     * @param runs each point's prepared run, in point order
     * @param configYaml the config as given, for sweep.yaml
     */
    public record Plan(SweepSpec spec, List<SweepPoint> points, List<ExperimentRunner.PreparedRun<?>> runs, String configYaml) {}

    /**
     * Reads the sweep section and prepares every point, so that a bad value at any point is reported
     * before anything runs or is written.
     *
     * @throws InputException naming the point and the key
     */
    public Plan plan(ConfigDocument document) {
        String configYaml = document.toYaml();
        SweepSpec spec = SweepSpec.takeFrom(document);
        List<SweepPoint> points = SweepPoint.of(spec);
        List<ExperimentRunner.PreparedRun<?>> runs = new ArrayList<>();
        for (SweepPoint point : points) {
            ConfigDocument config = document.copy();
            for (SweepPoint.Value value : point.values()) {
                String source = SweepSpec.SECTION + (spec.grid().stream().anyMatch(a -> a.path().equals(value.path())) ? ".grid" : ".zip");
                config.apply(ConfigAssignment.of(source, value.path(), value.value().deepCopy()));
            }
            spec.seeds().ifPresent(seeds -> {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                seeds.forEach(list::add);
                config.replace(CommonSettings.SEEDS, list);
            });
            try {
                ExperimentRunner.PreparedRun<?> run = runner.prepare(config, RunOverrides.none());
                run.checkInputs();
                runs.add(run);
            } catch (InputException e) {
                throw new InputException("sweep point " + point.index() + " (" + point.label() + "): "
                        + Messages.oneLine(e.getMessage(), ""), e);
            }
        }
        return new Plan(spec, points, runs, configYaml);
    }

    /**
     * Runs every point into {@code <directory>/point-NNN} and writes the aggregate.
     *
     * @param request what every point's run needs; its directory is the sweep directory, its thread
     *     count the sweep's budget (the executor shares it out)
     * @return the outcomes, in point order
     */
    public SweepAggregate execute(Plan plan, ExperimentRunner.Request request, SweepExecutor executor) {
        RunDirectory directory = RunDirectory.create(request.directory(), request.force());
        directory.writeText(SWEEP_CONFIG, plan.configYaml());
        List<SweepExecutor.Outcome> outcomes = executor.runAll(plan.points(), (point, threads) -> {
            ExperimentRunner.Request pointRequest = new ExperimentRunner.Request(
                    request.directory().resolve(point.directoryName()), request.force(), threads, request.commandLine(),
                    ProgressReporter.silent(), request.clock(), request.software(), request.machine());
            runner.execute(plan.runs().get(point.index()), pointRequest);
        });
        return SweepAggregate.write(directory, plan, outcomes);
    }

    /**
     * Continues an interrupted sweep in its directory: a point that completed is kept as it is, a
     * point with a run directory is resumed from its newest checkpoint ({@link ExperimentRunner#resume},
     * with the point's own config.yaml), a point that never started runs; then the aggregate is
     * written as {@link #execute} writes it.
     */
    public SweepAggregate resume(Plan plan, ExperimentRunner.Request request, SweepExecutor executor) {
        RunDirectory directory = RunDirectory.reopen(request.directory(), SWEEP_CONFIG);
        List<SweepExecutor.Outcome> outcomes = executor.runAll(plan.points(), (point, threads) -> {
            Path pointDirectory = request.directory().resolve(point.directoryName());
            ExperimentRunner.Request pointRequest = new ExperimentRunner.Request(pointDirectory, true, threads,
                    request.commandLine(), ProgressReporter.silent(), request.clock(), request.software(), request.machine());
            if (!Files.isRegularFile(pointDirectory.resolve(RunDirectory.CONFIG))) {
                runner.execute(plan.runs().get(point.index()), pointRequest);
                return;
            }
            RunRecord record = RunRecord.open(pointDirectory, point.directoryName());
            if (record.hasMetrics() && Provenance.COMPLETED.equals(record.status())) {
                return;
            }
            runner.resume(runner.prepare(record.config(), RunOverrides.none()), pointRequest, point.directoryName());
        });
        return SweepAggregate.write(directory, plan, outcomes);
    }

    /**
     * Runs point {@code index} of {@code plan} into {@code <request.directory()>/point-NNN} with
     * {@code threads} worker threads: what a cluster executor's task does ({@code palsim sweep
     * --point N}), through the same {@link ExperimentRunner} as every other run.
     *
     * @param request the sweep's request: its directory is the sweep directory
     * @param force replace what a previous attempt left in the point's directory
     * @throws Exception what the run threw, after its provenance.json recorded the failure
     */
    public ExperimentRunner.Result runPoint(Plan plan, ExperimentRunner.Request request, int index, int threads, boolean force)
            throws Exception {
        if (index < 0 || index >= plan.points().size()) {
            throw new InputException("--point: the sweep has points 0 to " + (plan.points().size() - 1) + ", got " + index);
        }
        SweepPoint point = plan.points().get(index);
        ExperimentRunner.Request pointRequest = new ExperimentRunner.Request(
                request.directory().resolve(point.directoryName()), force, threads, request.commandLine(),
                ProgressReporter.silent(), request.clock(), request.software(), request.machine());
        return runner.execute(plan.runs().get(index), pointRequest);
    }

    /**
     * Writes the aggregate of the sweep in {@code directory} from what its points' run directories
     * record ({@link RecordedOutcome}): {@code palsim sweep --collect}, and the last step of the
     * executors that run points elsewhere.
     */
    public static SweepAggregate collect(Plan plan, Path directory) {
        List<SweepExecutor.Outcome> outcomes = plan.points().stream().map(p -> RecordedOutcome.of(directory, p)).toList();
        return SweepAggregate.write(RunDirectory.create(directory, true), plan, outcomes);
    }

    /**
     * Runs again, on {@code executor}, every point of the sweep in {@code request.directory()} that
     * did not complete (failed, killed, never started), each into its own directory afresh, then
     * writes the aggregate of all points; completed points are left as they are.
     */
    public SweepAggregate retryFailed(Plan plan, ExperimentRunner.Request request, SweepExecutor executor) {
        Path directory = request.directory();
        List<SweepPoint> remaining = plan.points().stream().filter(p -> !RecordedOutcome.completed(directory, p)).toList();
        Map<SweepPoint, SweepExecutor.Outcome> rerun = remaining.isEmpty() ? Map.of()
                : executor.runAll(remaining, (point, threads) -> runPoint(plan, request, point.index(), threads, true))
                        .stream().collect(Collectors.toMap(SweepExecutor.Outcome::point, Function.identity()));
        List<SweepExecutor.Outcome> outcomes = plan.points().stream()
                .map(p -> rerun.getOrDefault(p, new SweepExecutor.Outcome(p, null))).toList();
        return SweepAggregate.write(RunDirectory.create(directory, true), plan, outcomes);
    }

    /**
     * Starts the sweep like {@link #execute} but returns once {@code executor} has handed the points
     * on (a SLURM array submitted without waiting), writing no aggregate: {@link #collect} writes it
     * when the points are done.
     */
    public void submit(Plan plan, ExperimentRunner.Request request, SweepExecutor executor) {
        RunDirectory directory = RunDirectory.create(request.directory(), request.force());
        directory.writeText(SWEEP_CONFIG, plan.configYaml());
        executor.runAll(plan.points(), (point, threads) -> runPoint(plan, request, point.index(), threads, true));
    }
}
